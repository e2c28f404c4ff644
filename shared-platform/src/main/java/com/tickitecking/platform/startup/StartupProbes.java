package com.tickitecking.platform.startup;

import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The three ways a starting service asks a server whether it answers. Each probe opens its own short-lived
 * connection with a generous time-out, so it says nothing about (and changes nothing in) the short time-outs the
 * service's own clients use once it runs.
 */
final class StartupProbes {

    private StartupProbes() {
    }

    /** Logs in and asks the connection whether it is valid: the server is up and the credentials work. */
    static StartupDependency.Probe database(String url, String username, String password, Duration timeout) {
        return () -> {
            Properties properties = new Properties();
            if (username != null) {
                properties.setProperty("user", username);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            // both MariaDB's and MySQL's drivers take these in milliseconds
            properties.setProperty("connectTimeout", String.valueOf(timeout.toMillis()));
            properties.setProperty("socketTimeout", String.valueOf(timeout.toMillis()));
            try (var connection = DriverManager.getConnection(url, properties)) {
                if (!connection.isValid((int) Math.max(1, timeout.toSeconds()))) {
                    throw new IOException("the connection is not valid");
                }
            }
        };
    }

    /**
     * Sends PING (after AUTH when a password is set) and expects PONG. A Redis that is still loading its data
     * answers {@code -LOADING}, which counts as not answering yet. Hand-written in a few lines because the
     * services' Redis clients (Lettuce, Redisson) would have to be built with the start-up time-outs first.
     */
    static StartupDependency.Probe redis(String host, int port, boolean ssl, String username, String password, Duration timeout) {
        return () -> {
            int millis = (int) timeout.toMillis();
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(host, port), millis);
                plain.setSoTimeout(millis);
                Socket socket = ssl ? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true) : plain;
                OutputStream out = socket.getOutputStream();
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                if (password != null && !password.isEmpty()) {
                    List<String> auth = new ArrayList<>(List.of("AUTH"));
                    if (username != null && !username.isEmpty()) {
                        auth.add(username);
                    }
                    auth.add(password);
                    out.write(command(auth));
                    expect(in.readLine(), "+OK");
                }
                out.write(command(List.of("PING")));
                out.flush();
                expect(in.readLine(), "+PONG");
            }
        };
    }

    /** Any HTTP answer at all means SQS (or its local stand-in) is listening; the status does not matter. */
    static StartupDependency.Probe http(URI endpoint, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        return () -> client.send(HttpRequest.newBuilder(endpoint).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
    }

    private static byte[] command(List<String> words) {
        StringBuilder resp = new StringBuilder("*").append(words.size()).append("\r\n");
        for (String word : words) {
            resp.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void expect(String answer, String expected) throws IOException {
        if (answer == null) {
            throw new IOException("the connection was closed");
        }
        if (!answer.equals(expected)) {
            throw new IOException("it answered " + answer);
        }
    }
}
