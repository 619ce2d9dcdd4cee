package io.dataforge.load.copy;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * {@code load_row_errors}: written in batches on their own connection, so they outlive a
 * failed load.
 */
@Repository
public class RowErrorRepository {

    private final JdbcTemplate jdbc;

    RowErrorRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID uploadId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO load_row_errors (upload_id, row_number, column_name, reason, raw_excerpt) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", errors, errors.size(), (ps, error) -> {
                    ps.setObject(1, uploadId);
                    ps.setLong(2, error.rowNumber());
                    ps.setString(3, error.column());
                    ps.setString(4, error.reason());
                    ps.setString(5, error.rawExcerpt());
                });
    }

    public List<RowError> page(UUID uploadId, int limit, long offset) {
        return jdbc.query("SELECT * FROM load_row_errors WHERE upload_id = ? ORDER BY row_number LIMIT ? OFFSET ?",
                ROW_ERROR, uploadId, limit, offset);
    }

    public long count(UUID uploadId) {
        return jdbc.queryForObject("SELECT count(*) FROM load_row_errors WHERE upload_id = ?", Long.class, uploadId);
    }

    private static final RowMapper<RowError> ROW_ERROR = (rs, n) -> new RowError(rs.getLong("row_number"),
            rs.getString("column_name"), rs.getString("reason"), rs.getString("raw_excerpt"));

}
