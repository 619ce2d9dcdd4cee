package io.dataforge.watch.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One archive being read entry by entry, whatever its format; closing it releases what it
 * opened.
 */
interface ArchiveLevel extends Closeable {

    /**
     * @param index position in archive order, directories included; @param file false for
     * folders and links
     */
    record Item(int index, String name, boolean file) {
    }

    /**
     * Every entry name when the format knows them before reading (zip and 7z files), else
     * empty.
     */
    List<String> namesUpFront();

    /**
     * The next entry, or null at the end; unread bytes of the previous one are skipped.
     */
    Item next() throws IOException;

    /**
     * The current entry's bytes (counted when the format decompresses); refuses entries
     * it cannot read.
     */
    InputStream content() throws IOException;

}
