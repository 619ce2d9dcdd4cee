package io.dataforge.watch.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.compress.archivers.zip.GeneralPurposeBit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * A zip nested in another archive, read as a stream. A stored entry with a data
 * descriptor has no size up front, so commons-compress buffers the whole entry in memory
 * to find its end: such entries are read only up to the in-memory cap and refused above
 * it.
 */
final class ZipStreamLevel implements ArchiveLevel {

    private final ZipArchiveInputStream zip;

    private final WalkBudget budget;

    private final String location;

    private final long storedCap;

    private long storedBytes = -1;

    private ZipArchiveEntry current;

    private int index = -1;

    ZipStreamLevel(InputStream in, WalkBudget budget, String location) {
        this.budget = budget;
        this.location = location;
        this.storedCap = budget.limits().maxInMemoryArchiveBytes();
        InputStream guarded = new CountingInputStream(in, this::guardStoredEntry);
        this.zip = new ZipArchiveInputStream(guarded, StandardCharsets.UTF_8.name(), true, true);
    }

    static void requireReadable(boolean readable, ZipArchiveEntry entry, String location) throws ArchiveRejection {
        if (readable) {
            return;
        }
        GeneralPurposeBit flags = entry.getGeneralPurposeBit();
        if (flags.usesEncryption() || flags.usesStrongEncryption()) {
            throw new ArchiveRejection("ENCRYPTED_ARCHIVE",
                    location + "!" + entry.getName() + ": password-protected zip entry; upload it without a password",
                    null);
        }
        throw new ArchiveRejection("UNSUPPORTED_ARCHIVE", location + "!" + entry.getName()
                + ": zip entry cannot be read (method " + ZipMethod.getMethodByCode(entry.getMethod()) + ")", null);
    }

    @Override
    public List<String> namesUpFront() {
        return List.of();
    }

    @Override
    public Item next() throws IOException {
        storedBytes = -1;
        current = zip.getNextEntry();
        if (current == null) {
            return null;
        }
        index++;
        if (current.getMethod() == ZipArchiveEntry.STORED && current.getGeneralPurposeBit().usesDataDescriptor()) {
            storedBytes = 0;
        }
        return new Item(index, current.getName(), !current.isDirectory() && !current.isUnixSymlink());
    }

    @Override
    public InputStream content() throws IOException {
        requireReadable(zip.canReadEntryData(current), current, location);
        return budget.countDecompressed(new EntryContentStream(zip, location + "!" + current.getName()));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private void guardStoredEntry(long bytes) throws ArchiveRejection {
        if (storedBytes >= 0 && (storedBytes += bytes) > storedCap) {
            throw new ArchiveRejection("UNSUPPORTED_ARCHIVE",
                    location + "!" + current.getName() + ": stored zip entry with a data descriptor larger than "
                            + storedCap + " bytes cannot be streamed from a nested zip; repack it deflated",
                    null);
        }
    }

}
