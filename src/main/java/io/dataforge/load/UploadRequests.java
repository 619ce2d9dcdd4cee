package io.dataforge.load;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.load.copy.RowError;
import io.dataforge.load.copy.RowErrorRepository;
import io.dataforge.load.staging.UploadAccepted;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.PageQuery;
import io.dataforge.platform.web.Replies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The read side of uploads and their retry, always within the caller's tenant (another
 * tenant's id is a 404).
 */
@Component
class UploadRequests {

    private static final int FIRST_ERRORS = 20;

    private final UploadCallers callers;

    private final UploadRepository uploads;

    private final RowErrorRepository rowErrors;

    private final LoadQueue queue;

    private final LoadProperties props;

    UploadRequests(UploadCallers callers, UploadRepository uploads, RowErrorRepository rowErrors, LoadQueue queue,
            LoadProperties props) {
        this.callers = callers;
        this.uploads = uploads;
        this.rowErrors = rowErrors;
        this.queue = queue;
        this.props = props;
    }

    void get(Exchange exchange) {
        Upload upload = owned(exchange);
        Replies.json(exchange, 200, UploadView.of(upload, rowErrors.page(upload.id(), FIRST_ERRORS, 0)));
    }

    void errors(Exchange exchange) {
        Upload upload = owned(exchange);
        PageQuery page = PageQuery.from(exchange, Map.of("rowNumber", "row_number"), "rowNumber");
        List<RowError> content = rowErrors.page(upload.id(), page.size(), page.offset());
        Replies.json(exchange, 200, page.body(content, rowErrors.count(upload.id()), UploadView.ErrorPage::new));
    }

    void list(Exchange exchange) {
        UUID accountId = callers.tenant(exchange);
        String statusName = exchange.getMessage().getHeader("status", String.class);
        UploadStatus status = null;
        if (statusName != null && !statusName.isBlank()) {
            try {
                status = UploadStatus.of(statusName.strip());
            }
            catch (IllegalArgumentException e) {
                throw new ApiException(400, "status must be uploaded, processing, completed or failed");
            }
        }
        PageQuery page = PageQuery.from(exchange, UploadRepository.SORTABLE, "createdAt,desc");
        List<UploadView> content = uploads.page(accountId, status, page)
            .stream()
            .map(upload -> UploadView.of(upload, null))
            .toList();
        Replies.json(exchange, 200, page.body(content, uploads.count(accountId, status), UploadView.Page::new));
    }

    void retry(Exchange exchange) {
        callers.loader(exchange);
        Upload upload = owned(exchange);
        if (!uploads.retry(upload.id(), upload.accountId(), props.queue())) {
            throw new ApiException(409, "Only a failed upload can be retried; this one is " + upload.status().db(),
                    "UPLOAD_NOT_FAILED", null);
        }
        queue.publishLoad(upload.id());
        exchange.getMessage().setHeader("Location", "/api/v1/uploads/" + upload.id());
        Replies.json(exchange, 202, UploadAccepted.retried(upload.id()));
    }

    private Upload owned(Exchange exchange) {
        UUID accountId = callers.tenant(exchange);
        UUID id;
        try {
            id = UUID.fromString(exchange.getMessage().getHeader("uploadId", String.class));
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(404, "No such upload");
        }
        return uploads.findOwned(id, accountId).orElseThrow(() -> new ApiException(404, "No such upload"));
    }

}
