package io.dataforge.watch.archive;

/**
 * Caps that keep a hostile or broken archive from filling memory, CPU time or the bucket.
 *
 * @param maxDecompressedBytes total bytes out of every decompressing layer (zip and 7z
 * entries, gzip, bzip2, xz)
 * @param maxCompressionRatio decompressed bytes per byte read from the root file, checked
 * after the grace
 * @param ratioGraceBytes decompressed bytes allowed before the ratio is checked (small
 * files compress well)
 * @param maxInMemoryArchiveBytes largest 7z nested in another archive (7z needs random
 * access, so it is buffered)
 * @param maxDepth archives within archives, the root being 1; a compressed tar counts
 * once
 */
public record ArchiveLimits(long maxDecompressedBytes, double maxCompressionRatio, long ratioGraceBytes,
        long maxInMemoryArchiveBytes, int maxDepth) {

    private static final long MIB = 1024L * 1024L;

    public ArchiveLimits {
        if (maxDecompressedBytes <= 0 || maxCompressionRatio <= 0 || ratioGraceBytes < 0 || maxInMemoryArchiveBytes <= 0
                || maxDepth < 1) {
            throw new IllegalArgumentException("archive limits must be positive (depth at least 1)");
        }
    }

    /** 10 GiB, ratio 200, grace 16 MiB, 64 MiB for a nested 7z, depth 5. */
    public static ArchiveLimits defaults() {
        return new ArchiveLimits(10 * 1024 * MIB, 200, 16 * MIB, 64 * MIB, 5);
    }
}
