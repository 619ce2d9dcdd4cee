package io.dataforge.watch.progress;

import java.util.Map;

import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import io.dataforge.platform.web.PageQuery;
import io.dataforge.platform.web.QueryParams;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.springframework.stereotype.Component;

/**
 * {@code /api/v1/admin/watch/files}: what the watched folder did with each file (ADMIN
 * only).
 */
@Component
class AdminWatchApiRoutes extends RouteBuilder {

    static final Map<String, String> SORTABLE = Map.of("path", "path", "updatedAt", "updated_at", "detectedAt",
            "detected_at", "size", "size", "status", "status");

    private final WatchProgressRepository progress;

    AdminWatchApiRoutes(WatchProgressRepository progress) {
        this.progress = progress;
    }

    @Override
    public void configure() {
        files("/admin/watch", "listWatchedFiles", "").security("bearerAuth").security("basicAuth");
        // the first round's paths, answering as before until clients have moved;
        // routes of their own, as a REST verb inlines the route it calls
        files("/api/v1/admin/watch", "listWatchedFilesDeprecated", "-v1").security("bearerAuth")
            .security("basicAuth")
            .deprecated();

    }

    private RestDefinition files(String path, String operationId, String routeSuffix) {
        from("direct:watch.admin.files" + routeSuffix).routeId("watch.admin.files" + routeSuffix)
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(this::list);
        RestDefinition rest = rest(path).tag("Watched folder").description("The watched folder; ADMIN only");
        ApiResponses.answers(rest.get("/files"), 200, WatchedFile.Page.class, "A page of watched files", 400, 401, 403);
        ApiParams.oneOf(rest, "status", "only files in this state", "pending", "in_progress", "completed", "failed");
        ApiParams.query(rest, "path", "string", null, "path prefix");
        return ApiParams.paging(rest)
            .id(operationId)
            .description("Pages of watched files with their status, S3 keys and errors,"
                    + " filtered by status (pending, in_progress, completed, failed) and path prefix")
            .produces("application/json")
            .to("direct:watch.admin.files" + routeSuffix);
    }

    private void list(Exchange exchange) {
        WatchStatus status = QueryParams.choice(exchange, "status", WatchStatus.class);
        String pathPrefix = exchange.getMessage().getHeader("path", String.class);
        PageQuery page = PageQuery.from(exchange, SORTABLE, "updatedAt,desc");
        Replies.json(exchange, 200, page.body(progress.page(status, pathPrefix, page),
                progress.count(status, pathPrefix), WatchedFile.Page::new));
    }

}
