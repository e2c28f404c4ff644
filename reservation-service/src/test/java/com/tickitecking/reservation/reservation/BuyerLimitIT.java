package com.tickitecking.reservation.reservation;

import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The concert's tickets per buyer: one account's active holds and confirmed seats together never pass it, however
 * many holds it sends at once; cancelled and lapsed holds give their seats back to the allowance.
 */
@IntegrationTest
@TestPropertySource(properties = "tickitecking.reservation.concert-cache.ttl=0s")
class BuyerLimitIT extends ThroughTheApi {

    private static final AtomicLong USERS = new AtomicLong(500);
    private static final int PARALLEL_HOLDS = 50;

    @Value("${tickitecking.redis.key-prefix}")
    String redisPrefix;
    @Autowired
    RedissonClient redisson;

    @Test
    void fiftyParallelHoldsByOneBuyerNeverTakeMoreThanTheLimitAndTheRefusedSeatsStayFree() throws Exception {
        long concertId = events.concertOnSale(TestEvents.hall(13, 10, inDays(30)));
        long buyer = USERS.incrementAndGet();
        var api = ReservationApi.as(port, buyer);
        List<List<String>> requests = distinctSeatSets(PARALLEL_HOLDS);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<TestHttp.Response>> holds = new ArrayList<>();
        for (List<String> seats : requests) {
            holds.add(() -> {
                start.await();
                return api.hold(concertId, seats);
            });
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger mostSeen = new AtomicInteger();
        var sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                mostSeen.accumulateAndGet(activeSeatsOf(buyer, concertId), Math::max);
            }
        });

        List<TestHttp.Response> answers = new ArrayList<>();
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(PARALLEL_HOLDS)) {
            List<Future<TestHttp.Response>> futures = new ArrayList<>();
            holds.forEach(hold -> futures.add(pool.submit(hold)));
            start.countDown();
            for (Future<TestHttp.Response> future : futures) {
                answers.add(future.get());
            }
        } finally {
            running.set(false);
            sampler.join();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        int granted = 0;
        Set<String> refusedSeats = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            TestHttp.Response answer = answers.get(i);
            assertThat(answer.status()).as(answer.toString()).isIn(201, 409);
            if (answer.status() == 201) {
                granted += requests.get(i).size();
                continue;
            }
            assertThat(answer.contentType()).startsWith("application/problem+json");
            JsonNode problem = answer.json();
            int held = problem.get("held").asInt();
            assertThat(problem.get("reason").asString()).isEqualTo("limit");
            assertThat(problem.get("limit").asInt()).isEqualTo(8);
            assertThat(problem.get("requested").asInt()).isEqualTo(requests.get(i).size());
            assertThat(held + requests.get(i).size()).as("refused only when it would pass the limit").isGreaterThan(8);
            assertThat(problem.get("detail").asString()).contains("at most 8 tickets", "already have " + held);
            refusedSeats.addAll(requests.get(i));
        }
        LoggerFactory.getLogger(BuyerLimitIT.class).info("{} parallel holds by one buyer: {} granted ({} seats), {} refused, in {} ms",
                PARALLEL_HOLDS, answers.stream().filter(a -> a.status() == 201).count(), granted,
                answers.stream().filter(a -> a.status() == 409).count(), millis);
        assertThat(granted).isBetween(1, 8);
        assertThat(activeSeatsOf(buyer, concertId)).isEqualTo(granted);
        assertThat(mostSeen.get()).as("the most the buyer ever had at once").isLessThanOrEqualTo(8);
        assertThat(answers).filteredOn(a -> a.status() == 409).hasSizeGreaterThanOrEqualTo(PARALLEL_HOLDS - 8);
        // What the limit refused was given back to the seat guard: the Redis hash has only the granted seats,
        // and anyone else may hold a refused seat.
        assertThat(redisson.getMap(redisPrefix + "reservation:{" + concertId + "}:seats", StringCodec.INSTANCE).keySet())
                .hasSize(granted).doesNotContainAnyElementsOf(refusedSeats);
        String refused = refusedSeats.iterator().next();
        assertThat(ReservationApi.as(port, USERS.incrementAndGet()).hold(concertId, refused).status()).isEqualTo(201);
    }

    @Test
    void confirmedSeatsCountTowardsTheLimitTogetherWithHeldOnes() {
        long concertId = events.concertOnSale(TestEvents.withBuyerLimit(TestEvents.hall(2, 10, inDays(30)), 3));
        var buyer = ReservationApi.as(port, USERS.incrementAndGet());
        long confirmed = id(buyer.hold(concertId, "FLOOR-A-1", "FLOOR-A-2"));
        assertThat(buyer.confirm(confirmed).status()).isEqualTo(200);

        assertThat(buyer.hold(concertId, "FLOOR-A-3").status()).isEqualTo(201);
        var refused = buyer.hold(concertId, "FLOOR-A-4");

        assertLimitReached(refused, 3, 3);
        assertThat(ReservationApi.as(port, USERS.incrementAndGet()).hold(concertId, "FLOOR-A-4", "FLOOR-A-5").status())
                .as("another buyer has an allowance of their own").isEqualTo(201);
    }

    @Test
    void aCancelledHoldGivesItsSeatsBackToTheAllowance() {
        long concertId = events.concertOnSale(TestEvents.withBuyerLimit(TestEvents.hall(2, 10, inDays(30)), 4));
        var buyer = ReservationApi.as(port, USERS.incrementAndGet());
        long first = id(buyer.hold(concertId, "FLOOR-A-1", "FLOOR-A-2", "FLOOR-A-3", "FLOOR-A-4"));
        assertLimitReached(buyer.hold(concertId, "FLOOR-B-1"), 4, 4);

        assertThat(buyer.cancel(first).status()).isEqualTo(200);

        assertThat(buyer.hold(concertId, "FLOOR-B-1", "FLOOR-B-2", "FLOOR-B-3", "FLOOR-B-4").status()).isEqualTo(201);
    }

    @Test
    void aHoldThatRanOutGivesItsSeatsBackEvenBeforeTheSweeperWritesItDown() {
        long concertId = events.concertOnSale(TestEvents.withBuyerLimit(TestEvents.hall(2, 10, inDays(30)), 2));
        var buyer = ReservationApi.as(port, USERS.incrementAndGet());
        long first = id(buyer.hold(concertId, "FLOOR-A-1", "FLOOR-A-2"));
        assertLimitReached(buyer.hold(concertId, "FLOOR-B-1"), 2, 2);

        jdbc.update("UPDATE reservation SET expires_at = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), first);

        assertThat(buyer.hold(concertId, "FLOOR-B-1", "FLOOR-B-2").status()).isEqualTo(201);
    }

    @Test
    void aLimitChangedByConcertUpdatedAppliesToTheNextHold() {
        var hall = TestEvents.hall(2, 10, inDays(30));
        long concertId = events.concertOnSale(hall);
        var buyer = ReservationApi.as(port, USERS.incrementAndGet());
        assertThat(buyer.hold(concertId, "FLOOR-A-1", "FLOOR-A-2", "FLOOR-A-3", "FLOOR-A-4").status()).isEqualTo(201);

        events.publish(ConcertUpdated.of(concertId, 2, TestEvents.withBuyerLimit(hall, 4)));
        events.awaitConcert(concertId, 2);
        assertLimitReached(buyer.hold(concertId, "FLOOR-A-5"), 4, 4);

        events.publish(ConcertUpdated.of(concertId, 3, TestEvents.withBuyerLimit(hall, 6)));
        events.awaitConcert(concertId, 3);
        assertThat(buyer.hold(concertId, "FLOOR-A-5", "FLOOR-A-6").status()).isEqualTo(201);
        assertLimitReached(buyer.hold(concertId, "FLOOR-A-7"), 6, 6);
    }

    private static void assertLimitReached(TestHttp.Response response, int limit, int held) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("reason").asString()).isEqualTo("limit");
        assertThat(problem.get("limit").asInt()).isEqualTo(limit);
        assertThat(problem.get("held").asInt()).isEqualTo(held);
        assertThat(problem.get("detail").asString()).contains("at most " + limit + " tickets", "already have " + held);
    }

    private int activeSeatsOf(long userId, long concertId) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                WHERE r.user_id = ? AND r.concert_id = ? AND r.status IN ('HELD', 'CONFIRMED')""",
                Integer.class, userId, concertId);
    }

    /** {@code count} requests of 1 to 4 seats each, no seat in two of them, in rows A, B, … of 10 seats. */
    private static List<List<String>> distinctSeatSets(int count) {
        List<List<String>> sets = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < count; i++) {
            List<String> seats = new ArrayList<>();
            for (int s = 0; s <= i % 4; s++, next++) {
                seats.add("FLOOR-" + (char) ('A' + next / 10) + "-" + (1 + next % 10));
            }
            sets.add(seats);
        }
        return sets;
    }

    private static long id(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS);
    }
}
