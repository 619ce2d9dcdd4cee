package io.dataforge.watch.scan;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.watch.WatchFixture;
import io.dataforge.watch.WatchTestBase;
import io.dataforge.watch.archive.ArchiveFixtures;
import io.dataforge.watch.progress.WatchProgressRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class WatchRecoveryIT extends WatchTestBase {

    @Autowired
    WatchLeadership leadership;

    @Autowired
    CamelContext camel;

    @Autowired
    WatchProgressRepository progress;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void lostProgressTableIsRebuiltFromS3AndNothingGoesUpAgain() throws Exception {
        String folder = WatchFixture.folder("rebuild");
        watch.drop(folder + "/one.txt", "one".getBytes(UTF_8));
        watch.drop(folder + "/two.zip", ArchiveFixtures.zip(ArchiveFixtures.entries("x/a.txt", "a", "b.txt", "b")));
        watch.awaitStatus(folder + "/one.txt", "completed");
        Map<String, Object> archive = watch.awaitStatus(folder + "/two.zip", "completed");
        var archiveKeys = keys(folder + "/two.zip");
        Instant oneStored = store.head(folder + "/one.txt").orElseThrow().lastModified();
        Instant aStored = store.head(folder + "/two/x/a.txt").orElseThrow().lastModified();

        jdbc.update("DELETE FROM watch_progress");
        leadership.destroy(); // as if the instance restarted: the next scan takes the
                              // lock and recovers

        Map<String, Object> rebuilt = watch.awaitStatus(folder + "/two.zip", "completed");
        assertThat(watch.status(folder + "/one.txt")).isEqualTo("completed");
        assertThat(rebuilt.get("checksum")).isEqualTo(archive.get("checksum"));
        assertThat(keys(folder + "/two.zip")).isEqualTo(archiveKeys).hasSize(2);
        // twenty scans (and several quiet periods) later nothing was uploaded again
        assertThat(scans(20).matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(store.head(folder + "/one.txt").orElseThrow().lastModified()).isEqualTo(oneStored);
        assertThat(store.head(folder + "/two/x/a.txt").orElseThrow().lastModified()).isEqualTo(aStored);
        assertThat(watch.status(folder + "/one.txt")).isEqualTo("completed");
    }

    @Test
    void watchedFolderThatDisappearsIsPickedUpAgainWhenItIsBack() throws Exception {
        String folder = WatchFixture.folder("vanish");
        java.nio.file.Path renamed = props.dir().resolveSibling("watch-away");
        java.nio.file.Files.move(props.dir(), renamed);
        try {
            assertThat(scans(3).matches(30, TimeUnit.SECONDS)).as("scans while the folder is away").isTrue();
        }
        finally {
            java.nio.file.Files.move(renamed, props.dir());
        }
        watch.drop(folder + "/back.txt", "back".getBytes(UTF_8));

        watch.awaitStatus(folder + "/back.txt", "completed");
        assertThat(watch.object(folder + "/back.txt")).isEqualTo("back".getBytes(UTF_8));
    }

    @Test
    void secondInstanceNeitherTakesTheLockNorClaimsAFileAlreadyClaimedAndTakesOverWhenTheFirstStops() {
        String lock = "dataforge.watch:it-" + java.util.UUID.randomUUID();
        WatchLeadership first = new WatchLeadership(dataSource, lock);
        WatchLeadership second = new WatchLeadership(dataSource, lock);
        try {
            assertThat(first.hold(() -> {
            })).isTrue();
            assertThat(second.hold(() -> {
            })).as("a second instance on the same folder and bucket").isFalse();
            first.destroy();
            assertThat(second.hold(() -> {
            })).as("the second takes over once the first stops").isTrue();
        }
        finally {
            first.destroy();
            second.destroy();
        }

        String path = WatchFixture.folder("claim") + "/file.txt";
        assertThat(progress.claim(path, 1, Instant.EPOCH, "instance-a")).isTrue();
        assertThat(progress.claim(path, 1, Instant.EPOCH, "instance-b")).isFalse();
        assertThat(watch.row(path).get("claimed_by")).isEqualTo("instance-a");
        progress.delete(path);
    }

    /** Completes once the scan route has run {@code count} more times. */
    private NotifyBuilder scans(int count) {
        return new NotifyBuilder(camel).fromRoute("watch.scan").whenDone(count).create();
    }

    private java.util.List<String> keys(String path) {
        return jdbc.queryForList("SELECT unnest(s3_keys) FROM watch_progress WHERE path = ?", String.class, path);
    }

}
