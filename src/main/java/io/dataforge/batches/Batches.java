package io.dataforge.batches;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.dataforge.batches.lifecycle.Batch;
import io.dataforge.batches.lifecycle.BatchRepository;
import org.springframework.stereotype.Component;

/**
 * For other capabilities: a batch's site, its uploaded files, and the mark that errors
 * were reported on it.
 */
@Component
public class Batches {

    /** A file stored in a batch, as the load capability picks it up. */
    public record UploadedFile(UUID id, String name, String s3Key, long size) {
    }

    private final BatchRepository batches;

    Batches(BatchRepository batches) {
        this.batches = batches;
    }

    /** The site of a live (not deleted) batch. */
    public Optional<UUID> siteOf(UUID batchId) {
        return batches.find(batchId).map(Batch::siteId);
    }

    /**
     * Joins the caller's transaction, so the mark and the caller's own write land
     * together.
     */
    public void markHasErrors(UUID batchId) {
        batches.markHasErrors(batchId);
    }

    /** The batch's stored files, by name. */
    public List<UploadedFile> uploadedFiles(UUID batchId) {
        return batches.uploadedFiles(batchId);
    }

}
