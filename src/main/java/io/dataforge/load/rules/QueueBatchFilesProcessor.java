package io.dataforge.load.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.batches.Batches;
import io.dataforge.load.LoadProperties;
import io.dataforge.load.LoadQueue;
import io.dataforge.load.StagedUpload;
import io.dataforge.load.UploadRepository;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The step of {@code load.batch-files}, on a {@code batch.completed} event: each uploaded
 * file of the batch whose name matches one of the account's load rules (first match wins)
 * becomes an upload of that dataset, loaded in place from the batch's S3 object (never
 * deleted), and is queued like any upload. One upload per file, so a repeated event
 * queues nothing twice. The batch's files come from the batches capability's
 * {@link Batches}.
 */
@Component
public class QueueBatchFilesProcessor implements Processor {

    private static final Logger log = LoggerFactory.getLogger(QueueBatchFilesProcessor.class);

    private final Batches batches;

    private final LoadRuleRepository rules;

    private final UploadRepository uploads;

    private final LoadQueue queue;

    private final ObjectMapper json;

    private final LoadProperties props;

    QueueBatchFilesProcessor(Batches batches, LoadRuleRepository rules, UploadRepository uploads, LoadQueue queue,
            ObjectMapper json, LoadProperties props) {
        this.batches = batches;
        this.rules = rules;
        this.uploads = uploads;
        this.queue = queue;
        this.json = json;
        this.props = props;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        JsonNode event = json.readTree(exchange.getMessage().getBody(String.class));
        UUID batchId = UUID.fromString(event.path("batchId").asText());
        UUID accountId = UUID.fromString(event.path("accountId").asText());
        List<LoadRule> accountRules = rules.rules(accountId);
        if (accountRules.isEmpty()) {
            return;
        }
        for (Batches.UploadedFile file : batches.uploadedFiles(batchId)) {
            String name = file.name();
            Optional<LoadRule> rule = accountRules.stream().filter(r -> r.matches(name)).findFirst();
            if (rule.isPresent()) {
                UUID uploadId = UUID.randomUUID();
                StagedUpload staged = new StagedUpload(uploadId, accountId, rule.get().dataset(), name,
                        "batch " + batchId, null, file.s3Key(), name.toLowerCase(Locale.ROOT).endsWith(".gz"),
                        file.size(), 0);
                if (uploads.insertFromBatch(staged, file.id(), "batch:" + batchId, props.queue())) {
                    log.info("Batch {} file {} queued for loading into {} as upload {}", batchId, name,
                            rule.get().dataset(), uploadId);
                    queue.publishLoad(uploadId);
                }
            }
        }
    }

}
