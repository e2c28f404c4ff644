package com.tickitecking.reservation.queue;

import com.tickitecking.reservation.QueueApi;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TcpProxy;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static com.tickitecking.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Fail closed: with Redis cut off, joining, polling and holding a waiting-room concert are 503s, and nobody is admitted. */
@IntegrationTest
@TestPropertySource(properties = {
        "tickitecking.waiting-room.max-active-shoppers=1",
        "tickitecking.waiting-room.admission-interval=200ms",
        "tickitecking.waiting-room.admission-ttl=3s"})
class WaitingRoomRedisOutageIT extends ThroughTheApi {

    private static TcpProxy proxy = new TcpProxy(TestServers.redis().host(), TestServers.redis().port());
    private static final int PROXY_PORT = proxy.port();

    @DynamicPropertySource
    static void redisThroughProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", () -> String.valueOf(PROXY_PORT));
    }

    @AfterAll
    static void closeProxy() {
        proxy.close();
    }

    @Test
    void redisCutOffMeans503sAndNoAdmissionUntilItIsBack() throws Exception {
        long concertId = events.concertOnSale(QueueApi.withWaitingRoom(
                TestEvents.hall(2, 10, Instant.now().plus(7, ChronoUnit.DAYS)), null));
        var first = QueueApi.as(port, 1);
        var second = QueueApi.as(port, 2);
        first.join(concertId);
        second.join(concertId);
        String token = await().atMost(Duration.ofSeconds(20)).until(() -> first.me(concertId).json(),
                p -> p.get("status").asString().equals("ADMITTED")).get("admissionToken").asString();
        Instant firstAdmissionEnds = Instant.ofEpochSecond(Long.parseLong(QueueApi.claim(token, "exp")));

        proxy.close(); // Redis unreachable: connections dropped, new ones refused
        Instant restored;
        try {
            assertUnavailable(QueueApi.as(port, 3).join(concertId));
            assertUnavailable(second.me(concertId));
            assertUnavailable(first.holdWith(token, concertId, "FLOOR-A-1"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Long.class)).isZero();
            // the first admission runs out during the outage: the slot is free, but nobody can be let in
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), firstAdmissionEnds).toMillis()) + 1500);
        } finally {
            restored = Instant.now();
            proxy = new TcpProxy(PROXY_PORT, TestServers.redis().host(), TestServers.redis().port());
        }

        JsonNode place = await().atMost(Duration.ofSeconds(30)).until(() -> second.me(concertId),
                r -> r.status() == 200 && r.json().get("status").asString().equals("ADMITTED")).json();
        // admitted only once Redis was back (the token's iat is the admission's time, in whole seconds)
        long admittedAt = Long.parseLong(QueueApi.claim(place.get("admissionToken").asString(), "iat"));
        assertThat(admittedAt).isGreaterThanOrEqualTo(restored.getEpochSecond());
    }

    private static void assertUnavailable(TestHttp.Response response) {
        assertProblem(response, 503);
        assertThat(response.header("Retry-After")).as(response.toString()).isNotBlank();
    }
}
