package io.dataforge.watch.archive;

import io.dataforge.watch.StreamSource;

/**
 * One leaf file of an archive.
 *
 * @param path where it goes, relative to the output root ("drop/a/x/y.csv" for "x/y.csv"
 * in "drop/a.zip")
 * @param source reads the entry again from the root file, walking the same positions at
 * every level
 */
public record ArchiveEntry(String path, StreamSource source) {
}
