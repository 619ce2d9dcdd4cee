package io.dataforge.watch;

import static io.dataforge.watch.archive.ArchiveFixtures.entries;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.watch.archive.ArchiveFixtures;
import io.dataforge.watch.parquet.ParquetReadBack;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Archives dropped into the watched folder: unpacked as they stream, unsafe ones refused.
 */
@IntegrationTest
class WatchArchiveIT extends WatchTestBase {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".getBytes(UTF_8);

    @Test
    void zipEntriesKeepTheirFoldersUnderTheArchivesPathWithNestedArchivesStreamedThrough() throws Exception {
        String folder = WatchFixture.folder("zip");
        byte[] inner = ArchiveFixtures.gzip(ArchiveFixtures.tar(entries("c.txt", "hello", "deep/d.csv", "k\nv\n")));
        watch.drop(folder + "/a.zip", ArchiveFixtures
            .zip(entries("x/y.csv", "a,b\n1,2\n", "docs/manual.pdf", PDF, "inner/pack.tar.gz", inner)));

        watch.awaitStatus(folder + "/a.zip", "completed");

        assertThat(watch.keysUnder(folder)).containsExactlyInAnyOrder(folder + "/a/x/y.parquet",
                folder + "/a/docs/manual.pdf", folder + "/a/inner/pack/c.txt", folder + "/a/inner/pack/deep/d.parquet");
        assertThat(watch.object(folder + "/a/docs/manual.pdf")).isEqualTo(PDF);
        assertThat(store.head(folder + "/a/docs/manual.pdf").orElseThrow().contentType()).isEqualTo("application/pdf");
        assertThat(watch.object(folder + "/a/inner/pack/c.txt")).isEqualTo("hello".getBytes(UTF_8));
        assertThat(ParquetReadBack.readAll(watch.object(folder + "/a/x/y.parquet")))
            .containsExactly(Map.of("a", 1L, "b", 2L));
        assertThat(ParquetReadBack.readAll(watch.object(folder + "/a/inner/pack/deep/d.parquet")))
            .containsExactly(Map.of("k", "v"));
        assertThat(store.head(folder + "/a/x/y.parquet").orElseThrow().metadata())
            .containsEntry("source-path", folder + "/a.zip")
            .containsEntry("source-entry", folder + "/a/x/y.csv");
    }

    @Test
    void everyArchiveFormatIsUnpacked() throws Exception {
        String folder = WatchFixture.folder("formats");
        Map<String, byte[]> one = entries("e.txt", "inside");
        Map<String, String> expected = new LinkedHashMap<>();
        drop(expected, folder + "/t.tar", ArchiveFixtures.tar(one), folder + "/t/e.txt");
        drop(expected, folder + "/tg.tgz", ArchiveFixtures.gzip(ArchiveFixtures.tar(one)), folder + "/tg/e.txt");
        drop(expected, folder + "/tgz.tar.gz", ArchiveFixtures.gzip(ArchiveFixtures.tar(one)), folder + "/tgz/e.txt");
        drop(expected, folder + "/tb.tar.bz2", ArchiveFixtures.bzip2(ArchiveFixtures.tar(one)), folder + "/tb/e.txt");
        drop(expected, folder + "/tx.tar.xz", ArchiveFixtures.xz(ArchiveFixtures.tar(one)), folder + "/tx/e.txt");
        drop(expected, folder + "/g.txt.gz", ArchiveFixtures.gzip("inside".getBytes(UTF_8)), folder + "/g.txt");
        drop(expected, folder + "/b.txt.bz2", ArchiveFixtures.bzip2("inside".getBytes(UTF_8)), folder + "/b.txt");
        drop(expected, folder + "/x.txt.xz", ArchiveFixtures.xz("inside".getBytes(UTF_8)), folder + "/x.txt");
        drop(expected, folder + "/s.7z", ArchiveFixtures.sevenZ(one), folder + "/s/e.txt");

        for (var archive : expected.entrySet()) {
            watch.awaitStatus(archive.getKey(), "completed");
            assertThat(watch.object(archive.getValue())).as(archive.getKey()).isEqualTo("inside".getBytes(UTF_8));
        }
        assertThat(watch.keysUnder(folder)).containsExactlyInAnyOrderElementsOf(expected.values());
    }

    @Test
    void unsafeCorruptAndLockedArchivesGoToTheErrorFolderAndTheRestGoesOn() throws Exception {
        String folder = WatchFixture.folder("unsafe");
        byte[] good = ArchiveFixtures.zip(entries("ok.txt", "ok"));
        watch.drop(folder + "/slip.zip", ArchiveFixtures.rawZip(entries("fine.txt", "fine", "../../evil.txt", "evil")));
        watch.drop(folder + "/bomb.zip", zeros(300L * 1024 * 1024));
        watch.drop(folder + "/corrupt.zip", Arrays.copyOf(good, good.length / 2));
        watch.drop(folder + "/locked.zip",
                ArchiveFixtures.markEncrypted(ArchiveFixtures.zip(entries("secret.csv", "a,b\n1,2\n"))));
        watch.drop(folder + "/good.zip", good);

        Map<String, String> expectedTypes = Map.of("slip.zip", "ZIP_SLIP", "bomb.zip", "ZIP_BOMB", "corrupt.zip",
                "CORRUPT_ARCHIVE", "locked.zip", "ENCRYPTED_ARCHIVE");
        for (var expected : expectedTypes.entrySet()) {
            String path = folder + "/" + expected.getKey();
            Map<String, Object> row = watch.awaitStatus(path, "failed");
            assertThat(row.get("error_type")).as(path).isEqualTo(expected.getValue());
            assertThat(watch.errorFile(path)).exists();
            assertThat(watch.file(path)).doesNotExist();
            Map<?, ?> report = json.readValue(watch.errorFile(path + ".error.json").toFile(), Map.class);
            assertThat(report.get("errorType")).isEqualTo(expected.getValue());
            assertThat((String) report.get("details")).isNotBlank();
        }
        watch.awaitStatus(folder + "/good.zip", "completed");
        assertThat(watch.keysUnder(folder)).containsExactly(folder + "/good/ok.txt");
        assertThat(store.pendingUploads(folder)).isZero();
    }

    private void drop(Map<String, String> expected, String path, byte[] bytes, String key) throws Exception {
        watch.drop(path, bytes);
        expected.put(path, key);
    }

    /**
     * A zip of one entry of zeros: a few hundred KB that would unpack to {@code size}
     * bytes.
     */
    private static byte[] zeros(long size) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.putArchiveEntry(new ZipArchiveEntry("zeros.bin"));
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < size; written += block.length) {
                zip.write(block);
            }
            zip.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

}
