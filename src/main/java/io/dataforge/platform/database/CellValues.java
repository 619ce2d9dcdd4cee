package io.dataforge.platform.database;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * PostgreSQL result cells as JSON, the same for every answer that shows rows (a query
 * page, an export file). Integers and floats are JSON numbers; numeric is a JSON number
 * in plain digits with its scale, never rounded through a double nor put in exponent
 * form; booleans are booleans; json and jsonb are embedded as the JSON they hold, never
 * as a quoted string and never re-parsed (which would round their numbers); timestamp,
 * timestamptz and date are ISO-8601 text; anything else (text, uuid, bytea, arrays...) is
 * PostgreSQL's own text of it.
 */
public final class CellValues {

    /**
     * A json or jsonb cell: its JSON text as PostgreSQL gives it, which is always valid
     * JSON.
     */
    public record JsonText(String json) {

        @Override
        public String toString() {
            return json;
        }
    }

    /**
     * How the cells of one result column are read, chosen once per column from the
     * driver's type name.
     */
    public enum Kind {

        INTEGER {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                long value = rs.getLong(index);
                return rs.wasNull() ? null : value;
            }

            @Override
            public void write(ResultSet rs, int index, JsonGenerator out) throws SQLException, IOException {
                long value = rs.getLong(index);
                if (rs.wasNull()) {
                    out.writeNull();
                }
                else {
                    out.writeNumber(value);
                }
            }
        },
        REAL {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                float value = rs.getFloat(index);
                return rs.wasNull() ? null : value;
            }
        },
        DOUBLE {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                double value = rs.getDouble(index);
                return rs.wasNull() ? null : value;
            }
        },
        NUMERIC {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return rs.getBigDecimal(index);
            }
        },
        BOOLEAN {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                boolean value = rs.getBoolean(index);
                return rs.wasNull() ? null : value;
            }
        },
        JSONB {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                String json = rs.getString(index);
                return json == null ? null : new JsonText(json);
            }
        },
        /**
         * json keeps its input's layout; its line breaks can only be whitespace, and
         * would split an NDJSON line.
         */
        JSON {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                String json = rs.getString(index);
                return json == null ? null : new JsonText(json.replace('\n', ' ').replace('\r', ' '));
            }
        },
        TIMESTAMP {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return text(rs.getObject(index, LocalDateTime.class));
            }
        },
        /** The driver gives it in UTC, so the text ends in Z. */
        TIMESTAMPTZ {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return text(rs.getObject(index, OffsetDateTime.class));
            }
        },
        DATE {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return text(rs.getObject(index, LocalDate.class));
            }
        },
        TEXT {
            @Override
            public Object read(ResultSet rs, int index) throws SQLException {
                return rs.getString(index);
            }
        };

        public static Kind of(String typeName) {
            return switch (typeName) {
                // the driver names identity and serial columns by their old pseudo-types
                case "int2", "int4", "int8", "smallserial", "serial", "bigserial" -> INTEGER;
                case "float4" -> REAL;
                case "float8" -> DOUBLE;
                case "numeric" -> NUMERIC;
                case "bool" -> BOOLEAN;
                case "jsonb" -> JSONB;
                case "json" -> JSON;
                case "timestamp" -> TIMESTAMP;
                case "timestamptz" -> TIMESTAMPTZ;
                case "date" -> DATE;
                default -> TEXT;
            };
        }

        /**
         * The cell as a value {@link CellValues#write} takes: null, Long, Float, Double,
         * BigDecimal, Boolean, JsonText or String.
         */
        public abstract Object read(ResultSet rs, int index) throws SQLException;

        /** The cell straight to JSON, the same as writing what {@link #read} gives. */
        public void write(ResultSet rs, int index, JsonGenerator out) throws SQLException, IOException {
            CellValues.write(out, read(rs, index));
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }

    }

    private CellValues() {
    }

    /**
     * A value read by {@link Kind#read} (or any other: it is written as its text) as one
     * JSON value.
     */
    public static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        }
        else if (value instanceof String text) {
            out.writeString(text);
        }
        else if (value instanceof JsonText json) {
            out.writeRawValue(json.json());
        }
        else if (value instanceof BigDecimal decimal) {
            // the generator's own form may be exponent notation (1E-7); plain digits read
            // as the database shows them
            out.writeNumber(decimal.toPlainString());
        }
        else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).longValue());
        }
        else if (value instanceof BigInteger integer) {
            out.writeNumber(integer);
        }
        else if (value instanceof Float real) {
            out.writeNumber(real.floatValue()); // widened to double it would gain digits
                                                // (0.1 as 0.10000000149011612)
        }
        else if (value instanceof Double real) {
            out.writeNumber(real.doubleValue()); // NaN and infinities have no JSON number
                                                 // form; Jackson quotes them
        }
        else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        }
        else {
            out.writeString(value.toString());
        }
    }

}
