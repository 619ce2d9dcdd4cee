package io.dataforge.load.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.dataforge.IntegrationTest;
import io.dataforge.datasets.ColumnType;
import io.dataforge.datasets.DatasetColumn;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type's binary encoding, checked against PostgreSQL itself: each value goes in
 * through a binary COPY and must read back as PostgreSQL reads the same text.
 */
@IntegrationTest
class CopyRowWriterIT {

    @Autowired
    DataSource dataSource;

    @Test
    void everyValueReadsBackAsPostgresReadsItsText() throws Exception {
        check(column(ColumnType.NUMERIC, 20, 8), "0", "0.00", "-0.01", "1", "10000", "12345678.90", "0.0001", "0.00001",
                "-99999999.99999999", "1E+3", "100000000", "0.12345678", "9999.9999", "5000.0005");
        check(column(ColumnType.NUMERIC, 6, 2), "1.500", "-1234.5", "0.1");
        check(column(ColumnType.INTEGER, 0, 0), "0", "-1", "+42", "2147483647", "-2147483648");
        check(column(ColumnType.BIGINT, 0, 0), "9223372036854775807", "-9223372036854775808", "7");
        check(column(ColumnType.BOOLEAN, 0, 0), "yes", "off", "T");
        check(column(ColumnType.DATE, 0, 0), "2000-01-01", "1999-12-31", "1970-01-01", "0001-01-01", "2400-02-29");
        check(column(ColumnType.TIMESTAMP, 0, 0), "2000-01-01 00:00:00", "1999-12-31 23:59:59.999999",
                "1969-07-20T20:17:40.5", "2024-03-01 10:00:00.12345678", "0001-01-01 00:00:00", "2024-12-31T23:59");
        check(column(ColumnType.TIMESTAMPTZ, 0, 0), "2024-03-01T10:00:00+02:00", "2024-03-01 10:00:00",
                "1900-01-01 00:00:00Z", "2024-03-01 10:00:00.25-05:30", "2024-03-01T10:00:00+01:00:30");
        check(column(ColumnType.UUID, 0, 0), UUID.randomUUID().toString(), "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
        check(column(ColumnType.JSONB, 0, 0), "{\"a\": [1, 2.50, \"x\"]}", "null", "\"Ünï 😀\"");
        check(column(ColumnType.TEXT, 0, 0), "", "a, \"b\"\nc\\.", "Ünïcödé 😀 日本", "x".repeat(5000));
    }

    /** One table per type: binary COPY of the values, then compare with text casts. */
    private void check(DatasetColumn column, String... texts) throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID upload = UUID.randomUUID();
        String type = column.typeName();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // a timestamptz without an offset is UTC, on our side and in the cast
            statement.execute("SET TIME ZONE 'UTC'");
            connection.setAutoCommit(false);
            statement.execute("CREATE TEMP TABLE binary_copy (n serial, tenant_id uuid, upload_id uuid, v " + type
                    + ") ON COMMIT DROP");
            PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY binary_copy (tenant_id, upload_id, v) FROM STDIN WITH (FORMAT binary)"));
            CopyRowWriter writer = new CopyRowWriter(copy, tenant, upload, List.of(column.type()));
            for (String text : texts) {
                writer.write(new Object[] { ColumnValues.convert(column, text) });
            }
            writer.write(new Object[] { null });
            writer.finish();
            assertThat(copy.endCopy()).isEqualTo(texts.length + 1);
            List<String> loaded = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            try (ResultSet rows = statement
                .executeQuery("SELECT tenant_id, upload_id, v::text FROM binary_copy ORDER BY n")) {
                while (rows.next()) {
                    assertThat(rows.getObject(1)).isEqualTo(tenant);
                    assertThat(rows.getObject(2)).isEqualTo(upload);
                    loaded.add(rows.getString(3));
                }
            }
            try (PreparedStatement cast = connection.prepareStatement("SELECT ?::" + type + "::text")) {
                for (String text : texts) {
                    cast.setString(1, text);
                    try (ResultSet value = cast.executeQuery()) {
                        value.next();
                        expected.add(value.getString(1));
                    }
                }
            }
            expected.add(null);
            assertThat(loaded).as(type).isEqualTo(expected);
            connection.rollback();
        }
    }

    private static DatasetColumn column(ColumnType type, int precision, int scale) {
        return new DatasetColumn("v", type, precision, scale, false, false);
    }

}
