package com.tickitecking.gateway;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestKeys;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's microcache of the public polled reads (seat availability, a concert's detail), in front of an
 * upstream that counts what reaches it and answers as seat-service and concert-service do. Each test uses concert ids
 * of its own: the cache lives as long as the context.
 */
@IntegrationTest
class MicrocacheIT {

    static final Upstream UPSTREAM = Upstream.start();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("tickitecking.gateway.jwks-uri", () -> UPSTREAM.url() + "/.well-known/jwks.json");
        for (String service : new String[]{"USER", "CONCERT", "SEAT", "RESERVATION", "MEDIA"}) {
            registry.add(service + "_SERVICE_URL", UPSTREAM::url);
        }
        // long enough that "within the TTL" holds on a busy machine; the default is 1s
        registry.add("GATEWAY_READ_CACHE_TTL", () -> "2s");
        registry.add("tickitecking.gateway.rate-limit.requests-per-second", () -> "10000");
        registry.add("tickitecking.gateway.rate-limit.burst", () -> "10000");
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @LocalServerPort
    int port;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = TestHttp.at(port);
    }

    @Test
    void aSecondReadWithinTheTtlDoesNotReachTheServiceAndOneAfterItDoes() {
        String path = "/api/v1/concerts/101/seats/availability";
        var first = http.get(path);
        var second = http.get(path);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(UPSTREAM.hits(path)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(http.get(path).body()).isNotEqualTo(first.body());
            assertThat(UPSTREAM.hits(path)).isEqualTo(2);
        });
    }

    @Test
    void aConcertsDetailIsCachedTooThoughItsServiceSendsNoStore() {
        String path = "/api/v1/concerts/102";
        var first = http.get(path);
        var second = http.get(path);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(UPSTREAM.hits(path)).isEqualTo(1);
        assertThat(second.header("Cache-Control")).contains("public").doesNotContain("no-store");
    }

    @Test
    void anotherConcertIsAnotherEntry() {
        http.get("/api/v1/concerts/103/seats/availability");
        var other = http.get("/api/v1/concerts/104/seats/availability");

        assertThat(other.json().get("path").asString()).isEqualTo("/api/v1/concerts/104/seats/availability");
        assertThat(UPSTREAM.hits("/api/v1/concerts/104/seats/availability")).isEqualTo(1);
    }

    @Test
    void aRefusalIsNotCached() {
        String path = "/api/v1/concerts/404/seats/availability";
        assertThat(http.get(path).status()).isEqualTo(404);
        assertThat(http.get(path).status()).isEqualTo(404);

        assertThat(UPSTREAM.hits(path)).isEqualTo(2);
    }

    @Test
    void aResponseItsServiceMarksPrivateOrNoStoreIsNotCachedEvenInOneCombinedHeader() {
        String path = "/api/v1/concerts/403/seats/availability";
        http.get(path);
        http.get(path);

        assertThat(UPSTREAM.hits(path)).isEqualTo(2);
    }

    @Test
    void aLoggedInCallerSharesTheAnonymousEntryAndNoTokenReachesTheService() {
        String path = "/api/v1/concerts/105/seats/availability";
        var anonymous = http.get(path);
        var loggedIn = http.as(TestTokens.accessToken(7, "USER")).header("Cookie", "a=b").get(path);
        var otherUser = http.as(TestTokens.accessToken(8, "USER")).get(path);

        assertThat(loggedIn.status()).isEqualTo(200);
        assertThat(loggedIn.body()).isEqualTo(anonymous.body());
        assertThat(otherUser.body()).isEqualTo(anonymous.body());
        assertThat(UPSTREAM.hits(path)).isEqualTo(1);

        String uncached = "/api/v1/concerts/106/seats/availability";
        var first = http.as(TestTokens.accessToken(7, "USER")).header("Cookie", "a=b").get(uncached);
        assertThat(first.json().get("authorization").asBoolean()).isFalse();
        assertThat(first.json().get("cookie").asBoolean()).isFalse();
    }

    @Test
    void aBadTokenIsStillRefusedOnACachedRead() {
        String path = "/api/v1/concerts/107/seats/availability";
        http.get(path);

        assertThat(http.as(TestTokens.expiredToken(7, "USER")).get(path).status()).isEqualTo(401);
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIs304AndWithAnotherTheBody() {
        String path = "/api/v1/concerts/108/seats/availability";
        var first = http.get(path);
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();

        var notModified = http.header("If-None-Match", etag).get(path);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.bytes()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(etag);

        var changed = http.header("If-None-Match", "\"stale\"").get(path);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(first.body());
        assertThat(UPSTREAM.hits(path)).isEqualTo(1);
    }

    @Test
    void aConditionalFirstReadIsAnswered304AndStillFillsTheCache() {
        String path = "/api/v1/concerts/109/seats/availability";
        var notModified = http.header("If-None-Match", Upstream.etag(path)).get(path);
        var full = http.get(path);

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.json().get("path").asString()).isEqualTo(path);
        assertThat(UPSTREAM.hits(path)).isEqualTo(1);
    }

    @Test
    void theWaitingRoomsNowServingIsCachedAndAFansOwnPlaceIsNot() {
        String status = "/api/v1/concerts/111/queue";
        String mine = "/api/v1/concerts/111/queue/me";
        http.get(status);
        http.get(status);
        var token = http.as(TestTokens.accessToken(7, "USER"));
        token.get(mine);
        token.get(mine);

        assertThat(UPSTREAM.hits(status)).isEqualTo(1);
        assertThat(UPSTREAM.hits(mine)).isEqualTo(2);
    }

    @Test
    void writesAndOtherReadsAreNotCached() {
        String seatMap = "/api/v1/concerts/110/seats";
        http.get(seatMap);
        http.get(seatMap);

        assertThat(UPSTREAM.hits(seatMap)).isEqualTo(2);
    }

    /**
     * Answers availability (Cache-Control {@code max-age=1, public}, a strong ETag per path) and a concert's detail
     * ({@code no-cache, no-store, max-age=0, must-revalidate}: Spring Security's default); concert 404 is a 404 and
     * 403 a 200 marked {@code private, no-store}. Every body carries a fresh serial number and whether Authorization
     * and Cookie arrived. Ignores If-None-Match (so a 304 comes from the gateway).
     */
    static final class Upstream implements AutoCloseable {

        private final HttpServer server;
        private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        private final AtomicInteger serial = new AtomicInteger();

        private Upstream(HttpServer server) {
            this.server = server;
        }

        static Upstream start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                Upstream upstream = new Upstream(server);
                String jwks = new JWKSet(new RSAKey.Builder(TestKeys.publicKey()).keyIDFromThumbprint().build()).toString();
                server.createContext("/.well-known/jwks.json", exchange -> respond(exchange, 200, Map.of(), jwks));
                server.createContext("/", upstream::answer);
                server.start();
                return upstream;
            } catch (IOException | com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        static String etag(String path) {
            return "\"" + Integer.toHexString(path.hashCode()) + "\"";
        }

        private void answer(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String body = "{\"path\":\"" + path + "\",\"serial\":" + serial.incrementAndGet()
                    + ",\"authorization\":" + exchange.getRequestHeaders().containsKey("Authorization")
                    + ",\"cookie\":" + exchange.getRequestHeaders().containsKey("Cookie") + "}";
            if (path.contains("/404/")) {
                respond(exchange, 404, Map.of(), "{\"status\":404}");
            } else if (path.contains("/403/")) {
                respond(exchange, 200, Map.of("Cache-Control", "private, no-store"), body);
            } else if (path.endsWith("/seats/availability") || path.endsWith("/queue")) {
                // as seat-service does: a matching If-None-Match is a bodiless 304, which the cache cannot store
                if (etag(path).equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.getResponseHeaders().set("ETag", etag(path));
                    exchange.sendResponseHeaders(304, -1);
                    exchange.close();
                    return;
                }
                respond(exchange, 200, Map.of("Cache-Control", "max-age=1, public", "ETag", etag(path)), body);
            } else {
                respond(exchange, 200, Map.of("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
                        "Pragma", "no-cache", "Expires", "0"), body);
            }
        }

        int hits(String path) {
            AtomicInteger count = hits.get(path);
            return count == null ? 0 : count.get();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String json)
                throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

}
