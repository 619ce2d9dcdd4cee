package io.dataforge.watch.archive;

import static io.dataforge.watch.archive.ArchiveFixtures.bzip2;
import static io.dataforge.watch.archive.ArchiveFixtures.csv;
import static io.dataforge.watch.archive.ArchiveFixtures.entries;
import static io.dataforge.watch.archive.ArchiveFixtures.gzip;
import static io.dataforge.watch.archive.ArchiveFixtures.pdfLike;
import static io.dataforge.watch.archive.ArchiveFixtures.sevenZ;
import static io.dataforge.watch.archive.ArchiveFixtures.tar;
import static io.dataforge.watch.archive.ArchiveFixtures.text;
import static io.dataforge.watch.archive.ArchiveFixtures.write;
import static io.dataforge.watch.archive.ArchiveFixtures.xz;
import static io.dataforge.watch.archive.ArchiveFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveWalkerFormatsTest {

    private final ArchiveWalker walker = new ArchiveWalker(ArchiveLimits.defaults());

    private static final Map<String, byte[]> CONTENT = entries("x/", new byte[0], "x/y.csv", csv(1, 300), "top.txt",
            text("hello"), "x/z/deep.pdf", pdfLike(2, 20_000));

    @ParameterizedTest
    @ValueSource(
            strings = { "b.zip", "b.tar", "b.tar.gz", "b.tgz", "b.tar.bz2", "b.tbz2", "b.tar.xz", "b.txz", "b.7z" })
    void archiveEntriesKeepTheirFoldersUnderTheArchivePathWithoutExtension(String name) throws Exception {
        // given
        byte[] archive = switch (name) {
            case "b.zip" -> zip(CONTENT);
            case "b.tar" -> tar(CONTENT);
            case "b.tar.gz", "b.tgz" -> gzip(tar(CONTENT));
            case "b.tar.bz2", "b.tbz2" -> bzip2(tar(CONTENT));
            case "b.tar.xz", "b.txz" -> xz(tar(CONTENT));
            default -> sevenZ(CONTENT);
        };
        Path file = write(ArchiveFixtures.folder("formats-" + name), "drop/" + name, archive);
        Collected visited = new Collected();

        // when
        int leaves = walker.walk(file, "drop/" + name, visited);

        // then
        assertThat(leaves).isEqualTo(3);
        visited.assertExactly(entries("drop/b/x/y.csv", CONTENT.get("x/y.csv"), "drop/b/top.txt",
                CONTENT.get("top.txt"), "drop/b/x/z/deep.pdf", CONTENT.get("x/z/deep.pdf")));
    }

    @ParameterizedTest
    @CsvSource({ "d.csv.gz,drop/d.csv", "d.csv.bz2,drop/d.csv", "d.csv.xz,drop/d.csv", "e.gz,drop/e" })
    void aCompressedFileBecomesTheFileItHolds(String name, String expectedPath) throws Exception {
        byte[] data = csv(3, 500);
        byte[] compressed = name.endsWith(".bz2") ? bzip2(data) : name.endsWith(".xz") ? xz(data) : gzip(data);
        Path file = write(ArchiveFixtures.folder("single-" + name), "drop/" + name, compressed);
        Collected visited = new Collected();

        int leaves = walker.walk(file, "drop/" + name, visited);

        assertThat(leaves).isEqualTo(1);
        visited.assertExactly(entries(expectedPath, data));
    }

    @Test
    void nestedArchivesAreStreamedThroughToTheirLeaves() throws Exception {
        Path file = nestedZip("nested");
        Collected visited = new Collected();

        int leaves = walker.walk(file, "drop/a.zip", visited);

        assertThat(leaves).isEqualTo(5);
        visited.assertExactly(nestedLeaves());
    }

    @Test
    void theSourceOfANestedEntryReadsTheSameBytesAgain() throws Exception {
        Path file = nestedZip("reopen");
        Collected visited = new Collected();
        walker.walk(file, "drop/a.zip", visited);

        for (Map.Entry<String, ArchiveEntry> e : visited.entries.entrySet()) {
            try (InputStream again = e.getValue().source().open()) {
                assertThat(again.readAllBytes()).as(e.getKey()).isEqualTo(nestedLeaves().get(e.getKey()));
            }
        }
    }

    @Test
    void magicNumbersWinOverALyingExtension() throws Exception {
        Path folder = ArchiveFixtures.folder("lying");
        Path zipNamedTgz = write(folder, "drop/data.tar.gz", zip(entries("x.csv", text("1,2\n"))));
        Path tgzNamedZip = write(folder, "drop/lies.zip", gzip(tar(entries("c.csv", text("3,4\n")))));
        Collected visited = new Collected();

        walker.walk(zipNamedTgz, "drop/data.tar.gz", visited);
        walker.walk(tgzNamedZip, "drop/lies.zip", visited);

        visited.assertExactly(entries("drop/data/x.csv", text("1,2\n"), "drop/lies/c.csv", text("3,4\n")));
        assertThat(walker.isArchive(zipNamedTgz)).isTrue();
    }

    @Test
    void aPlainFileIsNotAnArchive() throws Exception {
        Path file = write(ArchiveFixtures.folder("plain"), "drop/p.csv", csv(4, 10));

        assertThat(walker.isArchive(file)).isFalse();
    }

    @Test
    void walkingAndReopeningWriteNothingToTheTempFolder() throws Exception {
        Path file = nestedZip("no-temp");
        Set<Path> before = tempFiles();

        Collected visited = new Collected();
        walker.walk(file, "drop/a.zip", visited);
        for (ArchiveEntry entry : visited.entries.values()) {
            try (InputStream again = entry.source().open()) {
                again.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }

        assertThat(tempFiles()).isEqualTo(before);
    }

    /** drop/a.zip: folders, a tar.gz, a 7z and a pdf-like binary. */
    static Path nestedZip(String test) throws IOException {
        Map<String, byte[]> leaves = nestedLeaves();
        byte[] tarGz = gzip(tar(entries("c.csv", leaves.get("drop/a/in/deeper/b/c.csv"), "sub/d.csv",
                leaves.get("drop/a/in/deeper/b/sub/d.csv"))));
        byte[] sevenZ = sevenZ(entries("z.csv", leaves.get("drop/a/packed/inner/z.csv")));
        byte[] zip = zip(entries("in/", new byte[0], "in/deeper/b.tar.gz", tarGz, "docs/report.pdf",
                leaves.get("drop/a/docs/report.pdf"), "packed/inner.7z", sevenZ, "x/y.csv",
                leaves.get("drop/a/x/y.csv")));
        return write(ArchiveFixtures.folder(test), "drop/a.zip", zip);
    }

    static Map<String, byte[]> nestedLeaves() {
        return entries("drop/a/in/deeper/b/c.csv", csv(10, 400), "drop/a/in/deeper/b/sub/d.csv", csv(11, 50),
                "drop/a/docs/report.pdf", pdfLike(12, 64_000), "drop/a/packed/inner/z.csv", csv(13, 300),
                "drop/a/x/y.csv", csv(14, 100));
    }

    private static Set<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("java.io.tmpdir")), 2)) {
            return files.collect(Collectors.toSet());
        }
        catch (java.io.UncheckedIOException e) {
            return Set.of(); // a folder vanished while listing: another process's, not
                             // ours
        }
    }

}
