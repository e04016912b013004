package org.a4ptracker.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between the service and PostgreSQL that can break the way a database breaks:
 *
 * <ul>
 *   <li>{@link #pass()}: forwards both ways;
 *   <li>{@link #cut()}: the port refuses new connections and every open one is reset, like a
 *       stopped or restarting server;
 *   <li>{@link #freeze()}: new connections are accepted and never answered, open ones go silent
 *       (what they carry is held back), like a server whose process is frozen.
 * </ul>
 *
 * Plain blocking sockets, two daemon threads per connection: enough for a test's handful.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Mode {
        PASS,
        CUT,
        FREEZE
    }

    private final InetSocketAddress target;
    private final Object lock = new Object();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Socket> heldNew = new ArrayList<>();
    private Mode mode = Mode.PASS;
    private ServerSocket server;
    private int port;
    private volatile boolean closed;

    public FaultProxy(String targetHost, int targetPort) throws IOException {
        this(0, targetHost, targetPort);
    }

    public FaultProxy(int listenPort, String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        listen(listenPort);
    }

    /**
     * For trying the packaged service by hand: {@code java
     * src/test/java/org/a4ptracker/support/FaultProxy.java 8290 127.0.0.1 5432} forwards port 8290
     * to PostgreSQL; {@code kill -STOP} the process to hang the "database", {@code kill -CONT} to
     * bring it back, kill it to refuse connections.
     */
    public static void main(String[] args) throws Exception {
        try (FaultProxy proxy =
                new FaultProxy(Integer.parseInt(args[0]), args[1], Integer.parseInt(args[2]))) {
            System.out.println(
                    "Forwarding 127.0.0.1:" + proxy.port() + " to " + args[1] + ":" + args[2]);
            Thread.currentThread().join();
        }
    }

    /** The port the service should connect to. */
    public int port() {
        return port;
    }

    /** The JDBC URL {@code url} with its host and port replaced by this proxy's. */
    public String proxiedUrl(String url) {
        return url.replaceFirst("^jdbc:postgresql://[^/]+", "jdbc:postgresql://127.0.0.1:" + port);
    }

    public Mode mode() {
        synchronized (lock) {
            return mode;
        }
    }

    public void pass() throws IOException {
        List<Socket> waiting;
        synchronized (lock) {
            if (mode == Mode.CUT) {
                listen(port);
            }
            mode = Mode.PASS;
            waiting = new ArrayList<>(heldNew);
            heldNew.clear();
            lock.notifyAll();
        }
        // Connections accepted while frozen are forwarded now; a client that gave up has closed
        // them.
        for (Socket client : waiting) {
            forward(client);
        }
    }

    public void cut() throws IOException {
        synchronized (lock) {
            mode = Mode.CUT;
            server.close();
            lock.notifyAll();
        }
        for (Socket socket : open) {
            reset(socket);
        }
        synchronized (lock) {
            heldNew.forEach(FaultProxy::reset);
            heldNew.clear();
        }
    }

    public void freeze() {
        synchronized (lock) {
            mode = Mode.FREEZE;
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            mode = Mode.CUT;
            lock.notifyAll();
        }
        open.forEach(FaultProxy::reset);
    }

    private void listen(int wanted) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted), 50);
        server = socket;
        port = socket.getLocalPort();
        daemon("fault-proxy-accept-" + port, () -> accept(socket));
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return; // closed by cut() or close()
            }
            synchronized (lock) {
                if (mode == Mode.FREEZE) {
                    heldNew.add(client); // accepted, never read, never answered
                    continue;
                }
                if (mode == Mode.CUT) {
                    reset(client);
                    continue;
                }
            }
            forward(client);
        }
    }

    private void forward(Socket client) {
        if (client.isClosed()) {
            return;
        }
        Socket upstream = new Socket();
        try {
            upstream.connect(target, 2_000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            reset(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        daemon("fault-proxy-up", () -> pump(client, upstream));
        daemon("fault-proxy-down", () -> pump(upstream, client));
    }

    /**
     * Copies {@code from} to {@code to}; while frozen, what was read is held until the proxy passes
     * again.
     */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!awaitNotFrozen()) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // reset, or the other side went away
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Blocks while frozen; answers false when the connection must end (cut or closed). */
    private boolean awaitNotFrozen() {
        synchronized (lock) {
            while (mode == Mode.FREEZE && !closed) {
                try {
                    lock.wait(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return mode == Mode.PASS && !closed;
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close with RST, as a crashed peer would
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
