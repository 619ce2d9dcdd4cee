package io.dataforge.query.audit;

import java.util.List;
import java.util.Map;

import io.dataforge.identity.AdminAudit;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import io.dataforge.platform.web.PageQuery;
import io.dataforge.platform.web.Replies;
import io.dataforge.query.AuditLog;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/**
 * {@code GET /admin/audit?tenantId=&dataset=&principal=&action=&from=&to=&page=&size=}:
 * the audit log, newest first. {@code GET /admin/audit/verify}: the hash chains of
 * {@code admin_audit} (asked of identity) and {@code audit_log}, each with its first
 * broken link.
 */
@Component
class AuditApiRoutes extends RouteBuilder {

    private final AuditRepository audit;

    private final AdminAudit adminAudit;

    private final AuditLog auditLog;

    AuditApiRoutes(AuditRepository audit, AdminAudit adminAudit, AuditLog auditLog) {
        this.audit = audit;
        this.adminAudit = adminAudit;
        this.auditLog = auditLog;
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
        ApiResponses
            .answers(auditApi.get("/verify")
                .id("verifyAuditChains")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Walks the hash chains of admin_audit and audit_log and names the first broken link of"
                        + " each: a row changed, rows deleted, or the head not the last row. 200 whether intact or"
                        + " not; keep headHash elsewhere to show later that the chain was not rewritten")
                .produces("application/json"), 200, AuditVerification.class,
                    "Each chain, intact or with its first broken link", 401, 403)
            .to("direct:query.audit-verify");
        from("direct:query.audit").routeId("query.audit")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(this::list);
        from("direct:query.audit-verify").routeId("query.audit-verify")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(exchange -> Replies.json(exchange, 200,
                    AuditVerification.of(List.of(adminAudit.verifyChain(), auditLog.verifyChain()))));
    }

    private void list(Exchange exchange) {
        PageQuery page = PageQuery.from(exchange, Map.of("at", "at"), "at,desc");
        AuditQuery query = AuditQuery.from(exchange);
        Replies.json(exchange, 200, page.body(audit.page(query, page), audit.count(query), AuditEntry.Page::new));
    }

}
