package io.dataforge.batches.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dataforge.batches.BatchProperties;
import io.dataforge.batches.BatchStatus;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.Replies;
import io.dataforge.platform.web.StreamingMultipart;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/batch/{batchId}/upload}: every multipart part named {@code files}
 * streams into S3 as it arrives (no disk, a bounded number of part buffers); other parts
 * are skipped.
 */
@Component
class UploadBatchFilesProcessor implements Processor {

    private final SiteCallers callers;

    private final StoreBatchFile storeFile;

    private final BatchProperties props;

    UploadBatchFilesProcessor(SiteCallers callers, StoreBatchFile storeFile, BatchProperties props) {
        this.callers = callers;
        this.storeFile = storeFile;
        this.props = props;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        UUID siteId = callers.siteId(exchange);
        Batch batch = callers.ownBatch(exchange, siteId);
        if (batch.status() != BatchStatus.IN_PROGRESS) {
            throw new ApiException(409,
                    "Batch " + batch.id() + " is " + batch.status() + "; uploads need an IN_PROGRESS batch",
                    "BATCH_CLOSED", null);
        }
        List<BatchFilesStored.File> files = new ArrayList<>();
        StreamingMultipart.forEachPart(exchange, props.maxFilesPerBatch() + 16L, part -> {
            if (!part.isFormField() && "files".equals(part.fieldName())) {
                files.add(storeFile.store(batch, part));
            }
        });
        if (files.isEmpty()) {
            throw new ApiException(400, "No file parts named 'files' in the request");
        }
        Replies.json(exchange, 200, new BatchFilesStored(files));
    }

}
