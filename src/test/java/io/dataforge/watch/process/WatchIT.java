package io.dataforge.watch.process;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import java.net.http.HttpResponse;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.platform.embedded.FailingWrites;
import io.dataforge.platform.storage.StoredObject;
import io.dataforge.watch.WatchFixture;
import io.dataforge.watch.WatchTestBase;
import io.dataforge.watch.parquet.ParquetReadBack;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Files dropped into the watched folder of the running application, read back from S3 and
 * watch_progress.
 */
@IntegrationTest
@SuppressWarnings("unchecked")
class WatchIT extends WatchTestBase {

    @LocalServerPort
    int port;

    @Test
    void plainFileGoesUpUnchangedWithItsSourceInTheMetadata() throws Exception {
        String path = WatchFixture.folder("plain") + "/docs/report.pdf";
        byte[] pdf = "%PDF-1.4\n% a tiny pdf body\n%%EOF\n".getBytes(UTF_8);
        watch.drop(path, pdf);

        Map<String, Object> row = watch.awaitStatus(path, "completed");

        assertThat(watch.object(path)).isEqualTo(pdf);
        StoredObject head = store.head(path).orElseThrow();
        assertThat(head.contentType()).isEqualTo("application/pdf");
        assertThat(head.metadata()).containsEntry("source-path", path)
            .containsEntry("source-size", Long.toString(pdf.length))
            .containsEntry("source-sha256", Checksums.sha256(watch.file(path)))
            .containsKey("source-mtime");
        assertThat(row.get("checksum")).isEqualTo(Checksums.sha256(watch.file(path)));
        assertThat(store.head(".dataforge/watch/" + path + ".json")).as("completion marker").isPresent();
    }

    @Test
    void adminListsWatchedFilesByStatusAndPathPrefix() throws Exception {
        String folder = WatchFixture.folder("admin");
        watch.drop(folder + "/a.txt", "a".getBytes(UTF_8));
        watch.drop(folder + "/b.csv", "x,y\n1\n".getBytes(UTF_8));
        watch.awaitStatus(folder + "/a.txt", "completed");
        watch.awaitStatus(folder + "/b.csv", "failed");
        TestHttp http = new TestHttp(port);

        HttpResponse<String> failed = http.send(http.asAdmin("/admin/watch/files?status=failed&path=" + folder));
        HttpResponse<String> all = http.send(http.asAdmin("/admin/watch/files?path=" + folder + "&sort=path,asc"));
        HttpResponse<String> bad = http.send(http.asAdmin("/admin/watch/files?status=lost"));
        HttpResponse<String> anonymous = http.get("/admin/watch/files");

        assertThat(failed.statusCode()).isEqualTo(200);
        List<Map<String, Object>> content = (List<Map<String, Object>>) TestHttp.json(failed).get("content");
        assertThat(content).singleElement()
            .satisfies(file -> assertThat(file).containsEntry("path", folder + "/b.csv")
                .containsEntry("errorType", "INVALID_DATA")
                .containsEntry("status", "failed"));
        List<Map<String, Object>> both = (List<Map<String, Object>>) TestHttp.json(all).get("content");
        assertThat(both).extracting(file -> file.get("path")).containsExactly(folder + "/a.txt", folder + "/b.csv");
        assertThat(both.get(0).get("s3Keys")).isEqualTo(List.of(folder + "/a.txt"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void csvBecomesTypedParquetAndTheCsvItselfIsNotUploaded() throws Exception {
        String folder = WatchFixture.folder("csv");
        String csv = "id,amount,active,day,at,name,zip\n"
                + "1,12.50,true,2024-01-31,2024-01-31T10:15:30,\"Smith, \"\"Jo\"\"\",00501\n"
                + "2,-0.25,false,2024-02-29,2024-02-29 23:59:59,\"two\nlines\",10001\n" + "3,,true,,,plain,\n";
        watch.drop(folder + "/sales.csv", csv.getBytes(UTF_8));

        watch.awaitStatus(folder + "/sales.csv", "completed");

        assertThat(watch.keysUnder(folder)).containsExactly(folder + "/sales.parquet");
        assertThat(store.head(folder + "/sales.parquet").orElseThrow().contentType())
            .isEqualTo(FileDelivery.PARQUET_TYPE);
        List<Map<String, Object>> rows = ParquetReadBack.readAll(watch.object(folder + "/sales.parquet"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("id", 1L)
            .containsEntry("active", true)
            .containsEntry("day", LocalDate.of(2024, 1, 31))
            .containsEntry("at", LocalDateTime.of(2024, 1, 31, 10, 15, 30))
            .containsEntry("name", "Smith, \"Jo\"")
            .containsEntry("zip", "00501");
        assertThat((BigDecimal) rows.get(0).get("amount")).isEqualByComparingTo("12.50");
        assertThat((BigDecimal) rows.get(1).get("amount")).isEqualByComparingTo("-0.25");
        assertThat(rows.get(1)).containsEntry("name", "two\nlines");
        assertThat(rows.get(2)).containsEntry("amount", null).containsEntry("day", null).containsEntry("zip", null);
    }

    @Test
    void tsvJsonJsonlAndXmlBecomeParquet() throws Exception {
        String folder = WatchFixture.folder("formats");
        watch.drop(folder + "/a.tsv", "k\tv\nx\t1\ny\t2\n".getBytes(UTF_8));
        watch.drop(folder + "/b.json", "[{\"k\":\"x\",\"v\":1},{\"k\":\"y\",\"v\":2}]".getBytes(UTF_8));
        watch.drop(folder + "/c.jsonl", "{\"k\":\"x\",\"v\":1}\n{\"k\":\"y\",\"v\":2}\n".getBytes(UTF_8));
        watch.drop(folder + "/d.xml",
                ("<rows><row><k>x</k><v>1</v></row><row><k>y</k><v>2</v></row></rows>").getBytes(UTF_8));

        for (String name : List.of("a.tsv", "b.json", "c.jsonl", "d.xml")) {
            watch.awaitStatus(folder + "/" + name, "completed");
            String parquet = folder + "/" + name.substring(0, 1) + ".parquet";
            assertThat(ParquetReadBack.readAll(watch.object(parquet))).as(name)
                .containsExactly(Map.of("k", "x", "v", 1L), Map.of("k", "y", "v", 2L));
        }
    }

    @Test
    void writesTheStoreRefusesAreTriedAgainWithPausesThatDoubleAndTheFileGoesUpOnceTheyWork() throws Exception {
        String path = WatchFixture.folder("refused") + "/report.pdf";
        byte[] pdf = "%PDF-1.4\n% refused at first\n%%EOF\n".getBytes(UTF_8);
        List<Long> pauses;
        try (FailingWrites storage = new FailingWrites(Path.of(IntegrationTest.DATA_DIR))) {
            watch.drop(path, pdf);
            await().atMost(Duration.ofSeconds(30)).until(() -> storage.writes(path).size() >= 4);
            pauses = storage.pausesMillis(path);
        }
        Map<String, Object> row = watch.awaitStatus(path, "completed");

        assertThat(pauses.subList(0, 2)).as("one call's attempts (dataforge.s3.retry-interval 100ms, doubling)")
            .satisfiesExactly(first -> assertThat(first).isBetween(100L, 189L),
                    second -> assertThat(second).isBetween(200L, 289L));
        assertThat(pauses.get(2)).as("the file tried again after the watch's own backoff (200ms)")
            .isGreaterThanOrEqualTo(200L);
        assertThat(watch.object(path)).isEqualTo(pdf);
        assertThat(row.get("checksum")).isEqualTo(Checksums.sha256(watch.file(path)));
    }

    @Test
    void fileStillBeingWrittenIsNotTakenEarly() throws Exception {
        String path = WatchFixture.folder("slow") + "/growing.bin";
        Path file = watch.file(path);
        Files.createDirectories(file.getParent());
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            // a slow writer: a chunk every 200 ms, each pause shorter than the 600 ms
            // quiet period
            writer.scheduleAtFixedRate(() -> append(file, written), 0, 200, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                assertThat(watch.status(path)).as("taken while still written").isNull();
                return written.get() == 15;
            });
        }
        finally {
            writer.shutdownNow();
        }

        watch.awaitStatus(path, "completed");

        assertThat(new String(watch.object(path), UTF_8)).startsWith("chunk 0\n").endsWith("chunk 14\n");
    }

    private static void append(Path file, AtomicInteger written) {
        if (written.get() < 15) {
            try {
                Files.writeString(file, "chunk " + written.get() + "\n", UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.incrementAndGet();
        }
    }

    @Test
    void modifiedFileIsUploadedAgain() throws Exception {
        String path = WatchFixture.folder("modified") + "/note.txt";
        watch.drop(path, "first version".getBytes(UTF_8));
        watch.awaitStatus(path, "completed");

        Files.writeString(watch.file(path), "second, longer version");
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(new String(watch.object(path), UTF_8)).isEqualTo("second, longer version"));

        watch.awaitStatus(path, "completed");
        assertThat(watch.row(path).get("size")).isEqualTo((long) "second, longer version".length());
    }

    @Test
    void unreadableDataFileGoesToTheErrorFolderWithTheRowNumber() throws Exception {
        String folder = WatchFixture.folder("baddata");
        watch.drop(folder + "/broken.csv", "a,b\n1,2\n3,4,5\n".getBytes(UTF_8));
        watch.drop(folder + "/fine.txt", "fine".getBytes(UTF_8));

        Map<String, Object> row = watch.awaitStatus(folder + "/broken.csv", "failed");
        watch.awaitStatus(folder + "/fine.txt", "completed");

        assertThat(row.get("error_type")).isEqualTo("INVALID_DATA");
        assertThat(watch.file(folder + "/broken.csv")).doesNotExist();
        assertThat(watch.errorFile(folder + "/broken.csv")).hasContent("a,b\n1,2\n3,4,5\n");
        Map<?, ?> report = json.readValue(watch.errorFile(folder + "/broken.csv.error.json").toFile(), Map.class);
        assertThat(report.get("path")).isEqualTo(folder + "/broken.csv");
        assertThat(report.get("errorType")).isEqualTo("INVALID_DATA");
        assertThat(report.get("rowNumber")).isEqualTo(2);
        assertThat(report.get("time")).isNotNull();
        assertThat(watch.keysUnder(folder)).containsExactly(folder + "/fine.txt");
    }

    @Test
    void fileBeyondAParserLimitGoesToTheErrorFolderAtItsFirstAttemptNamingTheLimit() throws Exception {
        String folder = WatchFixture.folder("limits");
        // 100,000 levels of nesting in one value: Jackson stops at its depth limit (1000)
        watch.drop(folder + "/deep.json", out -> {
            out.write("[{\"a\": ".getBytes(UTF_8));
            out.write("[".repeat(100_000).getBytes(UTF_8));
            out.write("]".repeat(100_000).getBytes(UTF_8));
            out.write("}]".getBytes(UTF_8));
        });
        // one quoted field longer than the 16 M characters a CSV record may hold
        watch.drop(folder + "/wide.csv", out -> {
            out.write("id,note\n1,\"".getBytes(UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(UTF_8);
            for (int i = 0; i <= 16; i++) {
                out.write(chunk);
            }
            out.write("\"\n".getBytes(UTF_8));
        });

        Map<String, Object> deep = watch.awaitStatus(folder + "/deep.json", "failed");
        Map<String, Object> wide = watch.awaitStatus(folder + "/wide.csv", "failed");

        assertThat(deep.get("attempts")).isEqualTo(1);
        assertThat(deep.get("error_type")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(wide.get("attempts")).isEqualTo(1);
        assertThat(wide.get("error_type")).isEqualTo("INVALID_DATA");
        Map<?, ?> deepReport = json.readValue(watch.errorFile(folder + "/deep.json.error.json").toFile(), Map.class);
        assertThat((String) deepReport.get("details")).contains("nesting depth").contains("1000");
        assertThat(deepReport.get("rowNumber")).isEqualTo(1);
        Map<?, ?> wideReport = json.readValue(watch.errorFile(folder + "/wide.csv.error.json").toFile(), Map.class);
        assertThat((String) wideReport.get("details")).contains("row 1").contains("16777216");
        assertThat(watch.errorFile(folder + "/deep.json")).exists();
        assertThat(watch.errorFile(folder + "/wide.csv")).exists();
        assertThat(watch.file(folder + "/deep.json")).doesNotExist();
        assertThat(watch.keysUnder(folder)).isEmpty();
    }

}
