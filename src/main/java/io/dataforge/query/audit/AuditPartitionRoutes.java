package io.dataforge.query.audit;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.query.AuditLog;
import io.dataforge.query.QueryProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code audit_log} partitions three months ahead, every
 * {@code dataforge.query.audit-partition-check} (the first check is made at start-up, by
 * {@link AuditLog} itself).
 */
@Component
class AuditPartitionRoutes extends RouteBuilder {

    private final QueryProperties props;

    private final AuditLog auditLog;

    AuditPartitionRoutes(QueryProperties props, AuditLog auditLog) {
        this.props = props;
        this.auditLog = auditLog;
    }

    @Override
    public void configure() {
        long every = props.auditPartitionCheck().toMillis();
        from("timer:query-audit-partitions?period=" + every + "&delay=" + every).routeId("query.audit-partitions")
            .autoStartup("{{dataforge.role.scheduler}}")
            .routeConfigurationId(ErrorHandlingRoutes.BACKGROUND)
            .process(exchange -> auditLog.keepPartitionsAhead());
    }

}
