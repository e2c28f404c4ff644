package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routes' circuit breakers (breaker/ServiceBreakerGatewayFilterFactory): the waiting room has one of its own,
 * apart from the holds'; only a service's failures (5xx, time-outs) count, and the service's own answer is let through.
 * Each test trips a different service's breaker, so they do not depend on one another's order.
 */
@IntegrationTest
class CircuitBreakerIT {

    static final EchoBackend BACKEND = EchoBackend.start();
    /** resilience4j's default config here: a window of 20 calls, open once 10 are in and half of them failed. */
    static final int ENOUGH_TO_OPEN = 10;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        BACKEND.standInForEveryService(registry);
        registry.add("GATEWAY_RESERVATION_TIMEOUT", () -> "300ms");
        registry.add("tickitecking.gateway.rate-limit.requests-per-second", () -> "1000");
        registry.add("tickitecking.gateway.rate-limit.burst", () -> "1000");
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.close();
    }

    @LocalServerPort
    int port;
    TestHttp buyer;

    @BeforeEach
    void setUp() {
        buyer = TestHttp.at(port).as(TestTokens.accessToken(77, "USER"));
    }

    @Test
    void holdsThatTimeOutOpenTheReservationsCircuitWhileTheQueueKeepsAnswering() {
        // given holds that time out until the reservations circuit is open (counted at the service: on a loaded
        // machine the gateway's first Redis connection may time out, a 503 of the waiting-room door, not of the circuit)
        for (int attempt = 0; holdsReached() < ENOUGH_TO_OPEN && attempt < 2 * ENOUGH_TO_OPEN; attempt++) {
            assertThat(buyer.post("/api/v1/concerts/9/reservations", Map.of("seatIds", new long[]{1})).status())
                    .isIn(503, 504);
        }
        long holdsReached = holdsReached();
        assertThat(holdsReached).isEqualTo(ENOUGH_TO_OPEN);
        var hold = buyer.post("/api/v1/concerts/9/reservations", Map.of("seatIds", new long[]{1}));
        assertThat(hold.status()).isEqualTo(503);
        assertThat(hold.json().get("detail").asString()).contains("reservation-service is unavailable");
        assertThat(hold.header("Retry-After")).isEqualTo("5");
        assertThat(holdsReached()).isEqualTo(holdsReached);

        // when a waiting buyer polls, joins and leaves
        var me = buyer.get("/api/v1/concerts/9/queue/me");
        var join = buyer.post("/api/v1/concerts/9/queue", Map.of());
        var leave = buyer.delete("/api/v1/concerts/9/queue/me");

        // then the queue still reaches reservation-service
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("path").asString()).isEqualTo("/api/v1/concerts/9/queue/me");
        assertThat(join.status()).isEqualTo(200);
        assertThat(leave.status()).isEqualTo(200);
        assertThat(BACKEND.received()).contains("GET /api/v1/concerts/9/queue/me", "POST /api/v1/concerts/9/queue",
                "DELETE /api/v1/concerts/9/queue/me");
    }

    private static long holdsReached() {
        return BACKEND.received().stream().filter(r -> r.endsWith("/9/reservations")).count();
    }

    @Test
    void conflictsRateLimitsAndLoadSheddingOfAServiceNeverOpenItsCircuit() {
        // given a service that answers nothing but 409, 429 and its own 503 with Retry-After (shedding load)
        int[] statuses = {409, 429, 503};
        for (int i = 0; i < 3 * ENOUGH_TO_OPEN; i++) {
            int status = statuses[i % 3];
            var answer = buyer.get("/api/v1/users/answer-" + status);
            // its own answers reach the caller as they are
            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.json().get("detail").asString()).isEqualTo("answered by the service");
        }

        // when the caller asks again
        var next = buyer.get("/api/v1/users/answer-409");

        // then the request still reached the service: the circuit stayed closed
        assertThat(next.status()).isEqualTo(409);
        assertThat(next.json().get("detail").asString()).isEqualTo("answered by the service");
    }

    @Test
    void serverErrorsOfAServiceCountAndItsOwnAnswerGoesThrough() {
        // given a service that fails with 500s
        for (int i = 0; i < ENOUGH_TO_OPEN; i++) {
            var failed = TestHttp.at(port).get("/api/v1/concerts/answer-500");
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.json().get("detail").asString()).isEqualTo("answered by the service");
        }
        long reachedBefore = BACKEND.received().stream().filter(r -> r.contains("/answer-500")).count();

        // when the next request comes
        var next = TestHttp.at(port).get("/api/v1/concerts/answer-500");

        // then the gateway answers for the service without asking it: its circuit is open
        assertThat(next.status()).isEqualTo(503);
        assertThat(next.contentType()).startsWith("application/problem+json");
        assertThat(next.json().get("detail").asString()).contains("concert-service is unavailable");
        assertThat(next.header("Retry-After")).isEqualTo("5");
        assertThat(BACKEND.received().stream().filter(r -> r.contains("/answer-500")).count()).isEqualTo(reachedBefore);
    }
}
