package io.dataforge;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 relay on loopback that forwards every byte unchanged both ways (signed
 * headers must arrive as signed) and records the head of each request it passes: method,
 * target and headers. It follows the request stream's framing (Content-Length or chunked
 * bodies, keep-alive), so every request on a pooled connection is seen; responses are
 * relayed without a look.
 */
public final class RecordingHttpProxy implements AutoCloseable {

    /** One request as it went by; header names in lower case. */
    public record Request(String method, String target, Map<String, String> headers) {

        /** The target's path, percent-decoded, without the query. */
        public String path() {
            int query = target.indexOf('?');
            return URLDecoder.decode(query < 0 ? target : target.substring(0, query), StandardCharsets.UTF_8);
        }

        public String query() {
            int query = target.indexOf('?');
            return query < 0 ? "" : target.substring(query + 1);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

    }

    private static final int KEPT = 5_000;

    private static final int MAX_HEAD = 64 * 1024;

    private final int targetPort;

    private final ServerSocket listener;

    private final Deque<Request> requests = new ArrayDeque<>();

    public RecordingHttpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemon("recording-proxy-accept-" + port(), this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The requests relayed so far (the last {@value #KEPT}), oldest first. */
    public synchronized Collection<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        closeQuietly(listener);
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            }
            catch (IOException e) {
                return; // closed
            }
            try {
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                // a head and its body leave in separate writes: Nagle would hold the
                // second until the first is acknowledged
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                daemon("recording-proxy-up-" + client.getPort(), () -> relayRequests(client, target));
                daemon("recording-proxy-down-" + client.getPort(), () -> relay(target, client));
            }
            catch (IOException e) {
                closeQuietly(client); // the store refused: so does the proxy
            }
        }
    }

    private void relayRequests(Socket from, Socket to) {
        try (InputStream in = new BufferedInputStream(from.getInputStream(), 64 * 1024);
                OutputStream out = new BufferedOutputStream(to.getOutputStream(), 64 * 1024)) {
            for (byte[] head; (head = readHead(in)) != null;) {
                out.write(head);
                out.flush();
                Request request = parse(head);
                if (request == null) {
                    relay(in, out); // not HTTP/1.x (an h2c preface): relayed as it is
                    break;
                }
                record(request);
                if ("chunked".equalsIgnoreCase(request.header("transfer-encoding"))) {
                    copyChunked(in, out);
                }
                else if (request.header("content-length") != null) {
                    copy(in, out, Long.parseLong(request.header("content-length").strip()));
                }
            }
        }
        catch (IOException | RuntimeException e) {
            // either side went away
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private synchronized void record(Request request) {
        requests.add(request);
        while (requests.size() > KEPT) {
            requests.pollFirst();
        }
    }

    /** Bytes up to and including the blank line; null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        int last4 = 0;
        for (int b; (b = in.read()) >= 0;) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                return head.toByteArray();
            }
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head over " + MAX_HEAD + " bytes");
            }
        }
        return null;
    }

    private static Request parse(byte[] head) {
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip(), (a, b) -> a + "," + b);
            }
        }
        return new Request(requestLine[0], requestLine[1], Map.copyOf(headers));
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (length > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length));
            if (n < 0) {
                throw new IOException("body ended early");
            }
            out.write(buffer, 0, n);
            out.flush();
            length -= n;
        }
    }

    /** Chunks as they are, through the last one and the trailer. */
    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = copyLine(in, out);
            long size = Long.parseLong(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                while (!copyLine(in, out).isEmpty()) {
                    // trailer fields
                }
                out.flush();
                return;
            }
            copy(in, out, size + 2); // the data and its CRLF
        }
    }

    /** One CRLF-ended line, relayed; returned without its CRLF. */
    private static String copyLine(InputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0;) {
            out.write(b);
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new IOException("chunked body ended early");
    }

    private static void relay(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            relay(in, out);
        }
        catch (IOException e) {
            // either side went away
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void relay(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0;) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        }
        catch (IOException e) {
            // already closed
        }
    }

}
