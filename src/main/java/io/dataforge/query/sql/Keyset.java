package io.dataforge.query.sql;

import java.util.List;

/**
 * Where the previous page ended: its last row's sort values (as text, null for null) and
 * row id.
 */
public record Keyset(List<String> values, long rowId) {
}
