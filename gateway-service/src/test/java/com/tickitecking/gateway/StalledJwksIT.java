package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TcpProxy;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static com.tickitecking.testing.ProblemAssertions.assertProblem;
import static com.tickitecking.testing.TestAdmissionTokens.admissionToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JWKS endpoint that accepts connections and never answers (a TcpProxy that stalls) must not hang a request
 * before routing: the decoders' shared JWKS client times out (tickitecking.gateway.jwks, 2 s by default here) and
 * the request is refused with a 503 and Retry-After, as when the keys' server cannot be reached at all. The decoder
 * caches keys it fetched once, so the steps run in order, each before its keys were ever fetched.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StalledJwksIT {

    static final EchoBackend BACKEND = EchoBackend.start();
    static final int BACKEND_PORT = URI.create(BACKEND.url()).getPort();
    /** Nothing listens here until the second step puts a stalling proxy on it: first a refused connection. */
    static final int USER_KEYS_PORT = freePort();
    static final TcpProxy ADMISSION_KEYS = new TcpProxy("127.0.0.1", BACKEND_PORT);
    static TcpProxy userKeys;
    static final long BUYER = 31;
    static final long CONCERT = 9_001;
    /** The answer must come within the time-out and a margin for a busy machine, never after a hang. */
    static final Duration QUICKLY = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        BACKEND.standInForEveryService(registry);
        registry.add("tickitecking.gateway.jwks-uri", () -> "http://127.0.0.1:" + USER_KEYS_PORT + "/.well-known/jwks.json");
        registry.add("tickitecking.gateway.admission.jwks-uri",
                () -> "http://127.0.0.1:" + ADMISSION_KEYS.port() + "/.well-known/admission-jwks.json");
    }

    @AfterAll
    static void stop() {
        if (userKeys != null) {
            userKeys.close();
        }
        ADMISSION_KEYS.close();
        BACKEND.close();
    }

    @LocalServerPort
    int port;
    @Value("${tickitecking.redis.key-prefix}")
    String keyPrefix;
    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    @Order(1)
    void anAccessTokenWhoseKeysCannotBeReachedIs503() {
        TestHttp.Response response = timed(() -> buyer().get("/api/v1/reservations/me"));

        assertKeysUnavailable(response);
    }

    @Test
    @Order(2)
    void anAccessTokenWhoseKeysServerNeverAnswersIs503Too() {
        userKeys = new TcpProxy(USER_KEYS_PORT, "127.0.0.1", BACKEND_PORT);
        userKeys.stall(true);

        TestHttp.Response response = timed(() -> buyer().get("/api/v1/reservations/me"));

        assertKeysUnavailable(response);
    }

    @Test
    @Order(3)
    void aHoldWhoseAdmissionKeysServerNeverAnswersIs503FailingClosed() {
        userKeys.stall(false);
        assertThat(buyer().get("/api/v1/reservations/me").status()).isEqualTo(200); // access tokens are checked again
        redis.opsForValue().set(keyPrefix + "waiting-room:" + CONCERT, "1", Duration.ofMinutes(5)).block(Duration.ofSeconds(5));
        ADMISSION_KEYS.stall(true);
        String hold = "/api/v1/concerts/" + CONCERT + "/reservations";

        TestHttp.Response response = timed(() -> buyer().header("Admission-Token", admissionToken(BUYER, CONCERT))
                .post(hold, Map.of("seats", List.of("A-1"))));

        assertProblem(response, 503);
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(response.json().get("reason").asString()).isEqualTo("waiting-room-unavailable");
        assertThat(BACKEND.received()).doesNotContain("POST " + hold);
    }

    private TestHttp buyer() {
        return TestHttp.at(port).as(TestTokens.accessToken(BUYER, "USER"));
    }

    private static TestHttp.Response timed(Supplier<TestHttp.Response> call) {
        long started = System.nanoTime();
        TestHttp.Response response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(response.toString()).isLessThan(QUICKLY);
        return response;
    }

    private void assertKeysUnavailable(TestHttp.Response response) {
        assertProblem(response, 503);
        assertThat(response.header("Retry-After")).isNotNull();
        assertThat(BACKEND.received()).doesNotContain("GET /api/v1/reservations/me");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
