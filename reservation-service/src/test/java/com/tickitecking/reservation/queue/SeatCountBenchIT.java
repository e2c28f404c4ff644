package com.tickitecking.reservation.queue;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.reservation.QueueApi;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one admission run and one "best 4 VIP" hold cost on a big concert most of whose seats are taken; off unless
 * {@code -Dbenchmark=true}: {@code TICKITECKING_TEST_NAMESPACE=… ./mvnw -B -ntp -pl reservation-service -am verify
 * -Dit.test=SeatCountBenchIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * -Dbenchmark=true}; figures go to standard output. The taken seats are written straight into the database (60 %
 * of the seats, at random, half confirmed, half held for an hour) and the seat guard is rebuilt from them.
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = {"tickitecking.waiting-room.admission-interval=1h",
        "tickitecking.reservation.max-seats=8"})
class SeatCountBenchIT extends ThroughTheApi {

    private static final int SEATS_PER_ROW = 100;
    private static final double TAKEN = 0.6;
    private static final int ADMISSION_RUNS = 100;
    private static final int BEST_HOLDS = 40;
    private static final AtomicLong USERS = new AtomicLong(700_000);

    @Autowired
    WaitingRoom room;

    @Test
    void admissionRunAndBestSeatsHoldCost() {
        for (int seats : new int[]{20_000, 60_000}) {
            long concertId = events.concertOnSale(QueueApi.withWaitingRoom(bigHall(seats), Instant.now().minusSeconds(1)));
            takeSeats(concertId, seats);
            room.admitNext(concertId, false); // rebuilds the seat guard, warms up
            for (int i = 0; i < 20; i++) {
                room.admitNext(concertId, false);
            }
            long started = System.nanoTime();
            for (int i = 0; i < ADMISSION_RUNS; i++) {
                room.admitNext(concertId, false);
            }
            System.out.printf("BENCH admission run, %,d seats (%,d taken): %.2f ms per run (%d runs)%n", seats,
                    (long) (seats * TAKEN), (System.nanoTime() - started) / 1e6 / ADMISSION_RUNS, ADMISSION_RUNS);
        }

        int seats = 60_000;
        long concertId = events.concertOnSale(bigHall(seats));
        takeSeats(concertId, seats);
        // the first rebuilds the seat guard (and may be answered 503 meanwhile); the rest warm up
        await().atMost(Duration.ofMinutes(2)).until(() -> ReservationApi.as(port, USERS.incrementAndGet())
                .holdBest(concertId, 4, "VIP").status() == 201);
        for (int i = 0; i < 10; i++) {
            holdBest(concertId);
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < BEST_HOLDS; i++) {
            statuses.merge(holdBest(concertId), 1, Integer::sum);
        }
        System.out.printf("BENCH best 4 VIP hold, %,d seats (%,d taken): %.2f ms per hold through the API (%d holds, statuses %s)%n",
                seats, (long) (seats * TAKEN), (System.nanoTime() - started) / 1e6 / BEST_HOLDS, BEST_HOLDS, statuses);
        assertThat(statuses).containsKey(201);
    }

    /** A 503 is counted, not failed: the whole-hash read can outlast the Redis time-out (600 ms) on a busy machine. */
    private int holdBest(long concertId) {
        return ReservationApi.as(port, USERS.incrementAndGet()).holdBest(concertId, 4, "VIP").status();
    }

    /** Rows of 100 seats; the front tenth is VIP, the rest R. */
    private static ConcertDetails bigHall(int seats) {
        int rows = seats / SEATS_PER_ROW;
        List<SeatingLayout.Row> layoutRows = new ArrayList<>();
        List<String> vip = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String label = "R" + r;
            layoutRows.add(new SeatingLayout.Row(label, SEATS_PER_ROW));
            (r < rows / 10 ? vip : rest).add(label);
        }
        SeatingLayout layout = new SeatingLayout(List.of(new SeatingLayout.Section("FLOOR", "Floor", layoutRows)));
        return new ConcertDetails(7, "Big Night", Instant.now().plus(30, ChronoUnit.DAYS), 1, "Big Hall", layout,
                List.of(new SeatGrade("VIP", new BigDecimal("120.00"), List.of(new SeatGrade.Area("FLOOR", vip))),
                        new SeatGrade("R", new BigDecimal("50.00"), List.of(new SeatGrade.Area("FLOOR", rest)))));
    }

    /** Takes a random 60 % of the seats, four to a reservation, in the database only (the guard is rebuilt from it). */
    private void takeSeats(long concertId, int seats) {
        int rows = seats / SEATS_PER_ROW;
        List<String> labels = new ArrayList<>(seats);
        for (int r = 0; r < rows; r++) {
            for (int n = 1; n <= SEATS_PER_ROW; n++) {
                labels.add("FLOOR-R" + r + "-" + n);
            }
        }
        Collections.shuffle(labels, new Random(concertId));
        List<String> taken = labels.subList(0, (int) (seats * TAKEN));
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp inAnHour = Timestamp.from(Instant.now().plus(Duration.ofHours(1)));
        List<Object[]> reservations = new ArrayList<>();
        for (int i = 0; i < taken.size(); i += 4) {
            boolean confirmed = (i / 4) % 2 == 0;
            reservations.add(new Object[]{concertId, 5_000_000L + i, confirmed ? "CONFIRMED" : "HELD", now, inAnHour,
                    confirmed ? now : null, "bench-" + concertId + "-" + i, "0".repeat(64), UUID.randomUUID().toString()});
        }
        jdbc.batchUpdate("""
                INSERT INTO reservation (concert_id, user_id, status, total_price, revision, held_at, expires_at, confirmed_at,
                                         idempotency_key, request_hash, guard_token)
                VALUES (?, ?, ?, 200.00, 1, ?, ?, ?, ?, ?, ?)""", reservations);
        List<Long> ids = jdbc.queryForList("SELECT id FROM reservation WHERE concert_id = ? ORDER BY id", Long.class, concertId);
        List<Object[]> rows2 = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            rows2.add(new Object[]{ids.get(i / 4), concertId, taken.get(i)});
        }
        jdbc.batchUpdate("""
                INSERT INTO reservation_seat (reservation_id, concert_id, seat_label, grade, price, active_marker)
                VALUES (?, ?, ?, 'R', 50.00, 1)""", rows2);
    }
}
