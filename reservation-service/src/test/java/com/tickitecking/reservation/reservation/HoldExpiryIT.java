package com.tickitecking.reservation.reservation;

import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.ReservationExpired;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.testing.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Holds run out by themselves: here after one second. */
@IntegrationTest
@TestPropertySource(properties = {
        "tickitecking.reservation.hold-time=1s",
        "tickitecking.reservation.sweep-interval=500ms"})
class HoldExpiryIT extends ThroughTheApi {

    private static final AtomicLong USERS = new AtomicLong(500);

    @Autowired
    HoldExpirySweeper sweeper;
    @Autowired
    MeterRegistry meters;

    long concertId;
    ReservationApi alice;
    ReservationApi bob;

    @BeforeEach
    void concertOnSale() {
        concertId = events.concertOnSale(TestEvents.hall(5, 10, Instant.now().plus(30, ChronoUnit.DAYS)));
        alice = ReservationApi.as(port, USERS.incrementAndGet());
        bob = ReservationApi.as(port, USERS.incrementAndGet());
    }

    @Test
    void anExpiredHoldNeverBlocksANewHold() throws InterruptedException {
        long first = alice.hold(concertId, "FLOOR-A-1").json().get("id").asLong();
        Thread.sleep(1100);

        var second = bob.hold(concertId, "FLOOR-A-1");

        assertThat(second.status()).isEqualTo(201);
        assertThat(alice.get(first).json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(status(first)).isEqualTo("EXPIRED");
    }

    @Test
    void sweeperExpiresHoldsInTheBackgroundAndPublishesReservationExpired() {
        double expiredBefore = meters.counter("tickitecking.holds.expired").count();
        long id = alice.hold(concertId, "FLOOR-B-1", "FLOOR-B-2").json().get("id").asLong();

        await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("EXPIRED"));

        // The metric counts after the commit, a moment after the row reads EXPIRED.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(meters.counter("tickitecking.holds.expired").count()).isGreaterThan(expiredBefore));
        var expired = await().atMost(Duration.ofSeconds(10)).until(() -> events.drain(EventQueue.SEAT).stream()
                .filter(e -> e instanceof ReservationExpired x && x.reservationId() == id)
                .map(ReservationExpired.class::cast).findFirst().orElse(null), java.util.Objects::nonNull);
        assertThat(expired.revision()).isEqualTo(2);
        assertThat(expired.seats()).containsExactlyInAnyOrder("FLOOR-B-1", "FLOOR-B-2");
        assertThat(bob.hold(concertId, "FLOOR-B-1", "FLOOR-B-2").status()).isEqualTo(201);
    }

    @Test
    void confirmingAnExpiredHoldIsAConflict() throws InterruptedException {
        long id = alice.hold(concertId, "FLOOR-C-1").json().get("id").asLong();
        Thread.sleep(1100);

        var response = alice.confirm(id);

        assertThat(response.status()).isEqualTo(409);
        assertThat(alice.get(id).json().get("status").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void sweepersRunningSideBySideExpireEachHoldOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            ids.add(ReservationApi.as(port, USERS.incrementAndGet()).hold(concertId, "FLOOR-D-" + n).json().get("id").asLong());
        }
        Thread.sleep(1100);

        var one = CompletableFuture.supplyAsync(sweeper::sweep);
        var two = CompletableFuture.supplyAsync(sweeper::sweep);
        one.get();
        two.get();

        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> status(id).equals("EXPIRED")));
        for (long id : ids) {
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM outbox_event WHERE event_type = 'ReservationExpired' AND aggregate_id = ?""",
                    Long.class, "reservation-" + id)).as("expiry events of " + id).isEqualTo(2); // seat + concert queues
        }
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM reservation WHERE id = ?", String.class, id);
    }
}
