package io.dataforge.watch.archive;

import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * Bytes read from the root file and bytes out of every decompressing layer, for one walk
 * (or one re-open). Checked on every read, so a bomb stops at the limit instead of after
 * it has been inflated.
 */
final class WalkBudget {

    private final ArchiveLimits limits;

    private final String rootPath;

    private long rootBytes;

    private long decompressedBytes;

    private String location;

    WalkBudget(ArchiveLimits limits, String rootPath) {
        this.limits = limits;
        this.rootPath = rootPath;
        this.location = rootPath;
    }

    ArchiveLimits limits() {
        return limits;
    }

    /** Where the walk is, for messages: "drop/a.zip!in/b.tar.gz!c.csv". */
    String location() {
        return location;
    }

    void at(String where) {
        this.location = where;
    }

    InputStream countRoot(InputStream in) {
        return new CountingInputStream(in, n -> rootBytes += n);
    }

    SeekableByteChannel countRoot(SeekableByteChannel channel) {
        return new CountingChannel(channel, n -> rootBytes += n);
    }

    InputStream countDecompressed(InputStream in) {
        return new CountingInputStream(in, this::addDecompressed);
    }

    private void addDecompressed(long bytes) throws ArchiveRejection {
        decompressedBytes += bytes;
        if (decompressedBytes > limits.maxDecompressedBytes()) {
            throw new ArchiveRejection("ZIP_BOMB", location + ": more than " + limits.maxDecompressedBytes()
                    + " bytes decompressed (maxDecompressedBytes); refused as a possible zip bomb", null);
        }
        if (decompressedBytes > limits.ratioGraceBytes()
                && decompressedBytes > limits.maxCompressionRatio() * Math.max(1, rootBytes)) {
            throw new ArchiveRejection("ZIP_BOMB",
                    location + ": compression ratio above " + limits.maxCompressionRatio() + " (" + decompressedBytes
                            + " bytes decompressed from " + rootBytes + " bytes of " + rootPath
                            + "; maxCompressionRatio); refused as a possible zip bomb",
                    null);
        }
    }

}
