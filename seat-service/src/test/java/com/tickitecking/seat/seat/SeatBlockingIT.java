package com.tickitecking.seat.seat;

import com.tickitecking.seat.ThroughTheApi;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatUnblocked;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import com.tickitecking.seat.SeatEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class SeatBlockingIT extends ThroughTheApi {

    static final long OWNER = 9;

    TestHttp owner;

    @BeforeEach
    void setUp() {
        owner = TestHttp.at(port).as(TestTokens.accessToken(OWNER, Role.COMPANY_USER));
    }

    @Test
    void theOwnerBlocksASeatAndReservationServiceHearsOfIt() {
        events.publishAndAwait(ConcertCreated.of(401, 1, SeatEvents.twoSections(OWNER)));

        var response = owner.patch("/api/v1/concerts/401/seats/FLOOR-B-3", Map.of("status", "BLOCKED"));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("BLOCKED");
        assertThat(response.json().get("revision").asLong()).isEqualTo(1);
        List<DomainEvent> published = events.published(EventQueue.RESERVATION, e -> e instanceof com.tickitecking.events.SeatEvent s && s.concertId() == 401, 1);
        assertThat(published).singleElement().isInstanceOfSatisfying(SeatBlocked.class, blocked -> {
            assertThat(blocked.concertId()).isEqualTo(401);
            assertThat(blocked.seat()).isEqualTo("FLOOR-B-3");
            assertThat(blocked.revision()).isEqualTo(1);
        });
        await().atMost(SeatEvents.PATIENCE).untilAsserted(() -> assertThat(bitSet(401, 12)).isTrue());
    }

    @Test
    void unblockingPutsTheSeatBackOnSaleWithTheNextRevision() {
        events.publishAndAwait(ConcertCreated.of(402, 1, SeatEvents.twoSections(OWNER)));
        owner.patch("/api/v1/concerts/402/seats/BALCONY-A-1", Map.of("status", "BLOCKED"));

        var response = owner.patch("/api/v1/concerts/402/seats/BALCONY-A-1", Map.of("status", "AVAILABLE"));

        assertThat(response.json().get("revision").asLong()).isEqualTo(2);
        List<DomainEvent> published = events.published(EventQueue.RESERVATION, e -> e instanceof com.tickitecking.events.SeatEvent s && s.concertId() == 402, 2);
        assertThat(published).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(SeatUnblocked.class,
                unblocked -> assertThat(unblocked.revision()).isEqualTo(2)));
        await().atMost(SeatEvents.PATIENCE).untilAsserted(() -> assertThat(bitSet(402, 20)).isFalse());
    }

    @Test
    void anAdminMayBlockButAnotherCompanyMayNot() {
        events.publishAndAwait(ConcertCreated.of(403, 1, SeatEvents.twoSections(OWNER)));
        var stranger = TestHttp.at(port).as(TestTokens.accessToken(77, Role.COMPANY_USER));
        var admin = TestHttp.at(port).as(TestTokens.accessToken(1, Role.ADMIN));

        var refused = stranger.patch("/api/v1/concerts/403/seats/FLOOR-A-1", Map.of("status", "BLOCKED"));
        var allowed = admin.patch("/api/v1/concerts/403/seats/FLOOR-A-1", Map.of("status", "BLOCKED"));

        assertProblem(refused, 403);
        assertThat(allowed.status()).isEqualTo(200);
    }

    @Test
    void aHeldSeatCannotBeBlocked() {
        events.publishAndAwait(ConcertCreated.of(404, 1, SeatEvents.twoSections(OWNER)));
        events.publishAndAwait(ReservationCreated.of(1, 404, 5, List.of("FLOOR-A-4"), 1, Instant.now().plusSeconds(600)));

        assertProblem(owner.patch("/api/v1/concerts/404/seats/FLOOR-A-4", Map.of("status", "BLOCKED")), 409);
    }

    @Test
    void unknownConcertsAndSeatsAre404AndBadInputIs400NamingTheField() {
        events.publishAndAwait(ConcertCreated.of(405, 1, SeatEvents.twoSections(OWNER)));

        assertProblem(owner.patch("/api/v1/concerts/999999/seats/FLOOR-A-1", Map.of("status", "BLOCKED")), 404);
        assertProblem(owner.patch("/api/v1/concerts/405/seats/FLOOR-Z-1", Map.of("status", "BLOCKED")), 404);
        assertProblem(owner.patch("/api/v1/concerts/405/seats/FLOOR-A-11", Map.of("status", "BLOCKED")), 404);
        var badSeat = owner.patch("/api/v1/concerts/405/seats/floor-a-1", Map.of("status", "BLOCKED"));
        var heldIsNoChoice = owner.patch("/api/v1/concerts/405/seats/FLOOR-A-1", Map.of("status", "HELD"));
        var unknownStatus = owner.patch("/api/v1/concerts/405/seats/FLOOR-A-1", Map.of("status", "BROKEN"));
        var missing = owner.patch("/api/v1/concerts/405/seats/FLOOR-A-1", Map.of());

        assertProblem(badSeat, 400);
        assertThat(badSeat.json().get("errors").get(0).get("field").asString()).isEqualTo("seat");
        assertProblem(heldIsNoChoice, 400);
        assertThat(heldIsNoChoice.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertProblem(unknownStatus, 400);
        assertThat(unknownStatus.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertProblem(missing, 400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    }

    @Test
    void writesNeedAToken() {
        events.publishAndAwait(ConcertCreated.of(406, 1, SeatEvents.twoSections(OWNER)));

        assertProblem(TestHttp.at(port).patch("/api/v1/concerts/406/seats/FLOOR-A-1", Map.of("status", "BLOCKED")), 401);
    }

    private boolean bitSet(long concertId, int index) {
        var response = TestHttp.at(port).get("/api/v1/concerts/" + concertId + "/seats/availability");
        byte[] bits = Base64.getDecoder().decode(response.json().get("unavailable").asString());
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    static void assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
