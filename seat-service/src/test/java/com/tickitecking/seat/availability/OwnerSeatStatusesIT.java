package com.tickitecking.seat.availability;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.platform.security.Role;
import com.tickitecking.seat.SeatEvents;
import com.tickitecking.seat.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class OwnerSeatStatusesIT extends ThroughTheApi {

    static final long OWNER = 19;

    private TestHttp owner() {
        return TestHttp.at(port).as(TestTokens.accessToken(OWNER, Role.COMPANY_USER));
    }

    private static int status(TestHttp.Response response, int index) {
        byte[] bytes = Base64.getDecoder().decode(response.json().get("statuses").asString());
        return (bytes[index / 4] >>> (6 - 2 * (index % 4))) & 3;
    }

    @Test
    void tellsTheOwnerBlockedFromHeldAndSold() {
        events.publishAndAwait(ConcertCreated.of(4601, 1, SeatEvents.twoSections(OWNER)));
        events.publishAndAwait(ReservationCreated.of(46011, 4601, 5, List.of("FLOOR-A-1"), 1, Instant.now().plusSeconds(600)));
        events.publishAndAwait(ReservationCreated.of(46012, 4601, 6, List.of("FLOOR-A-2"), 1, Instant.now().plusSeconds(600)));
        events.publishAndAwait(ReservationConfirmed.of(46012, 4601, 6, List.of("FLOOR-A-2"), 2));
        owner().patch("/api/v1/concerts/4601/seats/BALCONY-A-1", Map.of("status", "BLOCKED"));

        var response = owner().get("/api/v1/concerts/4601/seats/statuses");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("encoding").asString()).isEqualTo("2bit-msb0-base64");
        assertThat(List.of(status(response, 0), status(response, 1), status(response, 20), status(response, 2)))
                .containsExactly(1, 2, 3, 0);
        assertThat(List.of(response.json().get("heldSeats").asInt(), response.json().get("reservedSeats").asInt(),
                response.json().get("blockedSeats").asInt(), response.json().get("availableSeats").asInt()))
                .containsExactly(1, 1, 1, 41);
        assertThat(Base64.getDecoder().decode(response.json().get("statuses").asString())).hasSize(11);
    }

    @Test
    void answersAnUnchangedMapWith304AndAChangedOneAnew() {
        events.publishAndAwait(ConcertCreated.of(4602, 1, SeatEvents.twoSections(OWNER)));
        owner().patch("/api/v1/concerts/4602/seats/FLOOR-B-1", Map.of("status", "BLOCKED"));
        String etag = owner().get("/api/v1/concerts/4602/seats/statuses").header("ETag");

        var unchanged = owner().header("If-None-Match", etag).get("/api/v1/concerts/4602/seats/statuses");
        owner().patch("/api/v1/concerts/4602/seats/FLOOR-B-2", Map.of("status", "BLOCKED"));
        var changed = owner().header("If-None-Match", etag).get("/api/v1/concerts/4602/seats/statuses");

        assertThat(etag).isNotBlank();
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(status(changed, 11)).isEqualTo(3);
    }

    @Test
    void aHoldBecomingSoldChangesTheETagThoughItsAvailabilityBitStays() {
        events.publishAndAwait(ConcertCreated.of(4603, 1, SeatEvents.twoSections(OWNER)));
        events.publishAndAwait(ReservationCreated.of(46031, 4603, 5, List.of("FLOOR-A-5"), 1, Instant.now().plusSeconds(600)));
        String etag = owner().get("/api/v1/concerts/4603/seats/statuses").header("ETag");

        events.publishAndAwait(ReservationConfirmed.of(46031, 4603, 5, List.of("FLOOR-A-5"), 2));

        await().atMost(SeatEvents.PATIENCE).untilAsserted(() -> {
            var response = owner().header("If-None-Match", etag).get("/api/v1/concerts/4603/seats/statuses");
            assertThat(response.status()).isEqualTo(200);
            assertThat(status(response, 4)).isEqualTo(2);
        });
    }

    @Test
    void anAdminMaySeeThemButNotAnotherCompanyNorABuyer() {
        events.publishAndAwait(ConcertCreated.of(4604, 1, SeatEvents.twoSections(OWNER)));

        var admin = TestHttp.at(port).as(TestTokens.accessToken(1, Role.ADMIN)).get("/api/v1/concerts/4604/seats/statuses");
        var stranger = TestHttp.at(port).as(TestTokens.accessToken(77, Role.COMPANY_USER)).get("/api/v1/concerts/4604/seats/statuses");
        var buyer = TestHttp.at(port).as(TestTokens.accessToken(78, Role.USER)).get("/api/v1/concerts/4604/seats/statuses");

        assertThat(admin.status()).isEqualTo(200);
        assertProblem(stranger, 403);
        assertProblem(buyer, 403);
    }

    @Test
    void refusesAnonymousCallersAndAnswersAnUnknownConcertWith404() {
        events.publishAndAwait(ConcertCreated.of(4605, 1, SeatEvents.twoSections(OWNER)));

        assertProblem(TestHttp.at(port).get("/api/v1/concerts/4605/seats/statuses"), 401);
        assertProblem(owner().get("/api/v1/concerts/4699/seats/statuses"), 404);
    }

    private static void assertProblem(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
