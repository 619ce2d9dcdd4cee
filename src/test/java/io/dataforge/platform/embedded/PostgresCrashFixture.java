package io.dataforge.platform.embedded;

import java.nio.file.Path;

/**
 * Run in a child JVM: starts embedded PostgreSQL, says so, and waits to be killed with
 * -9.
 */
public final class PostgresCrashFixture {

    private PostgresCrashFixture() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(Path.of(args[0]));
        server.start();
        System.out.println("STARTED " + server.jdbcUrl());
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await(); // until the test kills this
                                                            // JVM
    }

}
