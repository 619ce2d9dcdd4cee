package io.dataforge.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.web.ApiException;
import org.springframework.stereotype.Component;

/**
 * Runs a compiled query in a read-only transaction under a statement timeout; the page (bounded by the limit) and
 * its total are read in the same snapshot. Values come back as JSON-friendly types (ISO dates, numbers, JSON).
 */
@Component
class QueryExecutor {

    private static final String QUERY_CANCELED = "57014";

    private final DataSource dataSource;
    private final QueryProperties props;
    private final ObjectMapper json;

    QueryExecutor(DataSource dataSource, QueryProperties props, ObjectMapper json) {
        this.dataSource = dataSource;
        this.props = props;
        this.json = json;
    }

    QueryResult run(CompiledQuery query, boolean includeTotal) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                    statement.execute("SET LOCAL statement_timeout = " + props.statementTimeout().toMillis());
                }
                List<Map<String, Object>> rows = rows(connection, query);
                Long total = includeTotal ? count(connection, query) : null;
                connection.commit();
                return new QueryResult(rows, total);
            } catch (SQLException e) {
                connection.rollback();
                if (QUERY_CANCELED.equals(e.getSQLState())) {
                    long ms = props.statementTimeout().toMillis();
                    throw new ApiException(422, "The query ran longer than " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms")
                            + " and was stopped: narrow the filter or the page", "QUERY_TIMEOUT", null);
                }
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private List<Map<String, Object>> rows(Connection connection, CompiledQuery query) throws SQLException {
        try (PreparedStatement statement = prepared(connection, query.sql(), query.params());
             ResultSet rs = statement.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(query.outputNames().get(i - 1), value(rs, i, meta.getColumnTypeName(i)));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private long count(Connection connection, CompiledQuery query) throws SQLException {
        try (PreparedStatement statement = prepared(connection, query.countSql(), query.countParams());
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, List<Object> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }

    private Object value(ResultSet rs, int index, String type) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case "timestamp" -> rs.getObject(index, LocalDateTime.class).toString();
            case "timestamptz" -> rs.getObject(index, OffsetDateTime.class).toString();
            case "date" -> rs.getObject(index, LocalDate.class).toString();
            case "uuid" -> raw.toString();
            case "jsonb", "json" -> readJson(raw.toString());
            default -> raw;
        };
    }

    private Object readJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
