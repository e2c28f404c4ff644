package com.tickitecking.reservation.reservation;

import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatUnblocked;
import com.tickitecking.platform.security.Role;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class ReservationIT extends ThroughTheApi {

    private static final AtomicLong USERS = new AtomicLong(100);

    long concertId;
    ReservationApi alice;
    ReservationApi bob;

    @BeforeEach
    void concertOnSale() {
        concertId = events.concertOnSale(TestEvents.hall(3, 10, Instant.now().plus(30, ChronoUnit.DAYS)));
        alice = ReservationApi.as(port, USERS.incrementAndGet());
        bob = ReservationApi.as(port, USERS.incrementAndGet());
    }

    @Test
    void holdsTheSeatsUntilExpiryWithTheirGradesAndPrices() {
        var response = alice.hold(concertId, "FLOOR-A-1", "FLOOR-A-2");

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(response.header("Location")).isEqualTo("/api/v1/reservations/" + body.get("id").asLong());
        assertThat(body.get("status").asString()).isEqualTo("HELD");
        assertThat(body.get("concertName").asString()).isEqualTo("Test Concert");
        assertThat(body.get("seats").get(0).get("seat").asString()).isEqualTo("FLOOR-A-1");
        assertThat(body.get("seats").get(0).get("grade").asString()).isEqualTo("R");
        assertThat(body.get("seats").get(0).get("price").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(body.get("total").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(Instant.parse(body.get("expiresAt").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(10)), within(30, ChronoUnit.SECONDS));
    }

    @Test
    void answersAHoldExactlyAsAReadOfItAndARepeatAnswerIt() {
        String key = UUID.randomUUID().toString();
        var held = alice.holdWithKey(concertId, key, "FLOOR-A-3", "FLOOR-A-4");
        long id = held.json().get("id").asLong();

        var read = alice.get(id);
        var repeat = alice.holdWithKey(concertId, key, "FLOOR-A-4", "FLOOR-A-3");

        assertThat(held.status()).isEqualTo(201);
        assertThat(read.body()).isEqualTo(held.body());
        assertThat(repeat.body()).isEqualTo(held.body());
    }

    @Test
    void publishesReservationCreatedWithRevisionOneAndTheExpiry() {
        long id = alice.hold(concertId, "FLOOR-B-1").json().get("id").asLong();

        ReservationCreated created = awaitEvent(ReservationCreated.class, id);
        assertThat(created.revision()).isEqualTo(1);
        assertThat(created.seats()).containsExactly("FLOOR-B-1");
        assertThat(created.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void rejectsSecondHoldOfSameSeatNamingIt() {
        alice.hold(concertId, "FLOOR-A-5");

        var response = bob.hold(concertId, "FLOOR-A-4", "FLOOR-A-5");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("seats").get(0).asString()).isEqualTo("FLOOR-A-5");
    }

    @Test
    void holdsAllSeatsOrNone() {
        alice.hold(concertId, "FLOOR-C-2");

        assertThat(bob.hold(concertId, "FLOOR-C-1", "FLOOR-C-2", "FLOOR-C-3").status()).isEqualTo(409);

        // Nothing of bob's failed attempt stayed behind.
        assertThat(ReservationApi.as(port, USERS.incrementAndGet()).hold(concertId, "FLOOR-C-1", "FLOOR-C-3").status())
                .isEqualTo(201);
    }

    @Test
    void rejectsInvalidSeatListsNamingSeats() {
        List<List<String>> invalid = List.of(List.of(),
                List.of("FLOOR-A-1", "FLOOR-A-2", "FLOOR-A-3", "FLOOR-A-4", "FLOOR-A-5", "FLOOR-A-6", "FLOOR-A-7", "FLOOR-A-8", "FLOOR-A-9"),
                List.of("FLOOR-A-1", "FLOOR-A-1"), List.of("floor a 1"), List.of("FLOOR-A-11"), List.of("BALCONY-A-1"));
        for (List<String> seats : invalid) {
            var response = alice.hold(concertId, seats.toArray(String[]::new));

            assertThat(response.status()).as(seats.toString()).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("seats");
        }
    }

    @Test
    void requiresAnIdempotencyKey() {
        var response = alice.http().post("/api/v1/concerts/" + concertId + "/reservations", Map.of("seats", List.of("FLOOR-A-1")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void answersUnknownConcertWith404AndStartedConcertWith409() {
        assertThat(alice.hold(987654, "FLOOR-A-1").status()).isEqualTo(404);

        long started = events.concertOnSale(TestEvents.hall(1, 5, Instant.now().minusSeconds(60)));
        var response = alice.hold(started, "FLOOR-A-1");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("reason").asString()).isEqualTo("started");
    }

    @Test
    void refusesBlockedSeatsUntilUnblocked() {
        events.publish(SeatBlocked.of(concertId, "FLOOR-B-5", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> alice.hold(concertId, "FLOOR-B-5").status() == 409);
        assertThat(alice.hold(concertId, "FLOOR-B-5").json().get("reason").asString()).isEqualTo("blocked");

        events.publish(SeatUnblocked.of(concertId, "FLOOR-B-5", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> alice.hold(concertId, "FLOOR-B-5").status() == 201);
    }

    @Test
    void ignoresAnOlderSeatEventArrivingLate() {
        events.publish(SeatUnblocked.of(concertId, "FLOOR-B-6", 2));
        events.publish(SeatBlocked.of(concertId, "FLOOR-B-6", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT revision FROM blocked_seat WHERE concert_id = ? AND seat_label = 'FLOOR-B-6'", Long.class, concertId)
                .contains(2L) && processed(2));

        assertThat(alice.hold(concertId, "FLOOR-B-6").status()).isEqualTo(201);
    }

    @Test
    void confirmsAHoldAndPublishesRevisionTwo() {
        long id = alice.hold(concertId, "FLOOR-A-7").json().get("id").asLong();

        var confirmed = alice.confirm(id);

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(awaitEvent(ReservationConfirmed.class, id).revision()).isEqualTo(2);
        assertThat(bob.hold(concertId, "FLOOR-A-7").status()).isEqualTo(409);
    }

    @Test
    void cancellingFreesTheSeats() {
        long id = alice.hold(concertId, "FLOOR-A-8", "FLOOR-A-9").json().get("id").asLong();

        var cancelled = alice.cancel(id);

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(awaitEvent(ReservationCancelled.class, id).revision()).isEqualTo(2);
        assertThat(bob.hold(concertId, "FLOOR-A-8", "FLOOR-A-9").status()).isEqualTo(201);
        assertThat(alice.confirm(id).status()).isEqualTo(409);
    }

    @Test
    void repeatsTheSameAnswerForTheSameIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        var first = alice.holdWithKey(concertId, key, "FLOOR-C-5", "FLOOR-C-6");

        var again = alice.holdWithKey(concertId, key, "FLOOR-C-6", "FLOOR-C-5");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("SELECT COUNT(*) FROM reservation WHERE idempotency_key = ?", key)).isEqualTo(1);
    }

    @Test
    void repeatsTheAnswerAlsoWhenTheSeatsWereGivenUpAndTakenByAnother() {
        String key = UUID.randomUUID().toString();
        long first = alice.holdWithKey(concertId, key, "FLOOR-C-4").json().get("id").asLong();
        assertThat(alice.cancel(first).status()).isEqualTo(200);
        assertThat(bob.hold(concertId, "FLOOR-C-4").status()).isEqualTo(201);

        var again = alice.holdWithKey(concertId, key, "FLOOR-C-4");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(first);
        assertThat(again.json().get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void refusesAnIdempotencyKeyReusedForAnotherRequest() {
        String key = UUID.randomUUID().toString();
        alice.holdWithKey(concertId, key, "FLOOR-C-7");

        var response = alice.holdWithKey(concertId, key, "FLOOR-C-8");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void concurrentRepeatsOfOneKeyCreateOneReservation() throws Exception {
        String key = UUID.randomUUID().toString();
        List<Callable<TestHttp.Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> alice.holdWithKey(concertId, key, "FLOOR-C-9"));
        }
        Set<Integer> statuses = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (Future<TestHttp.Response> answer : pool.invokeAll(attempts)) {
                statuses.add(answer.get().status());
                if (answer.get().status() == 201) {
                    ids.add(answer.get().json().get("id").asLong());
                }
            }
        }

        assertThat(statuses).isSubsetOf(201, 409).contains(201);
        assertThat(ids).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM reservation WHERE idempotency_key = ?", key)).isEqualTo(1);
    }

    @Test
    void anotherUsersReservationIsNotFound() {
        long id = alice.hold(concertId, "FLOOR-B-9").json().get("id").asLong();

        assertThat(bob.get(id).status()).isEqualTo(404);
        assertThat(bob.cancel(id).status()).isEqualTo(404);
        assertThat(bob.confirm(id).status()).isEqualTo(404);
        assertThat(alice.get(id).json().get("status").asString()).isEqualTo("HELD");
    }

    @Test
    void listsTheCallersReservationsWithConcertSeatsAndTotals() {
        var user = ReservationApi.as(port, USERS.incrementAndGet());
        user.hold(concertId, "FLOOR-B-2");
        user.hold(concertId, "FLOOR-B-3", "FLOOR-B-4");

        JsonNode page = user.mine().json();

        assertThat(page.get("totalElements").asLong()).isEqualTo(2);
        JsonNode newest = page.get("content").get(0);
        assertThat(newest.get("concertName").asString()).isEqualTo("Test Concert");
        assertThat(newest.get("concertStartTime").asString()).isNotBlank();
        assertThat(newest.get("seats")).hasSize(2);
        assertThat(newest.get("total").decimalValue()).isEqualByComparingTo("100.00");
    }

    @Test
    void adminsSeeEveryonesReservations() {
        long id = alice.hold(concertId, "FLOOR-B-10").json().get("id").asLong();
        var admin = ReservationApi.asAdmin(port, 1);

        assertThat(admin.get(id).status()).isEqualTo(200);
        var all = admin.http().get("/api/v1/admin/reservations?concertId=" + concertId + "&size=100");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("content").findValuesAsString("id")).isNotNull();
        assertThat(all.json().get("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(alice.http().get("/api/v1/admin/reservations").status()).isEqualTo(403);
    }

    @Test
    void rejectsRequestsWithoutAValidToken() {
        var anonymous = TestHttp.at(port).header("Idempotency-Key", "k")
                .post("/api/v1/concerts/" + concertId + "/reservations", Map.of("seats", List.of("FLOOR-A-1")));
        var forged = TestHttp.at(port).as(TestTokens.forgedToken(5, Role.USER)).get("/api/v1/users/me/reservations");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void countsOutcomesGuardRejectionsAndLockWaits() {
        alice.hold(concertId, "FLOOR-C-10");
        bob.hold(concertId, "FLOOR-C-10");

        String metrics = TestHttp.at(port).get("/actuator/prometheus").body();

        assertThat(metrics).contains("tickitecking_reservations_total{", "outcome=\"held\"", "outcome=\"rejected_taken\"",
                "tickitecking_guard_rejections_total{", "guard=\"redis\"", "tickitecking_lock_wait_seconds",
                "tickitecking_holds_expired_total");
    }

    private boolean processed(int atLeast) {
        return count("SELECT COUNT(*) FROM processed_event WHERE event_type LIKE 'Seat%'") >= atLeast;
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private final List<DomainEvent> seen = new ArrayList<>();

    private <T extends DomainEvent> T awaitEvent(Class<T> type, long reservationId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            seen.addAll(events.drain(EventQueue.SEAT));
            return seen.stream().filter(type::isInstance).map(type::cast)
                    .filter(e -> ((com.tickitecking.events.ReservationEvent) e).reservationId() == reservationId)
                    .findFirst().orElse(null);
        }, java.util.Objects::nonNull);
    }
}
