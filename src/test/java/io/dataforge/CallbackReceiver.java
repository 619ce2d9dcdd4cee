package io.dataforge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback answering 204 at {@link #url()}, remembering the
 * {@code traceparent} header of each callback.
 */
public final class CallbackReceiver implements AutoCloseable {

    private final HttpServer server;

    private final List<String> traceparents = new CopyOnWriteArrayList<>();

    public CallbackReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    /** The callback URL, on localhost (the ITs' allowed callback host). */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    /** The traceparent header of each callback received so far, in order. */
    public List<String> traceparents() {
        return traceparents;
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
