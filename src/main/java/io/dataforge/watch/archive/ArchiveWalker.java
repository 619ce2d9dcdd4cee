package io.dataforge.watch.archive;

import io.dataforge.watch.RejectedFileException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streams an archive dropped in the watched folder entry by entry, through nested
 * archives and compression layers, without writing anything to disk, and hands each leaf
 * file to a visitor with the path it gets in the output.
 */
public final class ArchiveWalker {

    private final ArchiveLimits limits;

    public ArchiveWalker(ArchiveLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * True for archives and compressed files (by name and first bytes); RAR too, so that
     * it gets refused.
     */
    public boolean isArchive(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(FileKind.HEAD_BYTES);
            return FileKind.detect(file.getFileName().toString(), head, head.length) != FileKind.PLAIN;
        }
    }

    /**
     * Walks the local archive {@code file} whose path relative to the watched folder is
     * {@code relativePath}, calling the visitor once per leaf entry in archive order.
     * Returns the number of leaf entries.
     */
    public int walk(Path file, String relativePath, EntryVisitor visitor) throws IOException, RejectedFileException {
        Walk walk = new Walk(file, relativePath.replace('\\', '/'), visitor);
        try {
            walk.root();
            return walk.leaves;
        }
        catch (VisitorFailure failure) {
            throw failure.failure;
        }
        catch (FileSystemException unreadableFile) {
            throw unreadableFile; // missing or locked file: not the archive's fault,
                                  // worth a retry
        }
        catch (IOException e) {
            throw ArchiveRejection.of(e, walk.budget.location()).rejection();
        }
    }

    /**
     * Carries the visitor's own I/O failure past the archive error mapping, to be
     * rethrown unchanged.
     */
    private static final class VisitorFailure extends RuntimeException {

        private final transient IOException failure;

        VisitorFailure(IOException failure) {
            super(failure);
            this.failure = failure;
        }

    }

    private final class Walk {

        private final Path file;

        private final String rootPath;

        private final EntryVisitor visitor;

        private final WalkBudget budget;

        private int leaves;

        Walk(Path file, String rootPath, EntryVisitor visitor) {
            this.file = file;
            this.rootPath = rootPath;
            this.visitor = visitor;
            this.budget = new WalkBudget(limits, rootPath);
        }

        void root() throws IOException, RejectedFileException {
            try (InputStream in = new BufferedInputStream(budget.countRoot(Files.newInputStream(file)))) {
                FileKind kind = detect(rootPath, in);
                if (kind == FileKind.ZIP || kind == FileKind.SEVEN_Z) {
                    try (ArchiveLevel level = ArchiveFormats.openRoot(kind, file, budget, rootPath)) {
                        entries(level, kind, FileKind.stripExtension(rootPath), rootPath, List.of(), 1);
                    }
                }
                else {
                    file(rootPath, rootPath, kind, in, List.of(), 1);
                }
            }
        }

        /**
         * One file, at {@code path} if it turns out to be a leaf; {@code location} names
         * it in messages.
         */
        private void file(String path, String location, FileKind kind, InputStream in, List<EntryReopener.Step> chain,
                int depth) throws IOException, RejectedFileException {
            if (kind == FileKind.PLAIN) {
                leaf(path, location, in, chain);
                return;
            }
            if (kind == FileKind.RAR) {
                throw new ArchiveRejection("UNSUPPORTED_ARCHIVE",
                        location + ": RAR archives are not supported; repack as zip, tar or 7z", null);
            }
            if (depth > limits.maxDepth()) {
                throw new ArchiveRejection("UNSUPPORTED_ARCHIVE", location + ": archives nested more than "
                        + limits.maxDepth() + " levels deep are not supported (maxDepth)", null);
            }
            if (kind.isCompressor()) {
                String inner = FileKind.decompressedName(path);
                try (InputStream decompressed = ArchiveFormats.decompress(kind, new EntryContentStream(in, location))) {
                    InputStream data = new BufferedInputStream(budget.countDecompressed(decompressed));
                    FileKind innerKind = detect(inner, data);
                    int innerDepth = innerKind == FileKind.TAR ? depth : depth + 1;
                    file(inner, location, innerKind, data, append(chain, kind, 0, ""), innerDepth);
                }
                return;
            }
            try (ArchiveLevel level = ArchiveFormats.openNested(kind, new EntryContentStream(in, location), budget,
                    location)) {
                entries(level, kind, FileKind.stripExtension(path), location, chain, depth);
            }
        }

        private void entries(ArchiveLevel level, FileKind kind, String base, String location,
                List<EntryReopener.Step> chain, int depth) throws IOException, RejectedFileException {
            for (String name : level.namesUpFront()) {
                EntryNames.safe(name, location);
            }
            budget.at(location);
            for (ArchiveLevel.Item item = level.next(); item != null; item = level.next()) {
                if (item.file()) {
                    String name = EntryNames.safe(item.name(), location);
                    String childLocation = location + "!" + name;
                    budget.at(childLocation);
                    InputStream content = new BufferedInputStream(level.content());
                    String childPath = base + "/" + name;
                    FileKind childKind = detect(childPath, content);
                    file(childPath, childLocation, childKind, content, append(chain, kind, item.index(), item.name()),
                            depth + 1);
                    // what the visitor left unread is skipped through the counters, so a
                    // bomb cannot hide there
                    content.transferTo(OutputStream.nullOutputStream());
                }
                budget.at(location);
            }
        }

        private void leaf(String path, String location, InputStream in, List<EntryReopener.Step> chain)
                throws IOException, RejectedFileException {
            List<EntryReopener.Step> steps = List.copyOf(chain);
            ArchiveEntry entry = new ArchiveEntry(path, () -> EntryReopener.open(file, rootPath, steps, limits));
            try {
                visitor.visit(entry, new EntryContentStream(in, location));
            }
            catch (IOException e) {
                ArchiveRejection rejection = ArchiveRejection.findIn(e);
                if (rejection != null) {
                    throw rejection;
                }
                throw new VisitorFailure(e);
            }
            leaves++;
        }

    }

    private static FileKind detect(String name, InputStream in) throws IOException {
        in.mark(FileKind.HEAD_BYTES);
        byte[] head = in.readNBytes(FileKind.HEAD_BYTES);
        in.reset();
        return FileKind.detect(name, head, head.length);
    }

    private static List<EntryReopener.Step> append(List<EntryReopener.Step> chain, FileKind kind, int index,
            String name) {
        List<EntryReopener.Step> longer = new ArrayList<>(chain);
        longer.add(new EntryReopener.Step(kind, index, name));
        return longer;
    }

}
