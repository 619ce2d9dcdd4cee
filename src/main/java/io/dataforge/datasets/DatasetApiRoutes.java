package io.dataforge.datasets;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
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
        rest("/admin/datasets").description("Dataset declarations and their tables; ADMIN only")
            .tag("Datasets")
            .put("/{name}")
            .id("putDataset")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Declares a dataset {allowUnknownColumns, columns: [{name, type,"
                    + " required, pii}], indexes: [[column, ...]]}: 201 with a new table, 200 when evolved or"
                    + " unchanged; 409 (DATASET_CONFLICT) for a removed, retyped or newly required column")
            .consumes("application/json")
            .produces("application/json")
            .param()
            .name("name")
            .type(RestParamType.path)
            .description("lower-case letters, digits and _, starting with a letter, at most 63")
            .endParam()
            .to("direct:datasets.put")
            .get()
            .id("listDatasets")
            .security("bearerAuth")
            .security("basicAuth")
            .description("Every declared dataset, by name")
            .produces("application/json")
            .to("direct:datasets.list")
            .get("/{name}")
            .id("getDataset")
            .security("bearerAuth")
            .security("basicAuth")
            .description("One dataset's declaration, version and dates; 404 when unknown")
            .produces("application/json")
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
