package io.dataforge.watch.parquet;

import io.dataforge.watch.RejectedFileException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Column names in first-seen order. Source keys map to unique, non-empty Parquet names:
 * an empty key becomes {@code column_<n>}, a repeated one {@code <name>_2},
 * {@code <name>_3}... (compared case-insensitively, since the engines that read our
 * Parquet mostly fold case).
 */
final class Columns {

    private final int maxColumns;

    private final List<String> names = new ArrayList<>();

    private final Map<String, Integer> byKey = new HashMap<>();

    private final Set<String> taken = new HashSet<>();

    Columns(int maxColumns) {
        this.maxColumns = maxColumns;
    }

    /**
     * A copy to start the next attempt with the keys already known, in the same order.
     */
    Columns copy() {
        Columns copy = new Columns(maxColumns);
        copy.names.addAll(names);
        copy.byKey.putAll(byKey);
        copy.taken.addAll(taken);
        return copy;
    }

    /** A CSV header: every position is a column, even when two headers are equal. */
    void defineHeader(List<String> header) throws RejectedFileException {
        names.clear();
        byKey.clear();
        taken.clear();
        for (String key : header) {
            add(key);
        }
    }

    /** The column of a record key (JSON key, XML field), adding it when new. */
    int indexOf(String key) throws RejectedFileException {
        Integer index = byKey.get(key);
        if (index != null) {
            return index;
        }
        int added = add(key);
        byKey.put(key, added);
        return added;
    }

    int size() {
        return names.size();
    }

    String name(int column) {
        return names.get(column);
    }

    private int add(String key) throws RejectedFileException {
        if (names.size() >= maxColumns) {
            throw new RejectedFileException("INVALID_DATA", "more than " + maxColumns + " columns", null, null);
        }
        String base = key == null || key.isBlank() ? "column_" + (names.size() + 1) : key;
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "_" + n;
        }
        names.add(name);
        return names.size() - 1;
    }

}
