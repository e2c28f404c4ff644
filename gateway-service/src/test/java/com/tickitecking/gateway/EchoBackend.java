package com.tickitecking.gateway;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import com.tickitecking.testing.TestAdmissionTokens;
import com.tickitecking.testing.TestKeys;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A stand-in upstream for the gateway's own behaviour (routing, headers, time-outs): it answers with the
 * request it received (and remembers it, {@link #received()}), and serves the test JWKS of access tokens and
 * admission tokens (as user-service and reservation-service do). The real services behind the gateway are exercised in
 * {@link GatewayEndToEndIT}.
 */
final class EchoBackend implements AutoCloseable {

    private final HttpServer server;
    private final List<String> received;

    private EchoBackend(HttpServer server, List<String> received) {
        this.server = server;
        this.received = received;
    }

    static EchoBackend start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            List<String> received = new CopyOnWriteArrayList<>();
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            String jwks = new JWKSet(new RSAKey.Builder(TestKeys.publicKey()).keyIDFromThumbprint().build()).toString();
            server.createContext("/.well-known/jwks.json", exchange -> respond(exchange, jwks));
            String admissionJwks = TestAdmissionTokens.jwks();
            server.createContext("/.well-known/admission-jwks.json", exchange -> respond(exchange, admissionJwks));
            server.createContext("/api/v1/concerts/1/slow", exchange -> {
                sleep(3_000);
                respond(exchange, "{}");
            });
            server.createContext("/api/v1/concerts/1/busy", exchange -> {
                sleep(500);
                respond(exchange, "{}");
            });
            // holds of concert 9 hang (a hold path stuck behind a sweep of expired holds, say)
            server.createContext("/api/v1/concerts/9/reservations", exchange -> {
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
                sleep(2_000);
                respond(exchange, "{}");
            });
            // .../answer-409 and the like: the service's own problem+json with that status (503: Retry-After 1)
            for (String context : new String[]{"/api/v1/users/answer-", "/api/v1/concerts/answer-"}) {
                server.createContext(context, exchange -> {
                    received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
                    answerWithStatus(exchange);
                });
            }
            server.createContext("/", exchange -> {
                received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
                String headers = exchange.getRequestHeaders().entrySet().stream()
                        .map(e -> "\"" + e.getKey().toLowerCase() + "\":\"" + String.join(",", e.getValue()).replace("\"", "'") + "\"")
                        .collect(Collectors.joining(","));
                long bodyBytes = exchange.getRequestBody().readAllBytes().length;
                respond(exchange, "{\"path\":\"" + exchange.getRequestURI().getPath() + "\",\"bodyBytes\":" + bodyBytes
                        + ",\"headers\":{" + headers + "}}");
            });
            server.start();
            return new EchoBackend(server, received);
        } catch (IOException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Makes this backend the gateway's JWKS (of both kinds of token) and every service behind it. */
    void standInForEveryService(DynamicPropertyRegistry registry) {
        registry.add("tickitecking.gateway.jwks-uri", () -> url() + "/.well-known/jwks.json");
        registry.add("tickitecking.gateway.admission.jwks-uri", () -> url() + "/.well-known/admission-jwks.json");
        for (String service : new String[]{"USER", "CONCERT", "SEAT", "RESERVATION", "MEDIA"}) {
            registry.add(service + "_SERVICE_URL", this::url);
        }
    }

    /** Forgets the requests answered so far: {@link #received()} starts empty again. */
    void forgetReceived() {
        received.clear();
    }

    /** Every request the echo answered, as {@code "POST /raw/path"}, oldest first. */
    List<String> received() {
        return List.copyOf(received);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void answerWithStatus(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status = Integer.parseInt(path.substring(path.lastIndexOf('-') + 1));
        byte[] body = ("{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"answered by the service\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        if (status == 503) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
