package io.dataforge.batches.figures;

import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per-account gauges, refreshed on a schedule from the database (so every instance
 * reports the same): {@code dataforge.batches.active{account}} and
 * {@code dataforge.batches.stored.bytes{account}}.
 */
@Component
class RefreshBatchGaugesProcessor implements Processor {

    private record AccountFigures(UUID accountId, long active, long storedBytes) {
    }

    private final JdbcTemplate jdbc;

    private final MultiGauge active;

    private final MultiGauge stored;

    RefreshBatchGaugesProcessor(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.active = MultiGauge.builder("dataforge.batches.active")
            .description("IN_PROGRESS batches")
            .register(meters);
        this.stored = MultiGauge.builder("dataforge.batches.stored.bytes")
            .baseUnit("bytes")
            .description("bytes uploaded in batches")
            .register(meters);
    }

    @Override
    public void process(Exchange exchange) {
        List<AccountFigures> figures = jdbc.query("""
                SELECT account_id, count(*) FILTER (WHERE status = 'IN_PROGRESS') AS active,
                       coalesce(sum(total_size), 0) AS stored
                FROM batches WHERE deleted_at IS NULL GROUP BY account_id""",
                (rs, n) -> new AccountFigures(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3)));
        active.register(figures.stream()
            .map(f -> MultiGauge.Row.of(Tags.of("account", f.accountId().toString()), f.active()))
            .toList(), true);
        stored.register(figures.stream()
            .map(f -> MultiGauge.Row.of(Tags.of("account", f.accountId().toString()), f.storedBytes()))
            .toList(), true);
        exchange.getMessage().setBody(figures.size());
    }

}
