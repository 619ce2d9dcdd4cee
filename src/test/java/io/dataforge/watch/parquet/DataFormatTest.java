package io.dataforge.watch.parquet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataFormatTest {

    @Test
    void theExtensionDecidesTheFormatIgnoringCase() {
        assertThat(DataFormat.ofFileName("a/b/Events.CSV")).contains(DataFormat.CSV);
        assertThat(DataFormat.ofFileName("x.tsv")).contains(DataFormat.TSV);
        assertThat(DataFormat.ofFileName("x.json")).contains(DataFormat.JSON);
        assertThat(DataFormat.ofFileName("x.jsonl")).contains(DataFormat.JSONL);
        assertThat(DataFormat.ofFileName("x.NDJSON")).contains(DataFormat.JSONL);
        assertThat(DataFormat.ofFileName("x.xml")).contains(DataFormat.XML);
    }

    @Test
    void otherNamesHaveNoFormat() {
        assertThat(DataFormat.ofFileName("x.csv.gz")).isEmpty();
        assertThat(DataFormat.ofFileName("csv")).isEmpty();
        assertThat(DataFormat.ofFileName("dir.csv/file")).isEmpty();
    }

}
