package io.dataforge;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.dataforge.PackagedJar;

/**
 * A TCP relay from a port of its own to a target port on the loopback address, standing
 * in for the network between an application and its broker. Switched off, it closes its
 * listener and every relayed connection, so the application sees the server vanish and
 * new connections refused; switched on, it listens on the same port again.
 */
public final class TcpProxy implements AutoCloseable {

    private final int targetPort;

    private final int port;

    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private ServerSocket listener;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.port = PackagedJar.freePort();
        on();
    }

    public int port() {
        return port;
    }

    public synchronized void on() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true); // the closed connections' TIME_WAIT must not keep
                                      // the port
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = server;
        daemon("tcp-proxy-accept-" + port, () -> accept(server));
    }

    public synchronized void off() {
        closeQuietly(listener);
        listener = null;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    @Override
    public void close() {
        off();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            }
            catch (IOException e) {
                return; // switched off
            }
            try {
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                if (!register(server, client, target)) {
                    continue;
                }
                daemon("tcp-proxy-up-" + client.getPort(), () -> relay(client, target));
                daemon("tcp-proxy-down-" + client.getPort(), () -> relay(target, client));
            }
            catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /**
     * False (both closed) when the proxy was switched off while the connection was being
     * made.
     */
    private synchronized boolean register(ServerSocket server, Socket client, Socket target) {
        if (listener != server) {
            closeQuietly(client);
            closeQuietly(target);
            return false;
        }
        sockets.add(client);
        sockets.add(target);
        return true;
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
        }
        catch (IOException e) {
            // either side went away (or the proxy was switched off): the connection ends
            // on both sides
        }
        finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        }
        catch (IOException e) {
            // already closed
        }
    }

}
