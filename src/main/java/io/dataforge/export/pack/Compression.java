package io.dataforge.export.pack;

import io.dataforge.export.render.ExportFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * How a rendered export is packed on its way to storage. The wrapper is owned by the
 * caller: closing it finishes the archive and closes the stream underneath.
 */
public enum Compression {

    NONE("", null), ZIP(".zip", "application/zip"), GZIP(".gz", "application/gzip");

    private static final int BUFFER = 64 * 1024;

    private final String suffix;

    private final String contentType;

    Compression(String suffix, String contentType) {
        this.suffix = suffix;
        this.contentType = contentType;
    }

    /**
     * Packs what is written into {@code out} on a thread named {@code threadName} (see
     * {@link PackedStream}). {@code entryName} names the single entry of a zip (the
     * export's file name); the other modes ignore it.
     */
    public PackedStream open(OutputStream out, String entryName, String threadName) throws IOException {
        return new PackedStream(packer(out, entryName), threadName);
    }

    private OutputStream packer(OutputStream out, String entryName) throws IOException {
        return switch (this) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out, BUFFER);
            case ZIP -> {
                // java.util.zip switches to Zip64 by itself when an entry passes 4 GiB,
                // even on a stream that
                // cannot seek back; commons-compress would refuse that in its default
                // mode
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, BUFFER));
                zip.putNextEntry(new ZipEntry(entryName));
                yield zip;
            }
        };
    }

    /** Appended to the export's file name: {@code ".zip"}, {@code ".gz"} or nothing. */
    public String suffix() {
        return suffix;
    }

    /** The content type of the stored object: the format's own when not compressed. */
    public String contentType(ExportFormat format) {
        return contentType == null ? format.contentType() : contentType;
    }

}
