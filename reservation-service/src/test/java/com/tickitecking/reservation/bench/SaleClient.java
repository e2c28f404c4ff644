package com.tickitecking.reservation.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The buyers' HTTP client: HTTP/1.1 keep-alive connections to the gateway, bounded (as a load generator on the
 * same two cores must be; the JDK client would otherwise open a connection per waiting request): at most
 * {@code connections} queue polls in flight, and as many other requests. Two pools, because in the field no buyer
 * waits for another's poll: with one, an admitted buyer's hold queued in this client behind thousands of polls
 * and the sale measured the load generator. Each request is timed from when it got a connection to its answer and
 * counted by kind and status in the given {@link SaleStats}; the wait for a connection is counted apart, so a
 * client that is the bottleneck shows as such.
 */
final class SaleClient {

    /** A status for "no answer" (connection refused or reset, timeout): counted with the errors. */
    static final int NO_ANSWER = 0;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final Semaphore polls;
    private final Semaphore others;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade attempt on every new connection
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    SaleClient(String baseUrl, int connections) {
        this.baseUrl = baseUrl;
        this.polls = new Semaphore(connections, true);
        this.others = new Semaphore(connections, true);
    }

    /**
     * An answer: status (or {@link #NO_ANSWER}), body, when it was sent and received (System.nanoTime), and its
     * {@code Retry-After} in seconds (0 when none).
     */
    record Answer(int status, byte[] body, long sentAt, long receivedAt, long retryAfterSeconds) {

        boolean is(int expected) {
            return status == expected;
        }

        JsonNode json() {
            return body.length == 0 ? JSON.missingNode() : JSON.readTree(body);
        }

        /** The problem+json {@code reason} property, or "" when there is none. */
        String reason() {
            try {
                return json().path("reason").asString("");
            } catch (RuntimeException e) {
                return "";
            }
        }
    }

    Answer get(SaleStats stats, SaleStats.Kind kind, String path, String token) {
        return send(stats, kind, "GET", path, token, Map.of(), null);
    }

    Answer post(SaleStats stats, SaleStats.Kind kind, String path, String token, Map<String, String> headers, Object body) {
        return send(stats, kind, "POST", path, token, headers, body);
    }

    Answer delete(SaleStats stats, SaleStats.Kind kind, String path, String token) {
        return send(stats, kind, "DELETE", path, token, Map.of(), null);
    }

    Answer send(SaleStats stats, SaleStats.Kind kind, String method, String path, String token,
                Map<String, String> headers, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        Semaphore connections = kind == SaleStats.Kind.POLL || kind == SaleStats.Kind.STATUS ? polls : others;
        long asked = System.nanoTime();
        connections.acquireUninterruptibly();
        long sent = System.nanoTime();
        int status = NO_ANSWER;
        byte[] bytes = new byte[0];
        long retryAfter = 0;
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            bytes = response.body();
            retryAfter = response.headers().firstValue("Retry-After").filter(v -> v.matches("\\d{1,4}"))
                    .map(Long::parseLong).orElse(0L);
        } catch (IOException e) {
            // counted as NO_ANSWER below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.release();
        }
        long received = System.nanoTime();
        stats.record(kind, status, sent - asked, received - sent);
        return new Answer(status, bytes, sent, received, retryAfter);
    }
}
