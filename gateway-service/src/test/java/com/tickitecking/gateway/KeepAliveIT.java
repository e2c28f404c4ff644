package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A keep-alive connection stays usable after a request that reached the gateway before the previous answer had
 * finished and was then refused at once. A client that sends its next request as soon as it has read a whole answer
 * (the JDK's HttpClient does, by Content-Length) can be a moment ahead of the gateway, which still finishes the
 * proxied exchange behind that answer: the request is queued, and answered when the exchange ends. Reactor Netty
 * 1.3.6 then stopped reading the connection if that queued request was answered without waiting for anything (a 401
 * from the security chain): the next request on it was never read, never answered and never logged; the client
 * waited for its own time-out (OpenApiContractIT's 30 s HttpTimeoutException on a DELETE after a 401).
 *
 * <p>Here the two requests go in one write (HTTP/1.1 pipelining), so the second is certain to be queued behind the
 * first, proxied one, rather than by the chance of a few microseconds; then a third request on the same connection
 * must be answered.
 */
@IntegrationTest
class KeepAliveIT extends InFrontOfEchoBackend {
    /** Far more than the gateway needs to answer a proxied read here; a connection that is not read never answers. */
    private static final int ANSWER_WITHIN_MILLIS = 5_000;

    @Test
    void aConnectionIsStillReadAfterAQueuedRequestWasRefusedAtOnce() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(ANSWER_WITHIN_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 1; round <= 3; round++) {
                // a proxied read, and right behind it a request the security chain refuses without waiting for anything
                out.write((get("/api/v1/concerts") + get("/api/v1/users/me")).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(statusOf(in, round + ": the proxied read")).isEqualTo(200);
                assertThat(statusOf(in, round + ": the queued request without a token")).isEqualTo(401);

                out.write(get("/api/v1/concerts").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(statusOf(in, round + ": the next request on the connection")).isEqualTo(200);
            }
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n";
    }

    /** Reads one whole HTTP/1.1 response (a Content-Length body, as the gateway sends these) and returns its status. */
    private static int statusOf(InputStream in, String what) throws IOException {
        String head;
        try {
            head = readHead(in);
        } catch (SocketTimeoutException e) {
            return fail("%s: no answer in %d ms, the gateway no longer reads the connection", what, ANSWER_WITHIN_MILLIS);
        }
        long length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
            assertThat(line.toLowerCase(Locale.ROOT)).as(what + ": a chunked body, which this reader does not parse")
                    .doesNotStartWith("transfer-encoding:");
        }
        in.readNBytes((int) length);
        return Integer.parseInt(head.split(" ", 3)[1]);
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the gateway closed the connection; read so far: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
