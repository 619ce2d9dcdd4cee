package io.dataforge.load.copy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.dataforge.datasets.ColumnType;
import io.dataforge.datasets.DatasetColumn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnValuesTest {

    @Test
    void numericsKeepEveryDigitOrAreRefusedNeverRounded() throws Exception {
        DatasetColumn money = column(ColumnType.NUMERIC, 6, 2);

        assertThat(ColumnValues.convert(money, "1234.5")).isEqualTo(new BigDecimal("1234.5"));
        assertThat(ColumnValues.convert(money, " 1.500 ")).isEqualTo(new BigDecimal("1.5"));
        assertThat(ColumnValues.convert(money, "-9999.99")).isEqualTo(new BigDecimal("-9999.99"));
        assertThatThrownBy(() -> ColumnValues.convert(money, "1.005"))
            .hasMessageContaining("more than 2 decimal places");
        assertThatThrownBy(() -> ColumnValues.convert(money, "10000"))
            .hasMessageContaining("does not fit numeric(6,2)");
        assertThatThrownBy(() -> ColumnValues.convert(money, "NaN")).hasMessageContaining("not a number");
    }

    @Test
    void integersAreCheckedAgainstTheirRange() throws Exception {
        assertThat(ColumnValues.convert(column(ColumnType.INTEGER, 0, 0), "+42")).isEqualTo(42L);
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.INTEGER, 0, 0), "2147483648"))
            .hasMessageContaining("out of range");
        assertThat(ColumnValues.convert(column(ColumnType.BIGINT, 0, 0), "-9223372036854775808"))
            .isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.BIGINT, 0, 0), "1.0"))
            .hasMessageContaining("not a whole number");
    }

    @Test
    void emptyIsNullExceptAQuotedEmptyText() throws Exception {
        assertThat(ColumnValues.convert(column(ColumnType.TEXT, 0, 0), "")).isEqualTo("");
        assertThat(ColumnValues.convert(column(ColumnType.TEXT, 0, 0), null)).isNull();
        assertThat(ColumnValues.convert(column(ColumnType.DATE, 0, 0), " ")).isNull();
        DatasetColumn required = new DatasetColumn("r", ColumnType.UUID, 0, 0, true, false);
        assertThatThrownBy(() -> ColumnValues.convert(required, "")).hasMessageContaining("required");
    }

    @Test
    void timestampsWithAndWithoutZones() throws Exception {
        assertThat(ColumnValues.convert(column(ColumnType.TIMESTAMP, 0, 0), "2024-01-02 03:04:05"))
            .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.TIMESTAMP, 0, 0), "2024-01-02T03:04:05Z"))
            .hasMessageContaining("without time zone");
        assertThat(ColumnValues.convert(column(ColumnType.TIMESTAMPTZ, 0, 0), "2024-01-02 03:04:05"))
            .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        assertThat(ColumnValues.convert(column(ColumnType.TIMESTAMPTZ, 0, 0), "2024-01-02T03:04:05+02:00"))
            .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)));
    }

    @Test
    void undecodableBytesNulsAndBrokenJsonAreRefused() {
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.TEXT, 0, 0), "ab\uFFFDc"))
            .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.TEXT, 0, 0), "a\0b"))
            .hasMessageContaining("NUL");
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.JSONB, 0, 0), "{\"a\":"))
            .hasMessageContaining("JSON");
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.JSONB, 0, 0), "1 2"))
            .hasMessageContaining("more than one");
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.BOOLEAN, 0, 0), "maybe"))
            .hasMessageContaining("boolean");
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.UUID, 0, 0), "not-a-uuid"))
            .hasMessageContaining("UUID");
    }

    @Test
    void commonShapesAndJavaTimesOthersReadAlike() throws Exception {
        DatasetColumn at = column(ColumnType.TIMESTAMP, 0, 0);
        assertThat(ColumnValues.convert(at, "2024-12-31T23:59:59.123456789"))
            .isEqualTo(LocalDateTime.of(2024, 12, 31, 23, 59, 59, 123_456_789));
        assertThat(ColumnValues.convert(at, "2024-12-31 23:59:59.5"))
            .isEqualTo(LocalDateTime.of(2024, 12, 31, 23, 59, 59, 500_000_000));
        assertThat(ColumnValues.convert(at, "2024-12-31T23:59")).isEqualTo(LocalDateTime.of(2024, 12, 31, 23, 59));
        assertThatThrownBy(() -> ColumnValues.convert(at, "2024-02-30 00:00:00")).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> ColumnValues.convert(at, "2024-01-01 24:00:00")).hasMessageContaining("timestamp");
        DatasetColumn tz = column(ColumnType.TIMESTAMPTZ, 0, 0);
        assertThat(ColumnValues.convert(tz, "2024-01-02 03:04:05.25-05:30"))
            .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 250_000_000, ZoneOffset.ofHoursMinutes(-5, -30)));
        assertThat(ColumnValues.convert(tz, "2024-01-02T03:04:05+01:00:30"))
            .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutesSeconds(1, 0, 30)));
        assertThatThrownBy(() -> ColumnValues.convert(tz, "2024-01-02 03:04:05+25:00"))
            .hasMessageContaining("not a timestamp");
        DatasetColumn day = column(ColumnType.DATE, 0, 0);
        assertThat(ColumnValues.convert(day, "1999-12-31")).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(ColumnValues.convert(day, "+12024-01-01")).isEqualTo(LocalDate.of(12024, 1, 1));
        assertThatThrownBy(() -> ColumnValues.convert(day, "+999999999-01-01")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> ColumnValues.convert(at, "+300000-01-01T00:00:00"))
            .hasMessageContaining("out of range");
        assertThatThrownBy(() -> ColumnValues.convert(day, "2023-02-29")).hasMessageContaining("not a date");
        DatasetColumn ref = column(ColumnType.UUID, 0, 0);
        UUID uuid = UUID.randomUUID();
        assertThat(ColumnValues.convert(ref, uuid.toString().toUpperCase())).isEqualTo(uuid);
        assertThatThrownBy(() -> ColumnValues.convert(ref, uuid.toString().replace('-', 'x')))
            .hasMessageContaining("UUID");
        assertThatThrownBy(() -> ColumnValues.convert(ref, "g" + uuid.toString().substring(1)))
            .hasMessageContaining("UUID");
    }

    private static DatasetColumn column(ColumnType type, int precision, int scale) {
        return new DatasetColumn("c", type, precision, scale, false, false);
    }

}
