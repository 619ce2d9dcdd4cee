package io.dataforge.watch.parquet;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads Parquet bytes back into Java values, entirely in memory (no local file, no Hadoop
 * FileSystem), for tests that check what a conversion or an upload wrote. Values: Long
 * (int64), BigDecimal (decimal), Double, Boolean, LocalDate (date), LocalDateTime
 * (timestamp, not adjusted to UTC), Instant (timestamp adjusted to UTC), String, Integer
 * (plain int32), byte[] (plain binary) and null; every row map holds every column, in
 * order.
 */
public final class ParquetReadBack {

    private ParquetReadBack() {
    }

    /** All rows; for small files. */
    public static List<Map<String, Object>> readAll(byte[] parquet) {
        List<Map<String, Object>> rows = new ArrayList<>();
        forEachRow(parquet, rows::add);
        return rows;
    }

    /**
     * Streams the rows one row group at a time, so a file of millions of rows is checked
     * in bounded memory.
     */
    public static void forEachRow(byte[] parquet, Consumer<Map<String, Object>> action) {
        try (ParquetFileReader reader = open(parquet)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    action.accept(toMap(schema, records.read()));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Parquet schema as written. */
    public static MessageType messageType(byte[] parquet) {
        return footer(parquet).getFileMetaData().getSchema();
    }

    /**
     * Column name → e.g. "INT64", "INT64 DECIMAL(18,2)", "BINARY STRING", "INT64
     * TIMESTAMP(MICROS,false)".
     */
    public static Map<String, String> schema(byte[] parquet) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Type field : messageType(parquet).getFields()) {
            PrimitiveType primitive = field.asPrimitiveType();
            LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
            columns.put(field.getName(), primitive.getPrimitiveTypeName() + (logical == null ? "" : " " + logical));
        }
        return columns;
    }

    /** Rows, row groups and the codec of the first column chunk, from the footer. */
    public static ParquetMetadata footer(byte[] parquet) {
        try (ParquetFileReader reader = open(parquet)) {
            return reader.getFooter();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long rowCount(byte[] parquet) {
        return footer(parquet).getBlocks().stream().mapToLong(block -> block.getRowCount()).sum();
    }

    private static ParquetFileReader open(byte[] parquet) throws IOException {
        return ParquetFileReader.open(new BytesInputFile(parquet),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    }

    private static Map<String, Object> toMap(MessageType schema, Group group) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < schema.getFieldCount(); i++) {
            PrimitiveType type = schema.getType(i).asPrimitiveType();
            row.put(type.getName(), group.getFieldRepetitionCount(i) == 0 ? null : value(type, group, i));
        }
        return row;
    }

    private static Object value(PrimitiveType type, Group group, int i) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> group.getBoolean(i, 0);
            case DOUBLE -> group.getDouble(i, 0);
            case FLOAT -> group.getFloat(i, 0);
            case INT32 -> logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                    ? LocalDate.ofEpochDay(group.getInteger(i, 0)) : group.getInteger(i, 0);
            case INT64 -> int64(logical, group.getLong(i, 0));
            case BINARY, FIXED_LEN_BYTE_ARRAY -> logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    ? group.getString(i, 0) : group.getBinary(i, 0).getBytes();
            case INT96 -> group.getInt96(i, 0).getBytes();
        };
    }

    private static Object int64(LogicalTypeAnnotation logical, long value) {
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return BigDecimal.valueOf(value, decimal.getScale());
        }
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
            long micros = switch (timestamp.getUnit()) {
                case MILLIS -> value * 1000;
                case MICROS -> value;
                case NANOS -> Math.floorDiv(value, 1000);
            };
            Instant instant = Instant.EPOCH.plusNanos(Math.floorMod(micros, 1_000_000L) * 1000)
                .plusSeconds(Math.floorDiv(micros, 1_000_000L));
            return timestamp.isAdjustedToUTC() ? instant : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        return value;
    }

    /** Parquet bytes held in memory. */
    private record BytesInputFile(byte[] bytes) implements InputFile {

        @Override
        public long getLength() {
            return bytes.length;
        }

        @Override
        public SeekableInputStream newStream() {
            return new BytesSeekableStream(bytes);
        }
    }

    private static final class BytesSeekableStream extends SeekableInputStream {

        private final byte[] bytes;

        private int position;

        BytesSeekableStream(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void seek(long newPos) {
            position = Math.toIntExact(newPos);
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(len, bytes.length - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void readFully(byte[] b) throws IOException {
            readFully(b, 0, b.length);
        }

        @Override
        public void readFully(byte[] b, int off, int len) throws IOException {
            if (len > bytes.length - position) {
                throw new EOFException();
            }
            System.arraycopy(bytes, position, b, off, len);
            position += len;
        }

        @Override
        public int read(ByteBuffer buffer) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(buffer.remaining(), bytes.length - position);
            buffer.put(bytes, position, n);
            position += n;
            return n;
        }

        @Override
        public void readFully(ByteBuffer buffer) throws IOException {
            if (buffer.remaining() > bytes.length - position) {
                throw new EOFException();
            }
            read(buffer);
        }

    }

}
