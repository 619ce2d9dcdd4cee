package io.dataforge.watch.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zip on the local disk, read through its central directory (sizes known, data
 * descriptors no problem) in the physical order of its entries, the same order a
 * streaming reader sees.
 */
final class ZipFileLevel implements ArchiveLevel {

    private final ZipFile zip;

    private final Enumeration<ZipArchiveEntry> entries;

    private final WalkBudget budget;

    private final String location;

    private ZipArchiveEntry current;

    private InputStream open;

    private int index = -1;

    ZipFileLevel(ZipFile zip, WalkBudget budget, String location) {
        this.zip = zip;
        this.entries = zip.getEntriesInPhysicalOrder();
        this.budget = budget;
        this.location = location;
    }

    @Override
    public List<String> namesUpFront() {
        return Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
    }

    @Override
    public Item next() throws IOException {
        closeOpen();
        if (!entries.hasMoreElements()) {
            return null;
        }
        current = entries.nextElement();
        index++;
        return new Item(index, current.getName(), !current.isDirectory() && !current.isUnixSymlink());
    }

    @Override
    public InputStream content() throws IOException {
        ZipStreamLevel.requireReadable(zip.canReadEntryData(current), current, location);
        open = zip.getInputStream(current);
        return budget.countDecompressed(open);
    }

    @Override
    public void close() throws IOException {
        try {
            closeOpen();
        }
        finally {
            zip.close();
        }
    }

    private void closeOpen() throws IOException {
        if (open != null) {
            open.close();
            open = null;
        }
    }

}
