package com.tickitecking.reservation.reservation;

import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.IsolatedInfrastructure;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.ReservationServiceApplication;
import com.tickitecking.reservation.Storm;
import com.tickitecking.reservation.TestEvents;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No seat is ever sold twice, whatever the load: checked in the database itself, after storms of concurrent
 * holds over real HTTP, with Redis wiped mid-storm, and with two instances of the service side by side.
 */
@IntegrationTest
class DoubleBookingIT extends ThroughTheApi {

    private static final int CLIENT_THREADS = 48;

    @Value("${tickitecking.redis.key-prefix}")
    String redisPrefix;
    @Autowired
    RedissonClient redisson;
    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void aThousandUsersRushingOneSeatGetExactlyOneHold() {
        long concertId = events.concertOnSale(TestEvents.hall(1, 1, Instant.now().plus(7, ChronoUnit.DAYS)));

        var results = new Storm(List.of(port), CLIENT_THREADS, 10_000, 1000).run(concertId, 1000, i -> List.of("FLOOR-A-1"));

        assertThat(results.stream().filter(Storm.Attempt::held)).hasSize(1);
        assertThat(results.stream().map(Storm.Attempt::status).distinct()).containsExactlyInAnyOrder(201, 409);
        assertThat(activeReservationsOf(concertId, "FLOOR-A-1")).isEqualTo(1);
    }

    @Test
    void tenThousandRandomAttemptsOnAHundredSeatsNeverDoubleBook() {
        long concertId = events.concertOnSale(TestEvents.hall(10, 10, Instant.now().plus(7, ChronoUnit.DAYS)));
        var storm = new Storm(List.of(port), CLIENT_THREADS, 20_000, 1000);

        var results = storm.run(concertId, 10_000, Storm.randomSeats(seats(10, 10), 4, 42), cancelingSome(storm, 3));

        assertThat(results.stream().map(Storm.Attempt::status).distinct()).isSubsetOf(201, 409);
        assertNoSeatInTwoActiveReservations(concertId);
        assertThat(results.stream().filter(Storm.Attempt::held).count()).isGreaterThan(25);
    }

    @Test
    void redisWipedMidStormStillNeverDoubleBooksAndTheGuardIsRebuilt() throws Exception {
        long concertId = events.concertOnSale(TestEvents.hall(5, 10, Instant.now().plus(7, ChronoUnit.DAYS)));
        var storm = new Storm(List.of(port), CLIENT_THREADS, 30_000, 1000);
        ScheduledExecutorService wiper = Executors.newSingleThreadScheduledExecutor();
        wiper.scheduleAtFixedRate(() -> redisson.getKeys().deleteByPattern(redisPrefix + "*"), 200, 400, TimeUnit.MILLISECONDS);
        List<Storm.Attempt> results;
        try {
            results = storm.run(concertId, 2000, Storm.randomSeats(seats(5, 10), 4, 7), cancelingSome(storm, 3));
        } finally {
            wiper.shutdownNow();
            wiper.awaitTermination(5, TimeUnit.SECONDS);
        }

        assertThat(results.stream().map(Storm.Attempt::status).distinct()).isSubsetOf(201, 409);
        assertNoSeatInTwoActiveReservations(concertId);
        // The next hold finds the guard gone, rebuilds it from the database, and is refused for a taken seat.
        String taken = jdbc.queryForObject("""
                SELECT s.seat_label FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                WHERE s.concert_id = ? AND s.active_marker = 1 LIMIT 1""", String.class, concertId);
        redisson.getKeys().deleteByPattern(redisPrefix + "*");
        assertThat(ReservationApi.as(port, 1).hold(concertId, taken).status()).isEqualTo(409);
        assertThat(redisson.getKeys().countExists(redisPrefix + "reservation:{" + concertId + "}:seats-ready")).isEqualTo(1);
        assertThat(redisson.getMap(redisPrefix + "reservation:{" + concertId + "}:seats",
                org.redisson.client.codec.StringCodec.INSTANCE).keySet())
                .containsExactlyInAnyOrderElementsOf(activeSeats(concertId));
    }

    @Test
    void twoInstancesSharingRedisAndTheDatabaseNeverDoubleBook() {
        long concertId = events.concertOnSale(TestEvents.hall(10, 10, Instant.now().plus(7, ChronoUnit.DAYS)));
        try (ConfigurableApplicationContext second = IsolatedInfrastructure.secondInstance(ReservationServiceApplication.class,
                environment, Map.of())) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            var storm = new Storm(List.of(port, secondPort), CLIENT_THREADS, 40_000, 1000);

            var results = storm.run(concertId, 2000, Storm.randomSeats(seats(10, 10), 4, 99), cancelingSome(storm, 3));

            assertThat(results.stream().map(Storm.Attempt::status).distinct()).isSubsetOf(201, 409);
            assertThat(results.stream().filter(a -> a.held() && a.reservationId() > 0)).isNotEmpty();
            assertNoSeatInTwoActiveReservations(concertId);
        }
    }

    /** Cancels every n-th winner right away, so freed seats are fought over again. */
    private java.util.function.Consumer<Storm.Attempt> cancelingSome(Storm storm, int everyNth) {
        return attempt -> {
            if (attempt.held() && attempt.reservationId() % everyNth == 0) {
                assertThat(ReservationApi.as(port, attempt.userId()).cancel(attempt.reservationId()).status()).isEqualTo(200);
            }
        };
    }

    private void assertNoSeatInTwoActiveReservations(long concertId) {
        List<String> doubleBooked = jdbc.queryForList("""
                SELECT s.seat_label FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                WHERE s.concert_id = ? AND r.status IN ('HELD', 'CONFIRMED')
                GROUP BY s.seat_label HAVING COUNT(*) > 1""", String.class, concertId);
        assertThat(doubleBooked).isEmpty();
        // And the marker agrees with the status: nothing ended still occupies a seat.
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                WHERE s.concert_id = ? AND (s.active_marker = 1) <> (r.status IN ('HELD', 'CONFIRMED'))""",
                Long.class, concertId)).isZero();
    }

    private long activeReservationsOf(long concertId, String seat) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                WHERE s.concert_id = ? AND s.seat_label = ? AND r.status IN ('HELD', 'CONFIRMED')""",
                Long.class, concertId, seat);
    }

    private Set<String> activeSeats(long concertId) {
        return new HashSet<>(jdbc.queryForList("""
                SELECT seat_label FROM reservation_seat WHERE concert_id = ? AND active_marker = 1""", String.class, concertId));
    }

    private static List<String> seats(int rows, int seatsPerRow) {
        List<String> seats = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int n = 1; n <= seatsPerRow; n++) {
                seats.add("FLOOR-" + (char) ('A' + r) + "-" + n);
            }
        }
        return seats;
    }
}
