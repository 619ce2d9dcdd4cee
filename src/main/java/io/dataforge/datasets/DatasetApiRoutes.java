package io.dataforge.datasets;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.springframework.stereotype.Component;

/** {@code /admin/datasets}: declaring datasets and evolving their tables (ADMIN only). */
@Component
class DatasetApiRoutes extends RouteBuilder {

    private final DatasetRequests requests;

    DatasetApiRoutes(DatasetRequests requests) {
        this.requests = requests;
    }

    @Override
    public void configure() {
        RestDefinition datasets = rest("/admin/datasets")
            .description("Dataset declarations and their tables; ADMIN only")
            .tag("Datasets");
        ApiResponses
            .answers(datasets.put("/{name}")
                .id("putDataset")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Declares a dataset {allowUnknownColumns, columns: [{name, type,"
                        + " required, pii}], indexes: [[column, ...]]}: 201 with a new table, 200 when evolved or"
                        + " unchanged; 409 (DATASET_CONFLICT) for a removed, retyped or newly required column")
                .consumes("application/json")
                .type(DatasetView.class)
                .produces("application/json")
                .param()
                .name("name")
                .type(RestParamType.path)
                .description("lower-case letters, digits and _, starting with a letter, at most 63")
                .endParam(), 201, DatasetView.class, "The dataset declared, its table created", 400, 401, 403, 409, 413)
            .responseMessage()
            .code(200)
            .message("The dataset, its table evolved or unchanged")
            .responseModel(DatasetView.class)
            .endResponseMessage()
            .to("direct:datasets.put");
        ApiResponses
            .answersList(datasets.get()
                .id("listDatasets")
                .security("bearerAuth")
                .security("basicAuth")
                .description("Every declared dataset, by name")
                .produces("application/json"), 200, DatasetView.class, "Every declared dataset", 401, 403)
            .to("direct:datasets.list");
        ApiResponses
            .answers(
                    datasets.get("/{name}")
                        .id("getDataset")
                        .security("bearerAuth")
                        .security("basicAuth")
                        .description("One dataset's declaration, version and dates; 404 when unknown")
                        .produces("application/json"),
                    200, DatasetView.class, "The dataset's declaration", 401, 403, 404)
            .to("direct:datasets.get");

        from("direct:datasets.put").routeId("datasets.put")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::put);
        from("direct:datasets.list").routeId("datasets.list")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::list);
        from("direct:datasets.get").routeId("datasets.get")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(requests::get);
    }

}
