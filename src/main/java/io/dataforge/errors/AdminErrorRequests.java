package io.dataforge.errors;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.dataforge.platform.web.PageQuery;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The admin error routes: a filtered page, and the same filter as a streamed CSV download. */
@Component
class AdminErrorRequests {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    AdminErrorRequests(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    void search(Exchange exchange) {
        ErrorQuery query = ErrorQuery.from(exchange);
        PageQuery page = PageQuery.from(exchange, Map.of("reportedAt", "reported_at"), "reportedAt,desc");
        List<Object> args = new ArrayList<>(query.args());
        args.add(page.size());
        args.add(page.offset());
        // orderBy comes from PageQuery's whitelist, never from request text
        List<Map<String, Object>> content = jdbc.query("SELECT id, reported_at, account_id, site_id, batch_id, type, title,"
                + " message, stack_trace, client_version, metadata::text AS metadata FROM error_logs WHERE "
                + ErrorQuery.WHERE + " ORDER BY " + page.orderBy() + ", id LIMIT ? OFFSET ?", (rs, n) -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("id", rs.getString("id"));
                    error.put("reportedAt", rs.getObject("reported_at", OffsetDateTime.class));
                    error.put("accountId", rs.getString("account_id"));
                    error.put("siteId", rs.getString("site_id"));
                    error.put("batchId", rs.getString("batch_id"));
                    error.put("type", rs.getString("type"));
                    error.put("title", rs.getString("title"));
                    error.put("message", rs.getString("message"));
                    error.put("stackTrace", rs.getString("stack_trace"));
                    error.put("clientVersion", rs.getString("client_version"));
                    error.put("metadata", rs.getString("metadata"));
                    return error;
                }, args.toArray());
        long total = jdbc.queryForObject("SELECT count(*) FROM error_logs WHERE " + ErrorQuery.WHERE, Long.class,
                query.args().toArray());
        Replies.json(exchange, 200, page.body(content, total));
    }

    void export(Exchange exchange) throws Exception {
        ErrorCsvStream csv = new ErrorCsvStream(dataSource, ErrorQuery.from(exchange));
        // a download the client breaks off never reaches the end of the stream: close it with the exchange
        exchange.getExchangeExtension().addOnCompletion(new org.apache.camel.support.SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                csv.close();
            }
        });
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=UTF-8");
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"error-logs.csv\"");
        exchange.getMessage().setBody(csv);
    }
}
