package io.dataforge.load.staging;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.dataforge.load.LoadProperties;
import io.dataforge.load.copy.CsvRows;
import io.dataforge.load.copy.LoadRejectedException;
import io.dataforge.platform.storage.MultipartUploadStream;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.SizeLimitedInputStream;
import io.dataforge.platform.web.StreamingMultipart.Part;
import org.apache.commons.io.input.TeeInputStream;
import org.springframework.stereotype.Component;

/**
 * Streams an uploaded CSV file part into S3 staging while reading it: the bytes go up as
 * they arrive (bounded part buffers, no disk) and the same bytes, gunzipped when the name
 * ends in .csv.gz, run through the CSV parser, which yields the header and the number of
 * data rows. A wrong name, type or content, a file over the size limit, or a header the
 * caller's check refuses aborts the S3 upload before anything is kept.
 */
@Component
class FileStaging {

    private static final Set<String> CONTENT_TYPES = Set.of("text/csv", "application/csv", "text/plain",
            "application/vnd.ms-excel", "application/octet-stream", "application/gzip", "application/x-gzip",
            "application/x-csv", "text/x-csv");

    private final ObjectStore store;

    private final LoadProperties props;

    FileStaging(ObjectStore store, LoadProperties props) {
        this.store = store.forRequests(); // the client waits on its upload
        this.props = props;
    }

    /**
     * {@code headerCheck} sees the header as soon as it is read (it may throw to refuse
     * the file).
     */
    StagedFile stage(UUID uploadId, Part part, Consumer<List<String>> headerCheck) throws IOException {
        String fileName = baseName(part.fileName());
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean gzipped = lower.endsWith(".csv.gz");
        if (!gzipped && !lower.endsWith(".csv")) {
            throw unsupported("The file must be a .csv or .csv.gz file, not '" + fileName + "'");
        }
        String type = part.contentType() == null ? ""
                : part.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !CONTENT_TYPES.contains(type)) {
            throw unsupported("Content type " + type + " is not CSV (text/csv, or application/gzip for .csv.gz)");
        }
        String key = props.stagingPrefix() + uploadId + "/" + fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        MultipartUploadStream staged = store.openUpload(key, gzipped ? "application/gzip" : "text/csv",
                Map.of("upload-id", uploadId.toString()));
        try {
            InputStream tee = new TeeInputStream(
                    new SizeLimitedInputStream(part.content(), props.maxFileSize().toBytes(), "INVALID_FILE_FORMAT"),
                    staged);
            StagedFile file = read(key, fileName, gzipped, tee, headerCheck);
            tee.transferTo(OutputStream.nullOutputStream()); // whatever follows the gzip
                                                             // trailer still goes up
            staged.close();
            return new StagedFile(key, fileName, gzipped, staged.size(), file.header(), file.rows());
        }
        catch (IOException | RuntimeException e) {
            staged.abort();
            throw e;
        }
    }

    private static StagedFile read(String key, String fileName, boolean gzipped, InputStream tee,
            Consumer<List<String>> headerCheck) throws IOException {
        BufferedInputStream in = new BufferedInputStream(tee, 1 << 16);
        if (gzipped != isGzip(in)) {
            throw unsupported(gzipped ? "The file is named .csv.gz but is not gzip data"
                    : "The file is gzip data: name it .csv.gz");
        }
        try {
            CsvRows rows = new CsvRows(gzipped ? new GZIPInputStream(in, 1 << 16) : in);
            headerCheck.accept(rows.header());
            long count = 0;
            while (rows.next()) {
                count++;
            }
            return new StagedFile(key, fileName, gzipped, 0, rows.header(), count);
        }
        catch (ZipException | EOFException e) {
            throw new ApiException(400, "The gzip data is corrupt or truncated: " + e.getMessage(),
                    "INVALID_FILE_FORMAT", null);
        }
        catch (LoadRejectedException e) {
            throw new ApiException(400, e.getMessage(), "INVALID_FILE_FORMAT", null);
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    private static String baseName(String name) {
        if (name == null || name.isBlank()) {
            throw new ApiException(400, "The file part has no file name", "INVALID_FILE_FORMAT", null);
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (base.isEmpty() || base.length() > 255) {
            throw new ApiException(400, "The file name must be 1 to 255 characters", "INVALID_FILE_FORMAT", null);
        }
        return base;
    }

    private static ApiException unsupported(String message) {
        return new ApiException(415, message, "INVALID_FILE_FORMAT", null);
    }

}
