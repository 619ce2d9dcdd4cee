package io.dataforge.query;

import java.util.List;
import java.util.Map;

/** One page of rows (at most the query's limit, 5000), and the total when asked for. */
record QueryResult(List<Map<String, Object>> rows, Long totalRows) {
}
