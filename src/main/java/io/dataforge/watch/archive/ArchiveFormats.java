package io.dataforge.watch.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Opens each format on a stream or, at the root, on the local file; nothing is ever
 * written to disk.
 */
final class ArchiveFormats {

    /**
     * Decoder memory (xz and 7z dictionaries) a header may ask for; 7-Zip's strongest
     * preset needs 64 MiB.
     */
    private static final int DECODER_MEMORY_KIB = 256 * 1024;

    private ArchiveFormats() {
    }

    static InputStream decompress(FileKind kind, InputStream in) throws IOException {
        return switch (kind) {
            case GZIP -> new GzipCompressorInputStream(in, true);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case XZ -> new XZCompressorInputStream(in, true, DECODER_MEMORY_KIB);
            default -> throw new IllegalArgumentException(kind + " is not a compression format");
        };
    }

    /** Zip and 7z at the root read the local file with random access, read-only. */
    static ArchiveLevel openRoot(FileKind kind, Path file, WalkBudget budget, String location) throws IOException {
        SeekableByteChannel channel = budget.countRoot(Files.newByteChannel(file, StandardOpenOption.READ));
        try {
            return open(kind, channel, budget, location);
        }
        catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** An archive inside another; {@code in} is not closed. */
    static ArchiveLevel openNested(FileKind kind, InputStream in, WalkBudget budget, String location)
            throws IOException {
        return switch (kind) {
            case ZIP -> new ZipStreamLevel(in, budget, location);
            case TAR -> new TarLevel(in);
            case SEVEN_Z ->
                open(kind, new SeekableInMemoryByteChannel(readBounded(in, budget, location)), budget, location);
            default -> throw new IllegalArgumentException(kind + " is not an archive format");
        };
    }

    private static ArchiveLevel open(FileKind kind, SeekableByteChannel channel, WalkBudget budget, String location)
            throws IOException {
        if (kind == FileKind.ZIP) {
            return new ZipFileLevel(ZipFile.builder().setSeekableByteChannel(channel).get(), budget, location);
        }
        if (kind == FileKind.SEVEN_Z) {
            // "7z a -si" stores one unnamed entry: name it after the archive, as a
            // compressed file would be
            String unnamed = FileKind
                .stripExtension(location.substring(Math.max(location.lastIndexOf('/'), location.lastIndexOf('!')) + 1));
            SevenZFile sevenZ = SevenZFile.builder()
                .setSeekableByteChannel(channel)
                .setMaxMemoryLimitKiB(DECODER_MEMORY_KIB)
                .setDefaultName(unnamed)
                .setUseDefaultNameForUnnamedEntries(true)
                .get();
            return new SevenZLevel(sevenZ, budget);
        }
        throw new IllegalArgumentException(kind + " is not a random-access archive format");
    }

    /** 7z needs random access, so a nested one is held in memory, up to the cap. */
    private static byte[] readBounded(InputStream in, WalkBudget budget, String location) throws IOException {
        long cap = Math.min(budget.limits().maxInMemoryArchiveBytes(), Integer.MAX_VALUE - 16L);
        byte[] bytes = in.readNBytes((int) cap + 1);
        if (bytes.length > cap) {
            throw new ArchiveRejection("UNSUPPORTED_ARCHIVE",
                    location + ": a 7z archive inside another archive"
                            + " is read in memory and this one is larger than " + cap
                            + " bytes (maxInMemoryArchiveBytes); extract it or repack it as zip or tar",
                    null);
        }
        return bytes;
    }

}
