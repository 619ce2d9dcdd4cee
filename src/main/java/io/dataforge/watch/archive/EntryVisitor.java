package io.dataforge.watch.archive;

import io.dataforge.watch.RejectedFileException;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives each leaf entry once, in archive order; {@code content} is read once and need
 * not be closed.
 */
@FunctionalInterface
public interface EntryVisitor {

    void visit(ArchiveEntry entry, InputStream content) throws IOException, RejectedFileException;

}
