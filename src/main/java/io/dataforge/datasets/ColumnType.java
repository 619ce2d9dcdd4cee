package io.dataforge.datasets;

import java.util.Locale;

/** The column types a dataset may declare, each with the PostgreSQL type it becomes. */
public enum ColumnType {

    TEXT("text"), INTEGER("integer"), BIGINT("bigint"), NUMERIC("numeric"), BOOLEAN("boolean"), DATE("date"),
    TIMESTAMP("timestamp"), TIMESTAMPTZ("timestamptz"), UUID("uuid"), JSONB("jsonb");

    private final String sql;

    ColumnType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /**
     * The type named as in a declaration ("bigint", "timestamptz"); numeric's precision
     * is read elsewhere.
     */
    static ColumnType named(String name) {
        for (ColumnType type : values()) {
            if (type.sql.equals(name.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown column type '" + name
                + "': text, integer, bigint, numeric(p,s), boolean, date, timestamp, timestamptz, uuid or jsonb");
    }

}
