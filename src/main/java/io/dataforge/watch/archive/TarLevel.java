package io.dataforge.watch.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A tar read as a stream; its entries are not counted as decompressed, the layer around
 * it already was.
 */
final class TarLevel implements ArchiveLevel {

    private final TarArchiveInputStream tar;

    private int index = -1;

    TarLevel(InputStream in) {
        this.tar = new TarArchiveInputStream(in);
    }

    @Override
    public List<String> namesUpFront() {
        return List.of();
    }

    @Override
    public Item next() throws IOException {
        TarArchiveEntry entry = tar.getNextEntry();
        if (entry == null) {
            return null;
        }
        index++;
        if (!entry.isCheckSumOK()) {
            // commons-compress reads past a bad checksum; a damaged header must not
            // become a file
            throw new IOException("tar header checksum mismatch at entry " + index + " ('" + entry.getName() + "')");
        }
        boolean regular = !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isLink()
                && !entry.isCharacterDevice() && !entry.isBlockDevice() && !entry.isFIFO();
        return new Item(index, entry.getName(), regular);
    }

    @Override
    public InputStream content() {
        return tar;
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

}
