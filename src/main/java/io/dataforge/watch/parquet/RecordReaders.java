package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;

import java.io.IOException;
import java.io.InputStream;

/** The record reader of each data format. */
final class RecordReaders {

    private RecordReaders() {
    }

    static RecordReader open(DataFormat format, InputStream in, Columns columns, ConversionSettings settings)
            throws IOException, RejectedFileException {
        return switch (format) {
            case CSV -> new PrefetchingRecordReader(new CsvRecordReader(in, ',', columns, settings), columns.size());
            case TSV -> new PrefetchingRecordReader(new CsvRecordReader(in, '\t', columns, settings), columns.size());
            case JSON -> new JsonRecordReader(in, false, columns, settings);
            case JSONL -> new JsonRecordReader(in, true, columns, settings);
            case XML -> new XmlRecordReader(in, columns, settings);
        };
    }

}
