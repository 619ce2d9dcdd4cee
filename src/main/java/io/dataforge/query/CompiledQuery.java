package io.dataforge.query;

import java.util.List;

/** SQL text built only from checked identifiers, with every request value among the parameters. */
record CompiledQuery(String sql, List<Object> params, String countSql, List<Object> countParams, List<String> outputNames) {
}
