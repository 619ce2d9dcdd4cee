package io.dataforge.load.staging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetCatalog;
import io.dataforge.identity.Caller;
import io.dataforge.load.LoadProperties;
import io.dataforge.load.LoadQueue;
import io.dataforge.load.StagedUpload;
import io.dataforge.load.UploadCallers;
import io.dataforge.load.UploadRepository;
import io.dataforge.load.copy.ColumnMapping;
import io.dataforge.load.copy.ColumnValues;
import io.dataforge.load.copy.LoadRejectedException;
import io.dataforge.load.webhooks.CallbackUrls;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.Replies;
import io.dataforge.platform.web.StreamingMultipart;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/uploads}: multipart {@code file} (.csv or .csv.gz) and
 * {@code dataset}, optional {@code callbackUrl} and {@code dataSourceName}, in any order.
 * The file streams into S3 staging while its rows are counted; everything is checked
 * before the 202 (a refused file's staged object is deleted); the upload row commits,
 * then the load message is published from it.
 */
@Component
public class StageUploadProcessor implements Processor {

    private static final Set<String> FIELDS = Set.of("dataset", "callbackUrl", "dataSourceName");

    private static final int MAX_FIELD_CHARS = 2048;

    private static final long ROWS_PER_SECOND_ESTIMATE = 100_000;

    private final UploadCallers callers;

    private final UploadRateLimit rateLimit;

    private final FileStaging staging;

    private final DatasetCatalog datasets;

    private final UploadRepository uploads;

    private final LoadQueue queue;

    private final ObjectStore store;

    private final LoadProperties props;

    StageUploadProcessor(UploadCallers callers, UploadRateLimit rateLimit, FileStaging staging, DatasetCatalog datasets,
            UploadRepository uploads, LoadQueue queue, ObjectStore store, LoadProperties props) {
        this.callers = callers;
        this.rateLimit = rateLimit;
        this.staging = staging;
        this.datasets = datasets;
        this.uploads = uploads;
        this.queue = queue;
        this.store = store;
        this.props = props;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Caller caller = callers.loader(exchange);
        UUID accountId = callers.tenant(exchange, caller);
        rateLimit.consume(accountId);
        UUID id = UUID.randomUUID();
        Map<String, String> fields = new HashMap<>();
        StagedFile[] file = new StagedFile[1];
        try {
            StreamingMultipart.forEachPart(exchange, 16, part -> {
                if (part.isFormField()) {
                    if (FIELDS.contains(part.fieldName())) {
                        fields.put(part.fieldName(), field(part.fieldName(), part.content()));
                    }
                }
                else if ("file".equals(part.fieldName())) {
                    if (file[0] != null) {
                        throw new ApiException(400, "One file per upload", "INVALID_FILE_FORMAT", null);
                    }
                    file[0] = staging.stage(id, part, header -> {
                        if (fields.containsKey("dataset")) {
                            mapping(dataset(fields.get("dataset")), header);
                        }
                    });
                }
            });
            StagedUpload staged = check(id, accountId, fields, file[0]);
            uploads.insert(staged, caller.subject(), props.queue());
            queue.publishLoad(id);
            reply(exchange, staged);
        }
        catch (IOException | RuntimeException e) {
            if (file[0] != null) {
                store.delete(file[0].key());
            }
            throw e;
        }
    }

    private StagedUpload check(UUID id, UUID accountId, Map<String, String> fields, StagedFile file) {
        if (file == null) {
            throw new ApiException(400, "A file part named 'file' is required", "INVALID_FILE_FORMAT", null);
        }
        Dataset dataset = dataset(fields.get("dataset"));
        mapping(dataset, file.header());
        String callbackUrl = CallbackUrls.check(fields.get("callbackUrl"), props);
        String source = fields.get("dataSourceName");
        if (source != null && source.length() > 200) {
            throw new ApiException(400, "dataSourceName may have at most 200 characters");
        }
        return new StagedUpload(id, accountId, dataset.name(), file.fileName(), source, callbackUrl, file.key(),
                file.gzipped(), file.sizeBytes(), file.rows());
    }

    private Dataset dataset(String name) {
        if (name == null || name.isBlank()) {
            throw new ApiException(400, "The 'dataset' field is required", "INVALID_FILE_FORMAT", null);
        }
        return datasets.find(name.strip())
            .orElseThrow(() -> new ApiException(400, "Unknown dataset '" + ColumnValues.excerpt(name) + "'",
                    "UNKNOWN_DATASET", null));
    }

    private static void mapping(Dataset dataset, List<String> header) {
        try {
            ColumnMapping.of(dataset, header);
        }
        catch (LoadRejectedException e) {
            throw new ApiException(400, e.getMessage(), "INVALID_FILE_FORMAT", null);
        }
    }

    private static String field(String name, InputStream content) throws IOException {
        byte[] bytes = content.readNBytes(MAX_FIELD_CHARS * 4 + 1);
        String value = new String(bytes, StandardCharsets.UTF_8);
        if (value.length() > MAX_FIELD_CHARS) {
            throw new ApiException(400, name + " is too long");
        }
        return value.strip().isEmpty() ? null : value.strip();
    }

    private static void reply(Exchange exchange, StagedUpload staged) {
        long seconds = Math.max(1, (staged.rowCount() + ROWS_PER_SECOND_ESTIMATE - 1) / ROWS_PER_SECOND_ESTIMATE);
        exchange.getMessage().setHeader("Location", "/api/v1/uploads/" + staged.id());
        Replies.json(exchange, 202, new UploadAccepted(staged.id(), "uploaded", staged.fileName(), staged.dataset(),
                staged.rowCount(), seconds));
    }

}
