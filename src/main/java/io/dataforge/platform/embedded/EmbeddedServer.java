package io.dataforge.platform.embedded;

/**
 * One embedded server the application can start, stop and start again on the same port
 * and data.
 */
public interface EmbeddedServer {

    void start();

    void stop();

    boolean isRunning();

    int port();

}
