package io.dataforge.query.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.PageQuery;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code GET /admin/audit?tenantId=&dataset=&principal=&action=&from=&to=&page=&size=}: the audit log, newest first. */
@Component
class AuditApiRoutes extends RouteBuilder {

    private final JdbcTemplate jdbc;

    AuditApiRoutes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void configure() {
        rest("/admin/audit").description("Who read which tenant's data (admin)")
                .get().description("Audit rows, newest first; filters tenantId, dataset, principal, action, from, to (ISO)")
                    .produces("application/json").to("direct:query.audit");
        from("direct:query.audit").routeId("query.audit").routeConfigurationId(ErrorHandlingRoutes.REST).process(this::list);
    }

    private void list(Exchange exchange) {
        PageQuery page = PageQuery.from(exchange, Map.of("at", "at"), "at,desc");
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        String tenant = param(exchange, "tenantId");
        if (tenant != null) {
            where.append(" AND tenant_id = ?");
            args.add(uuid(tenant));
        }
        for (String column : List.of("dataset", "principal", "action")) {
            String value = param(exchange, column);
            if (value != null) {
                where.append(" AND ").append(column).append(" = ?");  // column: one of the three constants above
                args.add(value);
            }
        }
        for (String bound : List.of("from", "to")) {
            String value = param(exchange, bound);
            if (value != null) {
                where.append(bound.equals("from") ? " AND at >= ?" : " AND at < ?");
                args.add(time(value, bound));
            }
        }
        long total = jdbc.queryForObject("SELECT count(*) FROM audit_log" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(page.size());
        pageArgs.add(page.offset());
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, at, action, principal, tenant_id AS \"tenantId\", dataset,"
                + " query_hash AS \"queryHash\", row_count AS \"rowCount\", status, duration_ms AS \"durationMs\" FROM audit_log"
                + where + " ORDER BY " + page.orderBy() + ", id DESC LIMIT ? OFFSET ?", pageArgs.toArray());
        Replies.json(exchange, 200, page.body(rows, total));
    }

    private static String param(Exchange exchange, String name) {
        String value = exchange.getMessage().getHeader(name, String.class);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "tenantId must be a UUID");
        }
    }

    private static OffsetDateTime time(String value, String name) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, name + " must be an ISO date-time with an offset (2026-11-23T00:00:00Z)");
        }
    }
}
