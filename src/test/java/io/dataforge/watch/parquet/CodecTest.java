package io.dataforge.watch.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CodecTest {

    private static final byte[] CSV = "a,b\n1,x\n2,y\n3,\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void zstdIsTheDefault() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV, CSV, ConversionSettings.defaults());

        assertThat(codecOf(conversion.parquet)).isEqualTo(CompressionCodecName.ZSTD);
        assertThat(conversion.rows()).hasSize(3);
    }

    @Test
    void snappyWritesReadableParquet() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV, CSV,
                ConversionSettings.defaults().withCodec(ParquetCodec.SNAPPY));

        assertThat(codecOf(conversion.parquet)).isEqualTo(CompressionCodecName.SNAPPY);
        assertThat(conversion.rows()).extracting(row -> row.get("b")).containsExactly("x", "y", null);
    }

    @Test
    void uncompressedWritesReadableParquet() throws Exception {
        Conversions conversion = Conversions.of(DataFormat.CSV, CSV,
                ConversionSettings.defaults().withCodec(ParquetCodec.UNCOMPRESSED));

        assertThat(codecOf(conversion.parquet)).isEqualTo(CompressionCodecName.UNCOMPRESSED);
        assertThat(conversion.rows()).extracting(row -> row.get("a")).containsExactly(1L, 2L, 3L);
    }

    private static CompressionCodecName codecOf(byte[] parquet) {
        return ParquetReadBack.footer(parquet).getBlocks().get(0).getColumns().get(0).getCodec();
    }

}
