package io.dataforge.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dataforge.platform.web.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the {@code audit_log} table for the admin list; {@code AuditLog} writes it. */
@Repository
class AuditRepository {

    private final JdbcTemplate jdbc;

    AuditRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count(AuditQuery query) {
        return jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE " + AuditQuery.WHERE, Long.class,
                query.args().toArray());
    }

    List<AuditEntry> page(AuditQuery query, PageQuery page) {
        List<Object> args = new ArrayList<>(query.args());
        args.add(page.size());
        args.add(page.offset());
        // orderBy comes from PageQuery's whitelist, never from request text
        return jdbc.query("SELECT id, at, action, principal, tenant_id, dataset, query_hash, row_count, status,"
                + " duration_ms FROM audit_log WHERE " + AuditQuery.WHERE + " ORDER BY " + page.orderBy()
                + ", id DESC LIMIT ? OFFSET ?", AuditRepository::entry, args.toArray());
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("action"),
                rs.getString("principal"), rs.getObject("tenant_id", UUID.class), rs.getString("dataset"),
                rs.getString("query_hash"), (Long) rs.getObject("row_count"), rs.getInt("status"),
                rs.getLong("duration_ms"));
    }

}
