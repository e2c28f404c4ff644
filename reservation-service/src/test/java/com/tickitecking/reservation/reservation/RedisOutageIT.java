package com.tickitecking.reservation.reservation;

import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TcpProxy;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestServers;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without Redis there are no guards, so no holds: a fast 503, never an unguarded write. */
@IntegrationTest
class RedisOutageIT extends ThroughTheApi {

    private static final TcpProxy PROXY = new TcpProxy(TestServers.redis().host(), TestServers.redis().port());

    @DynamicPropertySource
    static void redisThroughProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", () -> String.valueOf(PROXY.port()));
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void answers503WithinASecondWhenRedisHangsAndWritesNothing() {
        long concertId = TestEvents.on(queuePrefix, jdbc).concertOnSale(
                TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS)));
        var user = ReservationApi.as(port, 1);
        PROXY.stall(true);
        try {
            long started = System.nanoTime();
            TestHttp.Response response = user.hold(concertId, "FLOOR-A-1");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE concert_id = ?", Long.class,
                    concertId)).isZero();
        } finally {
            PROXY.stall(false);
        }
        // Once Redis answers again, so does the service.
        await().atMost(Duration.ofSeconds(30)).until(() -> user.hold(concertId, "FLOOR-A-2").status() == 201);
    }

    /**
     * Redis stops answering after a seat's lock is taken, while Redisson sets the lock's lease (the multi-lock's
     * PEXPIRE, whose time-out Redisson hands back wrapped in a CompletionException): still a 503 with Retry-After,
     * not a 500 "unexpected failure" as in the on-sale bench.
     */
    @Test
    void answers503WhenRedisTimesOutWhileTheSeatLockIsTaken() {
        long concertId = TestEvents.on(queuePrefix, jdbc).concertOnSale(
                TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS)));
        var user = ReservationApi.as(port, 2);
        // One hold first, so that Redis has the scripts and every command below is one EVALSHA naming the lock.
        assertThat(user.hold(concertId, "FLOOR-A-1").status()).isEqualTo(201);
        // The lock's key goes out twice: taking the lock, then setting its lease; the second is held back.
        PROXY.stallAtSend("seat-lock:FLOOR-A-2", 2);
        try {
            long started = System.nanoTime();
            TestHttp.Response response = user.hold(concertId, "FLOOR-A-2");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.status()).as(response.body()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.header("Retry-After")).isEqualTo("1");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation_seat WHERE concert_id = ? AND seat_label = 'FLOOR-A-2'",
                    Long.class, concertId))
                    .isZero();
        } finally {
            PROXY.stall(false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> user.hold(concertId, "FLOOR-A-3").status() == 201);
    }
}
