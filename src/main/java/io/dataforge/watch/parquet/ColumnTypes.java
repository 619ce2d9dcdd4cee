package io.dataforge.watch.parquet;

import org.apache.parquet.io.api.Binary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The type of every column and the lattice it only ever widens along: INT64 → DECIMAL(18,
 * s) with growing s → DOUBLE → STRING, DATE → TIMESTAMP → STRING, BOOLEAN → STRING,
 * TIMESTAMP_UTC → STRING. A widening picks the lowest type above the current one that
 * holds the new value exactly, so every step goes strictly up and a conversion settles
 * after a bounded number of restarts. A null type means no value seen yet.
 */
final class ColumnTypes {

    private final ValueParser parser = new ValueParser();

    private ColumnType[] types = new ColumnType[0];

    private int[] scales = new int[0];

    private boolean straightToString;

    /**
     * Late attempts stop climbing the lattice step by step: any further widening goes to
     * STRING.
     */
    void widenStraightToString(boolean enabled) {
        straightToString = enabled;
    }

    ColumnTypes copy() {
        ColumnTypes copy = new ColumnTypes();
        copy.straightToString = straightToString;
        copy.types = types.clone();
        copy.scales = scales.clone();
        return copy;
    }

    void ensureWidth(int width) {
        if (width > types.length) {
            types = Arrays.copyOf(types, width);
            scales = Arrays.copyOf(scales, width);
        }
    }

    /**
     * Widens every column whose type does not hold the row's value; true when any type
     * changed.
     */
    boolean widenToFit(RawRow row) {
        ensureWidth(row.width());
        boolean changed = false;
        for (int column = 0; column < row.width(); column++) {
            String value = row.value(column);
            if (value != null && !fits(column, value, row.textOnly(column))) {
                widen(column, value, row.textOnly(column));
                changed = true;
            }
        }
        return changed;
    }

    /** After the sample: a column without any value is a string column. */
    void settle(int width) {
        ensureWidth(width);
        for (int column = 0; column < width; column++) {
            if (types[column] == null) {
                types[column] = ColumnType.STRING;
            }
        }
    }

    /**
     * Converts the row into its stored form; the first column whose value does not fit,
     * or -1 when all do.
     */
    int toTyped(RawRow row, TypedRow out) {
        int width = out.width();
        for (int column = 0; column < width; column++) {
            String value = row.value(column);
            if (value == null) {
                out.present[column] = false;
                continue;
            }
            if (!fits(column, value, row.textOnly(column))) {
                return column;
            }
            out.present[column] = true;
            switch (types[column]) {
                case DOUBLE -> out.doubles[column] = parser.doubleValue;
                case STRING -> out.binaries[column] = Binary.fromString(value);
                default -> out.longs[column] = parser.longValue;
            }
        }
        return -1;
    }

    List<ColumnSpec> specs(Columns columns) {
        List<ColumnSpec> specs = new ArrayList<>(columns.size());
        for (int column = 0; column < columns.size(); column++) {
            specs.add(new ColumnSpec(columns.name(column), types[column], scales[column]));
        }
        return specs;
    }

    private boolean fits(int column, String value, boolean textOnly) {
        ColumnType type = types[column];
        return type != null && fits(type, scales[column], value, textOnly);
    }

    private boolean fits(ColumnType type, int scale, String value, boolean textOnly) {
        if (textOnly && type != ColumnType.STRING && type != ColumnType.DATE && type != ColumnType.TIMESTAMP
                && type != ColumnType.TIMESTAMP_UTC) {
            return false;
        }
        return switch (type) {
            case BOOLEAN -> parser.bool(value);
            case INT64 -> parser.int64(value);
            case DECIMAL -> parser.decimal(value, scale);
            case DOUBLE -> parser.dbl(value);
            case DATE -> parser.date(value);
            case TIMESTAMP -> parser.timestamp(value, false) || parser.dateAsMidnight(value);
            case TIMESTAMP_UTC -> parser.timestamp(value, true);
            case STRING -> true;
        };
    }

    private void widen(int column, String value, boolean textOnly) {
        ColumnType own = classify(value, textOnly);
        int ownScale = own == ColumnType.DECIMAL ? parser.plainScale(value) : 0;
        ColumnType current = types[column];
        ColumnType joined = current == null ? own : join(current, own);
        int scale = Math.max(current == null ? 0 : scales[column], ownScale);
        if (joined != ColumnType.DECIMAL) {
            scale = 0;
        }
        if (straightToString && current != null) {
            joined = ColumnType.STRING;
        }
        if (!fits(joined, scale, value, textOnly)) {
            boolean numeric = joined == ColumnType.INT64 || joined == ColumnType.DECIMAL;
            joined = numeric && fits(ColumnType.DOUBLE, 0, value, textOnly) ? ColumnType.DOUBLE : ColumnType.STRING;
            scale = 0;
        }
        types[column] = joined;
        scales[column] = scale;
    }

    private ColumnType classify(String value, boolean textOnly) {
        if (!textOnly) {
            if (parser.bool(value)) {
                return ColumnType.BOOLEAN;
            }
            if (parser.int64(value)) {
                return ColumnType.INT64;
            }
            int scale = parser.plainScale(value);
            if (scale > 0 && parser.decimal(value, scale)) {
                return ColumnType.DECIMAL;
            }
            if (parser.dbl(value)) {
                return ColumnType.DOUBLE;
            }
        }
        if (parser.date(value)) {
            return ColumnType.DATE;
        }
        if (parser.timestamp(value, false)) {
            return ColumnType.TIMESTAMP;
        }
        return parser.timestamp(value, true) ? ColumnType.TIMESTAMP_UTC : ColumnType.STRING;
    }

    private static ColumnType join(ColumnType a, ColumnType b) {
        if (a == b) {
            return a;
        }
        if (rank(a) > 0 && rank(b) > 0) {
            return rank(a) > rank(b) ? a : b;
        }
        if ((a == ColumnType.DATE && b == ColumnType.TIMESTAMP)
                || (a == ColumnType.TIMESTAMP && b == ColumnType.DATE)) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.STRING;
    }

    private static int rank(ColumnType type) {
        return switch (type) {
            case INT64 -> 1;
            case DECIMAL -> 2;
            case DOUBLE -> 3;
            default -> 0;
        };
    }

}
