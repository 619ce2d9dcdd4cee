package io.dataforge.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Puts a TCP proxy where the embedded S3 listened: it drops the first {@code failures}
 * connections (the store "fails"), then forwards to a second S3Proxy serving the same
 * folder. Closing it restores the original server on its port. For tests of retries
 * against a store that fails and then recovers.
 */
public final class FaultyStorage implements AutoCloseable {

    private final EmbeddedServer original;

    private final EmbeddedS3Server backend;

    private final ServerSocket listener;

    private final AtomicInteger dropped = new AtomicInteger();

    private final Thread acceptor;

    public FaultyStorage(Path dataDir, int failures) throws IOException {
        this.original = EmbeddedServers.of(dataDir).orElseThrow().server("s3").orElseThrow();
        original.stop();
        this.backend = new EmbeddedS3Server(dataDir, "dataforge", "dataforge-secret");
        backend.start();
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), original.port()));
        this.acceptor = new Thread(() -> accept(failures), "faulty-storage");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Connections dropped so far. */
    public int dropped() {
        return dropped.get();
    }

    private void accept(int failures) {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (dropped.get() < failures) {
                    dropped.incrementAndGet();
                    client.close();
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), backend.port());
                pump(client, server);
                pump(server, client);
            }
            catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            }
            catch (IOException e) {
                // the other side closed: so does this one
            }
            finally {
                try {
                    from.close();
                    to.close();
                }
                catch (IOException ignored) {
                    // nothing left to release
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws Exception {
        listener.close();
        acceptor.join(5000);
        backend.stop();
        original.start();
    }

}
