package io.dataforge.batches.lifecycle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import io.dataforge.batches.BatchProperties;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.SizeLimitedInputStream;
import io.dataforge.platform.web.StreamingMultipart.Part;
import org.springframework.stereotype.Component;

/**
 * One file part of an upload: name checked and reserved, gzip magic checked on the first
 * bytes, size limited, MD5 and SHA-256 computed while the bytes stream into S3, then
 * recorded. Any failure aborts the S3 upload and drops the reservation, so nothing is
 * kept and the client may retry.
 */
@Component
class StoreBatchFile {

    private final BatchRepository batches;

    private final ObjectStore store;

    private final BatchProperties props;

    private final BatchEvents events;

    StoreBatchFile(BatchRepository batches, ObjectStore store, BatchProperties props, BatchEvents events) {
        this.batches = batches;
        this.store = store.forRequests(); // a site waits on each of its calls
        this.props = props;
        this.events = events;
    }

    BatchFilesStored.File store(Batch batch, Part part) throws IOException {
        String name = FileNames.check(part.fileName());
        if (batches.fileCount(batch.id()) >= props.maxFilesPerBatch()) {
            throw new ApiException(400, "A batch holds at most " + props.maxFilesPerBatch() + " files");
        }
        UUID fileId = UUID.randomUUID();
        String key = batch.s3Prefix() + name;
        if (!batches.reserveFile(fileId, batch.id(), name, key)) {
            throw new ApiException(400, "The batch already has a file named " + name, "DUPLICATE_FILE", null);
        }
        long started = System.nanoTime();
        try {
            MessageDigest md5 = digest("MD5");
            MessageDigest sha256 = digest("SHA-256");
            InputStream content = gzipOnly(new SizeLimitedInputStream(part.content(), props.maxFileSize().toBytes()));
            String contentType = part.contentType() != null ? part.contentType() : "application/gzip";
            long size = store.upload(key, content, contentType, Map.of("batch-id", batch.id().toString()), md5, sha256);
            OffsetDateTime at = batches.storeFile(fileId, batch.id(), size, contentType,
                    HexFormat.of().formatHex(md5.digest()), HexFormat.of().formatHex(sha256.digest()));
            BatchFilesStored.File file = new BatchFilesStored.File(name, size, at);
            events.fileUploaded(batch, file, key, java.time.Duration.ofNanos(System.nanoTime() - started));
            return file;
        }
        catch (IOException | RuntimeException e) {
            batches.releaseFile(fileId);
            throw e;
        }
    }

    /** The first two bytes must be gzip's magic (1f 8b), whatever the name says. */
    private static InputStream gzipOnly(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 8192);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        if (b1 != 0x1f || b2 != 0x8b) {
            throw new ApiException(415,
                    "Files must be gzip-compressed (content does not start with the gzip magic bytes)", "NOT_GZIP",
                    null);
        }
        buffered.reset();
        return buffered;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
