package io.dataforge.load.copy;

import io.dataforge.datasets.ColumnType;
import io.dataforge.datasets.DatasetColumn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnValuesTest {

    @Test
    void numericsKeepEveryDigitOrAreRefusedNeverRounded() throws Exception {
        DatasetColumn money = column(ColumnType.NUMERIC, 6, 2);

        assertThat(ColumnValues.convert(money, "1234.5")).isEqualTo("1234.5");
        assertThat(ColumnValues.convert(money, " 1.500 ")).isEqualTo("1.5");
        assertThat(ColumnValues.convert(money, "-9999.99")).isEqualTo("-9999.99");
        assertThatThrownBy(() -> ColumnValues.convert(money, "1.005"))
            .hasMessageContaining("more than 2 decimal places");
        assertThatThrownBy(() -> ColumnValues.convert(money, "10000"))
            .hasMessageContaining("does not fit numeric(6,2)");
        assertThatThrownBy(() -> ColumnValues.convert(money, "NaN")).hasMessageContaining("not a number");
    }

    @Test
    void integersAreCheckedAgainstTheirRange() throws Exception {
        assertThat(ColumnValues.convert(column(ColumnType.INTEGER, 0, 0), "+42")).isEqualTo("42");
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.INTEGER, 0, 0), "2147483648"))
            .hasMessageContaining("out of range");
        assertThat(ColumnValues.convert(column(ColumnType.BIGINT, 0, 0), "-9223372036854775808"))
            .isEqualTo("-9223372036854775808");
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.BIGINT, 0, 0), "1.0"))
            .hasMessageContaining("not a whole number");
    }

    @Test
    void emptyIsNullExceptAQuotedEmptyText() throws Exception {
        assertThat(ColumnValues.convert(column(ColumnType.TEXT, 0, 0), "")).isEmpty();
        assertThat(ColumnValues.convert(column(ColumnType.TEXT, 0, 0), null)).isNull();
        assertThat(ColumnValues.convert(column(ColumnType.DATE, 0, 0), " ")).isNull();
        DatasetColumn required = new DatasetColumn("r", ColumnType.UUID, 0, 0, true, false);
        assertThatThrownBy(() -> ColumnValues.convert(required, "")).hasMessageContaining("required");
    }

    @Test
    void timestampsWithAndWithoutZones() throws Exception {
        assertThat(ColumnValues.convert(column(ColumnType.TIMESTAMP, 0, 0), "2024-01-02 03:04:05"))
            .isEqualTo("2024-01-02T03:04:05");
        assertThatThrownBy(() -> ColumnValues.convert(column(ColumnType.TIMESTAMP, 0, 0), "2024-01-02T03:04:05Z"))
            .hasMessageContaining("without time zone");
        assertThat(ColumnValues.convert(column(ColumnType.TIMESTAMPTZ, 0, 0), "2024-01-02 03:04:05"))
            .isEqualTo("2024-01-02T03:04:05Z");
        assertThat(ColumnValues.convert(column(ColumnType.TIMESTAMPTZ, 0, 0), "2024-01-02T03:04:05+02:00"))
            .isEqualTo("2024-01-02T03:04:05+02:00");
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

    private static DatasetColumn column(ColumnType type, int precision, int scale) {
        return new DatasetColumn("c", type, precision, scale, false, false);
    }

}
