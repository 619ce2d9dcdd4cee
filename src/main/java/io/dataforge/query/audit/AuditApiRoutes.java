package io.dataforge.query.audit;

import java.util.Map;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import io.dataforge.platform.web.PageQuery;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/**
 * {@code GET /admin/audit?tenantId=&dataset=&principal=&action=&from=&to=&page=&size=}:
 * the audit log, newest first.
 */
@Component
class AuditApiRoutes extends RouteBuilder {

    private final AuditRepository audit;

    AuditApiRoutes(AuditRepository audit) {
        this.audit = audit;
    }

    @Override
    public void configure() {
        RestDefinition auditApi = rest("/admin/audit").description("Who read which tenant's data (admin)").tag("Audit");
        ApiResponses.answers(auditApi.get()
            .id("listAuditEntries")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Audit rows, newest first; filters tenantId, dataset, principal, action, from, to (ISO)")
            .produces("application/json"), 200, AuditEntry.Page.class, "A page of audit rows", 400, 401, 403);
        ApiParams.query(auditApi, "tenantId", "string", "uuid", "rows of this tenant");
        ApiParams.query(auditApi, "dataset", "string", null, "rows of this dataset");
        ApiParams.query(auditApi, "principal", "string", null, "rows of this caller");
        ApiParams.oneOf(auditApi, "action", "rows of this action", "query", "export");
        ApiParams.query(auditApi, "from", "string", "date-time", "at or after (ISO date-time with an offset)");
        ApiParams.query(auditApi, "to", "string", "date-time", "before (ISO date-time with an offset)");
        ApiParams.paging(auditApi).to("direct:query.audit");
        from("direct:query.audit").routeId("query.audit")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(this::list);
    }

    private void list(Exchange exchange) {
        PageQuery page = PageQuery.from(exchange, Map.of("at", "at"), "at,desc");
        AuditQuery query = AuditQuery.from(exchange);
        Replies.json(exchange, 200, page.body(audit.page(query, page), audit.count(query), AuditEntry.Page::new));
    }

}
