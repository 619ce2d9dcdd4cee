package io.dataforge.errors;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.dataforge.platform.web.PageQuery;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code error_logs} table: reports in, filtered pages and streamed CSV out. */
@Repository
class ErrorLogRepository {

    static final String COLUMNS = "id, reported_at, account_id, site_id, batch_id, type, title, message, stack_trace,"
            + " client_version, metadata::text AS metadata";

    private static final RowMapper<ErrorLog> ROWS = new DataClassRowMapper<>(ErrorLog.class);

    private final JdbcTemplate jdbc;

    private final DataSource dataSource;

    ErrorLogRepository(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** {@code metadata} is JSON text, kept as jsonb. */
    void insert(UUID id, UUID accountId, UUID siteId, UUID batchId, String type, String title, String message,
            String stackTrace, String clientVersion, String metadata) {
        jdbc.update("""
                INSERT INTO error_logs (id, account_id, site_id, batch_id, type, title, message, stack_trace,
                                        client_version, metadata)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", id, accountId, siteId, batchId, type, title, message,
                stackTrace, clientVersion, metadata);
    }

    List<ErrorLog> page(ErrorQuery query, PageQuery page) {
        List<Object> args = new ArrayList<>(query.args());
        args.add(page.size());
        args.add(page.offset());
        // orderBy comes from PageQuery's whitelist, never from request text
        return jdbc.query("SELECT " + COLUMNS + " FROM error_logs WHERE " + ErrorQuery.WHERE + " ORDER BY "
                + page.orderBy() + ", id LIMIT ? OFFSET ?", ROWS, args.toArray());
    }

    long count(ErrorQuery query) {
        return jdbc.queryForObject("SELECT count(*) FROM error_logs WHERE " + ErrorQuery.WHERE, Long.class,
                query.args().toArray());
    }

    /**
     * Every match, oldest first, as CSV read from an open cursor: the caller closes the
     * stream.
     */
    ErrorCsvStream csv(ErrorQuery query) throws SQLException, java.io.IOException {
        return new ErrorCsvStream(dataSource,
                "SELECT " + COLUMNS + " FROM error_logs WHERE " + ErrorQuery.WHERE + " ORDER BY reported_at, id",
                query.args().toArray());
    }

}
