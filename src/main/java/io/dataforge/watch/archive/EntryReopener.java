package io.dataforge.watch.archive;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads one leaf again from the root file by the positions recorded on the first walk,
 * under fresh limits; the stream it returns closes every level it opened.
 */
final class EntryReopener {

    /**
     * One level on the way to a leaf: a compression layer (index 0, no name) or an entry
     * of an archive.
     */
    record Step(FileKind kind, int index, String name) {
    }

    private EntryReopener() {
    }

    static InputStream open(Path file, String rootPath, List<Step> steps, ArchiveLimits limits) throws IOException {
        WalkBudget budget = new WalkBudget(limits, rootPath);
        Deque<Closeable> opened = new ArrayDeque<>();
        try {
            InputStream current = null;
            String location = rootPath;
            for (Step step : steps) {
                budget.at(location);
                boolean randomAccessRoot = current == null
                        && (step.kind() == FileKind.ZIP || step.kind() == FileKind.SEVEN_Z);
                if (current == null && !randomAccessRoot) {
                    current = push(opened, new BufferedInputStream(budget.countRoot(Files.newInputStream(file))));
                }
                if (step.kind().isCompressor()) {
                    InputStream decompressed = push(opened,
                            ArchiveFormats.decompress(step.kind(), new EntryContentStream(current, location)));
                    current = new BufferedInputStream(budget.countDecompressed(decompressed));
                    continue;
                }
                ArchiveLevel level = push(opened,
                        randomAccessRoot ? ArchiveFormats.openRoot(step.kind(), file, budget, location) : ArchiveFormats
                            .openNested(step.kind(), new EntryContentStream(current, location), budget, location));
                seek(level, step, location);
                location = location + "!" + step.name();
                current = new BufferedInputStream(level.content());
            }
            if (current == null) {
                current = push(opened, new BufferedInputStream(budget.countRoot(Files.newInputStream(file))));
            }
            return new ClosingStream(new EntryContentStream(current, location), opened);
        }
        catch (IOException | RuntimeException e) {
            closeAll(opened, e);
            throw e;
        }
    }

    private static void seek(ArchiveLevel level, Step step, String location) throws IOException {
        ArchiveLevel.Item item = level.next();
        while (item != null && item.index() < step.index()) {
            item = level.next();
        }
        if (item == null || item.index() != step.index() || !item.name().equals(step.name())) {
            throw new IOException(location + ": entry " + step.name() + " is no longer at position " + step.index()
                    + "; the archive changed since it was walked");
        }
    }

    private static <T extends Closeable> T push(Deque<Closeable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    private static void closeAll(Deque<Closeable> opened, Throwable failure) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            }
            catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static final class ClosingStream extends FilterInputStream {

        private final Deque<Closeable> opened;

        ClosingStream(InputStream in, Deque<Closeable> opened) {
            super(in);
            this.opened = opened;
        }

        @Override
        public void close() throws IOException {
            IOException failure = new IOException("closing a re-opened archive entry failed");
            closeAll(opened, failure);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
        }

    }

}
