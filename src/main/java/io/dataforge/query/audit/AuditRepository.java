package io.dataforge.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    List<Map<String, Object>> page(AuditQuery query, PageQuery page) {
        List<Object> args = new ArrayList<>(query.args());
        args.add(page.size());
        args.add(page.offset());
        // orderBy comes from PageQuery's whitelist, never from request text
        return jdbc.queryForList("SELECT id, at, action, principal, tenant_id AS \"tenantId\", dataset,"
                + " query_hash AS \"queryHash\", row_count AS \"rowCount\", status, duration_ms AS \"durationMs\""
                + " FROM audit_log WHERE " + AuditQuery.WHERE + " ORDER BY " + page.orderBy()
                + ", id DESC LIMIT ? OFFSET ?", args.toArray());
    }

}
