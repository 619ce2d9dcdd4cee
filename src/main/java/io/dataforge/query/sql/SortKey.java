package io.dataforge.query.sql;

/**
 * One sort key: an output column (a dataset column or an aggregate's alias), ascending or
 * not.
 */
record SortKey(String column, boolean ascending) {
}
