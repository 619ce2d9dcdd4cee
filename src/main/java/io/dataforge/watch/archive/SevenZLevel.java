package io.dataforge.watch.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.StreamSupport;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;

/**
 * A 7z read in entry order from a random-access channel (the local file, or a bounded
 * in-memory copy).
 */
final class SevenZLevel implements ArchiveLevel {

    private final SevenZFile sevenZ;

    private final WalkBudget budget;

    private int index = -1;

    SevenZLevel(SevenZFile sevenZ, WalkBudget budget) {
        this.sevenZ = sevenZ;
        this.budget = budget;
    }

    @Override
    public List<String> namesUpFront() {
        return StreamSupport.stream(sevenZ.getEntries().spliterator(), false).map(SevenZArchiveEntry::getName).toList();
    }

    @Override
    public Item next() throws IOException {
        SevenZArchiveEntry entry = sevenZ.getNextEntry();
        if (entry == null) {
            return null;
        }
        index++;
        return new Item(index, entry.getName(), !entry.isDirectory() && !entry.isAntiItem());
    }

    @Override
    public InputStream content() {
        return budget.countDecompressed(new InputStream() {
            @Override
            public int read() throws IOException {
                return sevenZ.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return sevenZ.read(buffer, offset, length);
            }
        });
    }

    @Override
    public void close() throws IOException {
        sevenZ.close();
    }

}
