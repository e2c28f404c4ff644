package com.tickitecking.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP pass-through to a test server that can fail the way networks do, without a reset the client would notice:
 * it can {@link #stall} (connections stay open, nothing gets through until it recovers, then everything held back
 * is delivered) or {@link #killOpenConnections() kill the connections open now} (they stay open but carry nothing
 * ever again, while new connections work).
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private volatile boolean stalled;
    private volatile byte[] stallMarker;
    private final AtomicInteger stallCountdown = new AtomicInteger();

    public TcpProxy(String targetHost, int targetPort) {
        this(0, targetHost, targetPort);
    }

    /** Listens on the given loopback port (0: any free one), e.g. to let a server "appear" where a client already looks. */
    public TcpProxy(int listenPort, String targetHost, int targetPort) {
        try {
            this.server = new ServerSocket(listenPort, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread.ofPlatform().daemon().name("tcp-proxy-" + targetPort).start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    public void stall(boolean on) {
        stalled = on;
    }

    /**
     * Stalls (as {@link #stall}) at the {@code nth} chunk from now that a client sends containing {@code marker},
     * holding that chunk back: a failure in the middle of an exchange, e.g. between a lock's acquisition and its
     * lease being set. {@code stall(false)} recovers as usual.
     */
    public void stallAtSend(String marker, int nth) {
        stallCountdown.set(nth);
        stallMarker = marker.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Every connection open now silently stops carrying data; the client only finds out by timing out. */
    public void killOpenConnections() {
        links.forEach(link -> link.dead = true);
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                Link link = new Link(client, upstream);
                links.add(link);
                Thread.ofPlatform().daemon().start(() -> pump(link, client, upstream, true));
                Thread.ofPlatform().daemon().start(() -> pump(link, upstream, client, false));
            } catch (IOException e) {
                Link.closeQuietly(client); // the server is down: the client sees its connection closed at once
            }
        }
    }

    private void pump(Link link, Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (fromClient) {
                    stallIfMarked(buffer, read);
                }
                while (stalled && !link.dead) {
                    Thread.sleep(10); // held back, as a stalled network would, and delivered once it recovers
                }
                if (!link.dead) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            link.close();
        }
    }

    private void stallIfMarked(byte[] buffer, int length) {
        byte[] marker = stallMarker;
        if (marker != null && contains(buffer, length, marker) && stallCountdown.decrementAndGet() == 0) {
            stallMarker = null;
            stalled = true;
        }
    }

    private static boolean contains(byte[] buffer, int length, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (buffer[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        links.forEach(Link::close);
    }

    private static final class Link {
        private final Socket client;
        private final Socket upstream;
        private volatile boolean dead;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void close() {
            closeQuietly(client);
            closeQuietly(upstream);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
