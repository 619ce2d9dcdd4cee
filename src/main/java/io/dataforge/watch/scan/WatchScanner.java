package io.dataforge.watch.scan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dataforge.watch.WatchProperties;
import io.dataforge.watch.WatchRoutes;
import io.dataforge.watch.progress.FileState;
import io.dataforge.watch.progress.WatchState;
import io.dataforge.watch.progress.WatchStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls the watched folder (recursively; dot-files and the error folder excluded) and
 * queues each file once its write has finished: its size and mtime unchanged for the
 * quiet period, measured on our own clock so a copy that preserves an old mtime is not
 * taken early. Files are queued in the order they became ready. Only the instance holding
 * the watch lock scans.
 */
@Component("watchScanner")
public class WatchScanner {

    private static final Logger log = LoggerFactory.getLogger(WatchScanner.class);

    private final WatchProperties props;

    private final WatchLeadership leadership;

    private final WatchRecovery recovery;

    private final WatchState state;

    private final ProducerTemplate producer;

    private final CamelContext camel;

    private final Map<String, Observation> observed = new HashMap<>();

    private boolean folderMissing;

    WatchScanner(WatchProperties props, WatchLeadership leadership, WatchRecovery recovery, WatchState state,
            ProducerTemplate producer, CamelContext camel) {
        this.props = props;
        this.leadership = leadership;
        this.recovery = recovery;
        this.state = state;
        this.producer = producer;
        this.camel = camel;
        createFolder();
    }

    /**
     * The folder is created once at start; later it may vanish (an unmounted share) and
     * is waited for.
     */
    private void createFolder() {
        if (props.enabled()) {
            try {
                Files.createDirectories(props.dir());
            }
            catch (IOException e) {
                log.warn("Cannot create the watched folder {}: {}", props.dir(), e.getMessage());
            }
        }
    }

    public synchronized void scan() {
        if (!props.enabled() || !leadership.hold(recovery::run) || !folderAvailable()) {
            return;
        }
        long now = System.nanoTime();
        List<Ready> ready = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            Files.walkFileTree(props.dir(), new Visitor(now, ready, seen));
        }
        catch (IOException e) {
            log.warn("Watched folder {} could not be read completely, retrying at the next poll: {}", props.dir(),
                    e.getMessage());
        }
        observed.keySet().retainAll(seen);
        ready.sort(Comparator.comparingLong(Ready::since));
        for (Ready file : ready) {
            if (state.enqueue(file.path())) {
                log.info("Queued {} (write finished)", file.path());
                producer.sendBody(camel.getRoute(WatchRoutes.PROCESS).getEndpoint(), file.path());
            }
        }
    }

    private boolean folderAvailable() {
        boolean available = Files.isDirectory(props.dir()) && Files.isReadable(props.dir());
        if (!available && !folderMissing) {
            log.warn("Watched folder {} is missing or unreadable; checking again every {}", props.dir(),
                    props.pollInterval());
        }
        else if (available && folderMissing) {
            log.info("Watched folder {} is back", props.dir());
        }
        folderMissing = !available;
        return available;
    }

    private void consider(String path, long size, Instant mtime, long now, List<Ready> ready) {
        FileState known = state.known(path).orElse(null);
        // a failed file was moved out; one found at its path again was put back on
        // purpose and goes again
        if (known != null && known.sameFile(size, mtime) && known.status() == WatchStatus.COMPLETED) {
            return;
        }
        if (known != null && known.nextAttemptAt() != null && known.nextAttemptAt().isAfter(Instant.now())) {
            return;
        }
        Observation seen = observed.get(path);
        if (seen == null || seen.size() != size || !seen.mtime().equals(mtime)) {
            if (seen == null) {
                log.info("Detected {} ({} bytes)", path, size);
            }
            observed.put(path, new Observation(size, mtime, now));
        }
        else if (now - seen.since() >= props.quietPeriod().toNanos()) {
            ready.add(new Ready(path, seen.since()));
        }
    }

    /** The mtime as stored: PostgreSQL keeps microseconds. */
    public static Instant mtime(BasicFileAttributes attrs) {
        return attrs.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Observation(long size, Instant mtime, long since) {
    }

    private record Ready(String path, long since) {
    }

    private final class Visitor extends SimpleFileVisitor<Path> {

        private final long now;

        private final List<Ready> ready;

        private final Set<String> seen;

        Visitor(long now, List<Ready> ready, Set<String> seen) {
            this.now = now;
            this.ready = ready;
            this.seen = seen;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean root = dir.equals(props.dir());
            if (!root && (dir.equals(props.errorFolder()) || dir.getFileName().toString().startsWith("."))) {
                return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                String path = relative(file);
                seen.add(path);
                consider(path, attrs.size(), mtime(attrs), now, ready);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            log.warn("Cannot read {} in the watched folder: {}", file, e.getMessage());
            return FileVisitResult.CONTINUE;
        }

    }

    private String relative(Path file) {
        return props.dir().relativize(file).toString().replace('\\', '/');
    }

}
