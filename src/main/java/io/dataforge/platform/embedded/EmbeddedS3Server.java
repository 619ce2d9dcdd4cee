package io.dataforge.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3Proxy speaking the S3 protocol over a local folder: objects are plain files under
 * {@code s3/}, never encrypted (server-side encryption headers are accepted and ignored).
 */
final class EmbeddedS3Server implements EmbeddedServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedS3Server.class);

    private final Path baseDir;

    private final int port;

    private final String accessKey;

    private final String secretKey;

    private BlobStoreContext blobStoreContext;

    private S3Proxy proxy;

    EmbeddedS3Server(Path root, String accessKey, String secretKey) {
        this.baseDir = root.resolve("s3");
        this.port = FreePort.find();
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public synchronized void start() {
        if (proxy != null) {
            return;
        }
        try {
            Files.createDirectories(baseDir);
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", baseDir.toAbsolutePath().toString());
            blobStoreContext = ContextBuilder.newBuilder("filesystem")
                .overrides(properties)
                .buildView(BlobStoreContext.class);
            proxy = S3Proxy.builder()
                .blobStore(blobStoreContext.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .endpoint(URI.create(endpoint()))
                // it answers 501 to headers it does not implement, server-side
                // encryption among them: a deployment with
                // dataforge.s3.server-side-encryption set still runs on it (unencrypted)
                .ignoreUnknownHeaders(true)
                .build();
            proxy.start();
            awaitStarted();
            log.info("Embedded S3 on {}, objects in {}", endpoint(), baseDir.toAbsolutePath());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (Exception e) {
            stop();
            throw new IllegalStateException("Embedded S3 did not start on port " + port, e);
        }
    }

    private void awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy state " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    @Override
    public synchronized void stop() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        }
        catch (Exception e) {
            log.warn("Embedded S3 did not stop cleanly", e);
        }
        finally {
            proxy = null;
            if (blobStoreContext != null) {
                blobStoreContext.close();
                blobStoreContext = null;
            }
        }
    }

    /**
     * Serves every request from {@code wrap} of the folder's store until
     * {@link #restore()}, on the same listener: clients keep their pooled connections
     * (tests that make the store fail).
     */
    synchronized void interpose(UnaryOperator<BlobStore> wrap) {
        serveFrom(wrap.apply(blobStoreContext.getBlobStore()));
    }

    synchronized void restore() {
        serveFrom(blobStoreContext.getBlobStore());
    }

    private void serveFrom(BlobStore store) {
        Map.Entry<String, BlobStore> credentialAndStore = Map.entry(secretKey, store);
        proxy
            .setBlobStoreLocator((identity, container, blob) -> accessKey.equals(identity) ? credentialAndStore : null);
    }

    @Override
    public synchronized boolean isRunning() {
        return proxy != null;
    }

    @Override
    public int port() {
        return port;
    }

}
