package io.dataforge.datasets.subjects;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/**
 * {@code /admin/subjects}: a data subject's rows across a tenant's datasets, exported or
 * erased (ADMIN only).
 */
@Component
class SubjectApiRoutes extends RouteBuilder {

    private final SubjectRequests requests;

    SubjectApiRoutes(SubjectRequests requests) {
        this.requests = requests;
    }

    @Override
    public void configure() {
        RestDefinition subjects = rest("/admin/subjects")
            .description("Data subject requests (GDPR) over the datasets that declare a subject column; ADMIN only")
            .tag("Data subjects");
        ApiResponses
            .answers(subjects.post("/export")
                .id("exportSubject")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Every row of the subject {tenantId, value} in each dataset that declares a subject,"
                        + " streamed; pii columns are \"***\" unless the caller is a PII_READER (ADMIN alone is not)."
                        + " Audited as subject.export with the value's SHA-256, never the value")
                .consumes("application/json")
                .type(SubjectRequest.class)
                .produces("application/json"), 200, SubjectExport.class, "The subject's rows by dataset", 400, 401, 403,
                    404, 413)
            .to("direct:datasets.subjects.export");
        ApiResponses
            .answers(subjects.post("/erase")
                .id("eraseSubject")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Erases the subject {tenantId, value, dryRun} in one transaction: its rows deleted, or"
                        + " their pii columns set to NULL, as each dataset's erasure says; dryRun only counts."
                        + " Audited as subject.erase with the value's SHA-256, never the value")
                .consumes("application/json")
                .type(ErasureRequest.class)
                .produces("application/json"), 200, ErasureReport.class, "What was erased, by dataset", 400, 401, 403,
                    404, 413)
            .to("direct:datasets.subjects.erase");

        from("direct:datasets.subjects.export").routeId("datasets.subjects.export")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::export);
        from("direct:datasets.subjects.erase").routeId("datasets.subjects.erase")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::erase);
    }

}
