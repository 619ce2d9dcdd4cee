package io.dataforge.load.copy;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.dataforge.datasets.ColumnType;
import org.postgresql.util.ByteConverter;

/**
 * Writes rows in COPY's binary format, so PostgreSQL takes each value as it is stored
 * rather than parsing text: a signature, then per row the field count and each field as
 * its length (-1 for NULL) and bytes, then -1 at the end. Every row starts with the
 * tenant and the upload; the values are {@link ColumnValues}' typed ones. A row is built
 * whole before it is written, in one buffer reused from row to row.
 */
final class CopyRowWriter {

    private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

    /** 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;

    private final OutputStream out;

    private final ColumnType[] types;

    private final int prefixLength;

    private byte[] row = new byte[1024];

    private int length;

    /** {@code out}: the COPY stream, buffered. */
    CopyRowWriter(OutputStream out, UUID tenantId, UUID uploadId, List<ColumnType> types) throws IOException {
        this.out = out;
        this.types = types.toArray(ColumnType[]::new);
        short2(2 + this.types.length);
        value(ColumnType.UUID, tenantId);
        value(ColumnType.UUID, uploadId);
        this.prefixLength = length;
        out.write(SIGNATURE);
        out.write(new byte[8]); // no flags, no header extension
    }

    void write(Object[] values) throws IOException {
        length = prefixLength;
        for (int i = 0; i < types.length; i++) {
            value(types[i], values[i]);
        }
        out.write(row, 0, length);
    }

    /** The end marker; the caller ends the COPY. */
    void finish() throws IOException {
        out.write(new byte[] { -1, -1 });
        out.flush();
    }

    private void value(ColumnType type, Object value) {
        if (value == null) {
            int4(-1);
            return;
        }
        switch (type) {
            case TEXT -> bytes(((String) value).getBytes(StandardCharsets.UTF_8), false);
            case JSONB -> bytes(((String) value).getBytes(StandardCharsets.UTF_8), true);
            case INTEGER -> {
                int4(4);
                int4(((Long) value).intValue());
            }
            case BIGINT -> {
                int4(8);
                int8((Long) value);
            }
            case NUMERIC -> numeric((BigDecimal) value);
            case BOOLEAN -> {
                int4(1);
                byte1((Boolean) value ? 1 : 0);
            }
            case DATE -> {
                int4(4);
                int4((int) (((LocalDate) value).toEpochDay() - PG_EPOCH_DAY));
            }
            case TIMESTAMP -> {
                LocalDateTime time = (LocalDateTime) value;
                int4(8);
                int8(micros(time.toEpochSecond(ZoneOffset.UTC), time.getNano()));
            }
            case TIMESTAMPTZ -> {
                OffsetDateTime time = (OffsetDateTime) value;
                int4(8);
                int8(micros(time.toEpochSecond(), time.getNano()));
            }
            case UUID -> {
                int4(16);
                uuid((UUID) value);
            }
        }
    }

    /** Rounded to the microsecond, as PostgreSQL rounds a longer fraction. */
    private static long micros(long epochSecond, int nanos) {
        return (epochSecond - PG_EPOCH_SECOND) * 1_000_000 + (nanos + 500) / 1000;
    }

    /** jsonb's binary form is a version byte before the text. */
    private void bytes(byte[] bytes, boolean jsonb) {
        int4(bytes.length + (jsonb ? 1 : 0));
        if (jsonb) {
            byte1(1);
        }
        room(bytes.length);
        System.arraycopy(bytes, 0, row, length, bytes.length);
        length += bytes.length;
    }

    /**
     * numeric's binary form (base-10000 digits, weight, sign, display scale), as pgjdbc
     * encodes it.
     */
    private void numeric(BigDecimal value) {
        byte[] bytes = ByteConverter.numeric(value);
        int4(bytes.length);
        room(bytes.length);
        System.arraycopy(bytes, 0, row, length, bytes.length);
        length += bytes.length;
    }

    private void uuid(UUID value) {
        int8(value.getMostSignificantBits());
        int8(value.getLeastSignificantBits());
    }

    private void int8(long value) {
        room(8);
        ByteConverter.int8(row, length, value);
        length += 8;
    }

    private void int4(int value) {
        room(4);
        ByteConverter.int4(row, length, value);
        length += 4;
    }

    private void short2(int value) {
        room(2);
        ByteConverter.int2(row, length, value);
        length += 2;
    }

    private void byte1(int value) {
        room(1);
        row[length++] = (byte) value;
    }

    private void room(int bytes) {
        if (length + bytes > row.length) {
            row = Arrays.copyOf(row, Math.max(row.length * 2, length + bytes));
        }
    }

}
