package io.dataforge.watch.process;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.dataforge.platform.storage.MultipartUploadStream;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.watch.OutputKeys;
import io.dataforge.watch.RejectedFileException;
import io.dataforge.watch.SourceFile;
import io.dataforge.watch.StreamSource;
import io.dataforge.watch.archive.ArchiveWalker;
import io.dataforge.watch.parquet.DataFormat;
import io.dataforge.watch.parquet.ParquetConverter;
import io.dataforge.watch.parquet.ParquetSink;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

/**
 * Streams one watched file into S3: an archive entry by entry (nested archives included),
 * each data file converted to Parquet, anything else as it is with its content type.
 * Every output is a multipart upload straight from the stream; nothing touches the disk.
 */
@Component
class FileDelivery {

    static final String PARQUET_TYPE = "application/vnd.apache.parquet";

    private final ObjectStore store;

    private final ArchiveWalker walker;

    private final ParquetConverter converter;

    private final OutputKeys keys;

    FileDelivery(ObjectStore store, ArchiveWalker walker, ParquetConverter converter, OutputKeys keys) {
        this.store = store;
        this.walker = walker;
        this.converter = converter;
        this.keys = keys;
    }

    /**
     * Calls {@code stored} with each object's key as soon as it is stored and verified.
     */
    void deliver(SourceFile source, Consumer<String> stored) throws IOException, RejectedFileException {
        if (walker.isArchive(source.file())) {
            walker.walk(source.file(), source.path(), (entry, content) -> stored
                .accept(store(source, entry.path(), firstThenReopen(content, entry.source()), entry.path())));
        }
        else {
            stored.accept(store(source, source.path(), () -> Files.newInputStream(source.file()), null));
        }
    }

    private String store(SourceFile source, String path, StreamSource content, String entry)
            throws IOException, RejectedFileException {
        Map<String, String> metadata = source.metadata(entry);
        Optional<DataFormat> format = DataFormat.ofFileName(path);
        if (format.isPresent()) {
            String key = keys.parquet(path);
            converter.convert(format.get(), content, new UploadSink(key, metadata));
            return key;
        }
        String key = keys.object(path);
        try (InputStream in = content.open()) {
            store.upload(key, in, contentType(path), metadata);
        }
        return key;
    }

    private static String contentType(String path) {
        return MediaTypeFactory.getMediaType(path).orElse(MediaType.APPLICATION_OCTET_STREAM).toString();
    }

    /**
     * The entry's stream as the walker hands it over first; a widening restart walks to
     * the entry again.
     */
    private static StreamSource firstThenReopen(InputStream first, StreamSource again) {
        return new StreamSource() {
            private boolean used;

            @Override
            public InputStream open() throws IOException {
                if (used) {
                    return again.open();
                }
                used = true;
                return new FilterInputStream(first) {
                    @Override
                    public void close() {
                        // the walker owns the archive stream
                    }
                };
            }
        };
    }

    /**
     * Each conversion attempt is its own multipart upload; a failed or abandoned one is
     * aborted.
     */
    private final class UploadSink implements ParquetSink {

        private final String key;

        private final Map<String, String> metadata;

        private MultipartUploadStream current;

        UploadSink(String key, Map<String, String> metadata) {
            this.key = key;
            this.metadata = metadata;
        }

        @Override
        public OutputStream open() {
            if (current != null) {
                current.abort();
            }
            current = store.openUpload(key, PARQUET_TYPE, metadata);
            return current;
        }

        @Override
        public void abort(OutputStream attempt) {
            ((MultipartUploadStream) attempt).abort();
        }

    }

}
