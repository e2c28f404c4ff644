package com.tickitecking.reservation.reservation;

import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admission job's count of taken seats ({@link SeatGuard#takenCount}, from the guard's expiry index) against
 * a full scan of the guard's hash and of the database: after claims, confirmations, releases and lapses in
 * parallel, after the guard is lost and rebuilt, and for a guard written before the index existed.
 */
@IntegrationTest
class SeatCountIT extends ThroughTheApi {

    private static final long BUYER = 42;

    private static final int THREADS = 8;
    private static final int OPERATIONS_PER_THREAD = 150;

    @Autowired
    SeatGuard guard;
    @Autowired
    RedissonClient redisson;
    @Value("${tickitecking.redis.key-prefix}")
    String redisPrefix;

    @Test
    void theCountEqualsAFullScanAfterClaimsReleasesConfirmationsAndLapsesInParallel() throws Exception {
        long concertId = events.concertOnSale(TestEvents.hall(10, 20, Instant.now().plus(7, ChronoUnit.DAYS)));
        List<String> seats = seats(10, 20);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> randomClaims(concertId, seats)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        // Short holds are still lapsing: the count lies between the scans of one snapshot just before and just after.
        Map<String, String> snapshot = guardHash(concertId);
        long before = System.currentTimeMillis();
        SeatGuard.TakenCount count = guard.takenCount(concertId);
        long after = System.currentTimeMillis();
        assertThat(count.taken()).isBetween(scan(snapshot, after).taken(), scan(snapshot, before).taken());
        assertThat(count.held()).isBetween(scan(snapshot, after).held(), scan(snapshot, before).held());

        Thread.sleep(1_600); // every short hold has lapsed: only confirmed seats and hour-long holds are left
        long now = System.currentTimeMillis();
        SeatGuard.TakenCount settled = guard.takenCount(concertId);
        SeatGuard.TakenCount scanned = scan(guardHash(concertId), now);
        assertThat(settled).isEqualTo(scanned);
        assertThat(settled.taken()).as("some seats are confirmed or held for an hour").isPositive();
        assertThat(settled.held()).as("some holds are hour-long").isPositive();
        assertThat(settled.taken()).as("some seats were released or lapsed").isLessThan(seats.size());
    }

    @Test
    void theCountIsRebuiltFromTheDatabaseAfterRedisLostTheGuard() {
        long concertId = events.concertOnSale(TestEvents.hall(4, 10, Instant.now().plus(7, ChronoUnit.DAYS)));
        var alice = ReservationApi.as(port, 41);
        long confirmed = alice.hold(concertId, "FLOOR-A-1", "FLOOR-A-2").json().get("id").asLong();
        assertThat(alice.confirm(confirmed).status()).isEqualTo(200);
        assertThat(alice.hold(concertId, "FLOOR-B-1", "FLOOR-B-2", "FLOOR-B-3").status()).isEqualTo(201);
        long cancelled = ReservationApi.as(port, 42).hold(concertId, "FLOOR-C-1").json().get("id").asLong();
        assertThat(ReservationApi.as(port, 42).cancel(cancelled).status()).isEqualTo(200);
        SeatGuard.TakenCount expected = new SeatGuard.TakenCount(5, 3);
        assertThat(guard.takenCount(concertId)).isEqualTo(expected);
        assertThat(databaseCount(concertId)).isEqualTo(expected);

        redisson.getKeys().deleteByPattern(redisPrefix + "*"); // what a flush does to this service

        assertThat(guard.takenCount(concertId)).isEqualTo(expected);
        assertThat(scan(guardHash(concertId), System.currentTimeMillis())).isEqualTo(expected);
    }

    @Test
    void aGuardWrittenBeforeTheIndexExistedIsRebuiltOnce() {
        long concertId = events.concertOnSale(TestEvents.hall(4, 10, Instant.now().plus(7, ChronoUnit.DAYS)));
        assertThat(ReservationApi.as(port, 43).hold(concertId, "FLOOR-D-1", "FLOOR-D-2").status()).isEqualTo(201);
        // as the previous version left it: the hash and a ready marker '1', no expiry index
        redisson.getBucket(key(concertId, "seats-ready"), StringCodec.INSTANCE).set("1");
        redisson.getKeys().delete(key(concertId, "seat-expiries"));

        assertThat(guard.takenCount(concertId)).isEqualTo(new SeatGuard.TakenCount(2, 2));
        assertThat(redisson.getBucket(key(concertId, "seats-ready"), StringCodec.INSTANCE).get()).isEqualTo("2");
    }

    /** Claims 1–4 random seats with a random life (short or an hour), then confirms, releases or keeps them. */
    private void randomClaims(long concertId, List<String> seats) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            List<String> some = new ArrayList<>();
            int n = 1 + random.nextInt(4);
            while (some.size() < n) {
                String seat = seats.get(random.nextInt(seats.size()));
                if (!some.contains(seat)) {
                    some.add(seat);
                }
            }
            Instant expiresAt = random.nextBoolean() ? Instant.now().plusMillis(50 + random.nextInt(1_000))
                    : Instant.now().plus(1, ChronoUnit.HOURS);
            String token;
            try {
                token = guard.hold(concertId, BUYER, some, expiresAt, t -> t);
            } catch (SeatsTaken e) {
                continue;
            }
            switch (random.nextInt(3)) {
                case 0 -> guard.markConfirmed(concertId, BUYER, some, token);
                case 1 -> guard.releaseQuietly(concertId, some, token);
                default -> {
                }
            }
        }
    }

    /** The guard's hash, read whole (what the count replaces). */
    private Map<String, String> guardHash(long concertId) {
        return redisson.<String, String>getMap(key(concertId, "seats"), StringCodec.INSTANCE).readAllMap();
    }

    /** Taken seats of the hash at {@code now}: confirmed (expiry 0) or held beyond now. */
    private static SeatGuard.TakenCount scan(Map<String, String> hash, long now) {
        long taken = 0;
        long held = 0;
        for (String value : hash.values()) {
            long expiry = Long.parseLong(value.substring(0, value.indexOf(':')));
            if (expiry == 0) {
                taken++;
            } else if (expiry > now) {
                taken++;
                held++;
            }
        }
        return new SeatGuard.TakenCount(taken, held);
    }

    /** The query the admission job ran before: the database's active seats. */
    private SeatGuard.TakenCount databaseCount(long concertId) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) AS taken, COALESCE(SUM(r.status = 'HELD'), 0) AS held
                FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                WHERE s.concert_id = ? AND s.active_marker = 1 AND (r.status = 'CONFIRMED' OR r.expires_at > ?)""",
                (rs, i) -> new SeatGuard.TakenCount(rs.getLong("taken"), rs.getLong("held")),
                concertId, Timestamp.from(Instant.now()));
    }

    private String key(long concertId, String name) {
        return redisPrefix + "reservation:{" + concertId + "}:" + name;
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
