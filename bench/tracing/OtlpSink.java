import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A local OTLP/HTTP receiver for bench/tracing-overhead.sh: answers every export with 200 and counts requests and
 * bytes, printed when it stops. java bench/tracing/OtlpSink.java PORT
 */
public class OtlpSink {

    public static void main(String[] args) throws Exception {
        AtomicLong requests = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                bytes.addAndGet(body.transferTo(OutputSink.INSTANCE));
                requests.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.printf(
                "OTLP sink: %d exports, %.1f MB of spans%n", requests.get(), bytes.get() / 1e6)));
        server.start();
    }

    /** Where the bodies go: nowhere. */
    static final class OutputSink extends java.io.OutputStream {

        static final OutputSink INSTANCE = new OutputSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }

    }

}
