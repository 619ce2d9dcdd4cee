package io.dataforge.watch.archive;

import static io.dataforge.watch.archive.ArchiveFixtures.csv;
import static io.dataforge.watch.archive.ArchiveFixtures.entries;
import static io.dataforge.watch.archive.ArchiveFixtures.gzip;
import static io.dataforge.watch.archive.ArchiveFixtures.markEncrypted;
import static io.dataforge.watch.archive.ArchiveFixtures.pdfLike;
import static io.dataforge.watch.archive.ArchiveFixtures.rawZip;
import static io.dataforge.watch.archive.ArchiveFixtures.sevenZ;
import static io.dataforge.watch.archive.ArchiveFixtures.tar;
import static io.dataforge.watch.archive.ArchiveFixtures.text;
import static io.dataforge.watch.archive.ArchiveFixtures.write;
import static io.dataforge.watch.archive.ArchiveFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dataforge.watch.RejectedFileException;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveWalkerSafetyTest {

    private static final long GIB = 1024L * 1024 * 1024;

    private static Path bomb;

    private final ArchiveWalker walker = new ArchiveWalker(ArchiveLimits.defaults());

    /** 1 GiB of zeros deflated (about 1 MB on disk), written streaming. */
    @BeforeAll
    static void writeBomb() throws IOException {
        bomb = ArchiveFixtures.folder("bomb").resolve("drop/bomb.zip");
        if (Files.exists(bomb)) {
            return;
        }
        byte[] zeros = new byte[1024 * 1024];
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(bomb)))) {
            zip.putNextEntry(new ZipEntry("zeros.csv"));
            for (long written = 0; written < GIB; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
    }

    @Test
    void anEntryClimbingOutOfTheArchiveRefusesItBeforeAnyEntryIsVisited() throws Exception {
        Path file = write(ArchiveFixtures.folder("slip-zip"), "drop/a.zip",
                rawZip(entries("ok.csv", text("1\n"), "../evil.csv", text("2\n"), "after.csv", text("3\n"))));
        Collected visited = new Collected();

        RejectedFileException refused = rejected(() -> walker.walk(file, "drop/a.zip", visited));

        assertThat(refused.errorType()).isEqualTo("ZIP_SLIP");
        assertThat(refused.getMessage()).contains("drop/a.zip", "../evil.csv");
        assertThat(visited.contents).isEmpty();
    }

    @Test
    void anEntryClimbingOutOfAStreamedArchiveStopsTheWalkAtThatEntry() throws Exception {
        byte[] tar = tar(entries("ok.csv", text("1\n"), "../evil.csv", text("2\n"), "after.csv", text("3\n")));
        Path file = write(ArchiveFixtures.folder("slip-tar"), "drop/t.tar", tar);
        Collected visited = new Collected();

        RejectedFileException refused = rejected(() -> walker.walk(file, "drop/t.tar", visited));

        assertThat(refused.errorType()).isEqualTo("ZIP_SLIP");
        assertThat(visited.contents).containsOnlyKeys("drop/t/ok.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/etc/x.csv", "C:\\data\\x.csv", "\\\\server\\share\\x.csv", "in/../../x.csv" })
    void absoluteOrParentPathsAreZipSlip(String entryName) throws Exception {
        Path file = write(ArchiveFixtures.folder("slip-abs"), "drop/a.zip",
                rawZip(entries(entryName, text("1\n"), "after.csv", text("2\n"))));
        Collected visited = new Collected();

        RejectedFileException refused = rejected(() -> walker.walk(file, "drop/a.zip", visited));

        assertThat(refused.errorType()).isEqualTo("ZIP_SLIP");
        assertThat(visited.contents).isEmpty();
    }

    @Test
    void aZipBombIsStoppedByTheCompressionRatioWithoutInflatingItAll() {
        long start = System.nanoTime();

        RejectedFileException refused = rejected(() -> walker.walk(bomb, "drop/bomb.zip", new Collected()));

        assertThat(refused.errorType()).isEqualTo("ZIP_BOMB");
        assertThat(refused.getMessage()).contains("maxCompressionRatio", "drop/bomb.zip!zeros.csv");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aZipBombIsStoppedEvenWhenTheVisitorReadsNothing() {
        RejectedFileException refused = rejected(() -> walker.walk(bomb, "drop/bomb.zip", (entry, content) -> {
        }));

        assertThat(refused.errorType()).isEqualTo("ZIP_BOMB");
    }

    @Test
    void aZipBombInsideAnotherArchiveIsStoppedToo() throws Exception {
        Path file = write(ArchiveFixtures.folder("bomb-nested"), "drop/outer.zip",
                zip(entries("in/bomb.zip", Files.readAllBytes(bomb))));

        RejectedFileException refused = rejected(() -> walker.walk(file, "drop/outer.zip", new Collected()));

        assertThat(refused.errorType()).isEqualTo("ZIP_BOMB");
        assertThat(refused.getMessage()).contains("drop/outer.zip!in/bomb.zip!zeros.csv");
    }

    @Test
    void theTotalDecompressedSizeIsCapped() {
        ArchiveWalker capped = new ArchiveWalker(new ArchiveLimits(32L << 20, 1e9, 16L << 20, 64L << 20, 5));

        RejectedFileException refused = rejected(() -> capped.walk(bomb, "drop/bomb.zip", new Collected()));

        assertThat(refused.errorType()).isEqualTo("ZIP_BOMB");
        assertThat(refused.getMessage()).contains("maxDecompressedBytes");
    }

    @Test
    void aTruncatedGzipIsCorrupt() throws Exception {
        byte[] gz = gzip(csv(20, 20_000));
        Path file = write(ArchiveFixtures.folder("truncated-gz"), "drop/t.csv.gz", Arrays.copyOf(gz, gz.length / 2));

        RejectedFileException refused = rejected(() -> walker.walk(file, "drop/t.csv.gz", new Collected()));

        assertThat(refused.errorType()).isEqualTo("CORRUPT_ARCHIVE");
        assertThat(refused.getMessage()).contains("drop/t.csv.gz");
    }

    @Test
    void aTruncatedZipIsCorrupt() throws Exception {
        byte[] zip = zip(entries("a.csv", csv(21, 5_000), "b.csv", csv(22, 5_000)));
        Path file = write(ArchiveFixtures.folder("truncated-zip"), "drop/t.zip",
                Arrays.copyOf(zip, zip.length * 3 / 5));

        assertThat(rejected(() -> walker.walk(file, "drop/t.zip", new Collected())).errorType())
            .isEqualTo("CORRUPT_ARCHIVE");
    }

    @Test
    void aTarWithABadChecksumIsCorrupt() throws Exception {
        byte[] tar = tar(entries("a.csv", csv(23, 100)));
        tar[0] ^= 0x01;
        Path file = write(ArchiveFixtures.folder("bad-tar"), "drop/b.tar", tar);

        assertThat(rejected(() -> walker.walk(file, "drop/b.tar", new Collected())).errorType())
            .isEqualTo("CORRUPT_ARCHIVE");
    }

    @Test
    void aPasswordProtectedZipIsEncrypted() throws Exception {
        Path file = write(ArchiveFixtures.folder("encrypted"), "drop/e.zip",
                markEncrypted(zip(entries("secret.csv", csv(24, 10)))));

        RejectedFileException refused = rejected(() -> walker.walk(file, "drop/e.zip", new Collected()));

        assertThat(refused.errorType()).isEqualTo("ENCRYPTED_ARCHIVE");
        assertThat(refused.getMessage()).contains("drop/e.zip!secret.csv");
    }

    @Test
    void aPasswordProtectedZipInsideATarIsEncrypted() throws Exception {
        byte[] inner = markEncrypted(zip(entries("secret.csv", csv(25, 10))));
        Path file = write(ArchiveFixtures.folder("encrypted-nested"), "drop/t.tar", tar(entries("in.zip", inner)));

        assertThat(rejected(() -> walker.walk(file, "drop/t.tar", new Collected())).errorType())
            .isEqualTo("ENCRYPTED_ARCHIVE");
    }

    @Test
    void rarIsRefusedWithAHowToFix() throws Exception {
        byte[] rar = new byte[64];
        System.arraycopy(new byte[] { 'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00 }, 0, rar, 0, 8);
        Path file = write(ArchiveFixtures.folder("rar"), "drop/r.rar", rar);

        RejectedFileException refused = rejected(() -> walker.walk(file, "drop/r.rar", new Collected()));

        assertThat(walker.isArchive(file)).isTrue();
        assertThat(refused.errorType()).isEqualTo("UNSUPPORTED_ARCHIVE");
        assertThat(refused.getMessage()).contains("RAR archives are not supported; repack as zip, tar or 7z");
    }

    @Test
    void nestingDeeperThanTheLimitIsUnsupported() throws Exception {
        byte[] threeDeep = zip(entries("l2.zip", zip(entries("l3.zip", zip(entries("c.csv", text("1\n")))))));
        Path file = write(ArchiveFixtures.folder("depth"), "drop/l1.zip", threeDeep);
        ArchiveLimits two = new ArchiveLimits(GIB, 200, 16L << 20, 64L << 20, 2);

        RejectedFileException refused = rejected(
                () -> new ArchiveWalker(two).walk(file, "drop/l1.zip", new Collected()));

        assertThat(refused.errorType()).isEqualTo("UNSUPPORTED_ARCHIVE");
        assertThat(refused.getMessage()).contains("maxDepth");
    }

    @Test
    void aNested7zAboveTheInMemoryCapIsUnsupported() throws Exception {
        byte[] big7z = sevenZ(entries("r.bin", pdfLike(26, 50_000)));
        Path file = write(ArchiveFixtures.folder("big-7z"), "drop/a.zip", zip(entries("in.7z", big7z)));
        ArchiveLimits small = new ArchiveLimits(GIB, 200, 16L << 20, 10_000, 5);

        RejectedFileException refused = rejected(
                () -> new ArchiveWalker(small).walk(file, "drop/a.zip", new Collected()));

        assertThat(refused.errorType()).isEqualTo("UNSUPPORTED_ARCHIVE");
        assertThat(refused.getMessage()).contains("drop/a.zip!in.7z", "maxInMemoryArchiveBytes");
    }

    @Test
    void aStoredEntryWithADataDescriptorIsReadAtTheRootAndInsideAnotherArchive() throws Exception {
        byte[] data = csv(27, 2_000);
        byte[] zip = ArchiveFixtures.storedWithDataDescriptor("s.csv", data);
        Path folder = ArchiveFixtures.folder("stored-dd");
        Path root = write(folder, "drop/s.zip", zip);
        Path nested = write(folder, "drop/t.tar", tar(entries("s.zip", zip)));
        Collected visited = new Collected();

        walker.walk(root, "drop/s.zip", visited);
        walker.walk(nested, "drop/t.tar", visited);

        visited.assertExactly(entries("drop/s/s.csv", data, "drop/t/s/s.csv", data));
    }

    @Test
    void aNestedStoredEntryWithADataDescriptorAboveTheInMemoryCapIsUnsupported() throws Exception {
        byte[] zip = ArchiveFixtures.storedWithDataDescriptor("s.csv", csv(28, 2_000));
        Path file = write(ArchiveFixtures.folder("stored-dd-big"), "drop/t.tar", tar(entries("s.zip", zip)));
        ArchiveLimits small = new ArchiveLimits(GIB, 200, 16L << 20, 10_000, 5);

        RejectedFileException refused = rejected(
                () -> new ArchiveWalker(small).walk(file, "drop/t.tar", new Collected()));

        assertThat(refused.errorType()).isEqualTo("UNSUPPORTED_ARCHIVE");
        assertThat(refused.getMessage()).contains("data descriptor");
    }

    @Test
    void theVisitorsOwnIOExceptionPassesThroughUnchanged() throws Exception {
        Path file = ArchiveWalkerFormatsTest.nestedZip("visitor-failure");
        IOException uploadFailed = new IOException("upload failed");

        assertThatThrownBy(() -> walker.walk(file, "drop/a.zip", (entry, content) -> {
            content.read();
            throw uploadFailed;
        })).isSameAs(uploadFailed);
    }

    @Test
    void theVisitorsOwnRejectionPassesThroughUnchanged() throws Exception {
        Path file = ArchiveWalkerFormatsTest.nestedZip("visitor-rejection");
        RejectedFileException badRow = new RejectedFileException("INVALID_DATA", "row 3 has 2 columns", 3L, null);

        assertThatThrownBy(() -> walker.walk(file, "drop/a.zip", (entry, content) -> {
            throw badRow;
        })).isSameAs(badRow);
    }

    @Test
    void aMissingFileIsNotACorruptArchive() {
        Path missing = ArchiveFixtures.ROOT.resolve("nowhere/drop/gone.zip");

        assertThatThrownBy(() -> walker.walk(missing, "drop/gone.zip", new Collected()))
            .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    private interface Walk {

        void run() throws Exception;

    }

    private static RejectedFileException rejected(Walk walk) {
        RejectedFileException refused = catchThrowableOfType(RejectedFileException.class, walk::run);
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

}
