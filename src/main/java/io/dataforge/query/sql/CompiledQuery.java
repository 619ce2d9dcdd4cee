package io.dataforge.query.sql;

import java.util.List;

/**
 * SQL text built only from checked identifiers, with every request value among the
 * parameters.
 */
public record CompiledQuery(String sql, List<Object> params, String countSql, List<Object> countParams,
        List<String> outputNames) {
}
