package com.tickitecking.seat.availability;

import com.tickitecking.seat.ThroughTheApi;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.ReservationExpired;
import com.tickitecking.platform.redis.RedisKeys;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.seat.SeatEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class AvailabilityIT extends ThroughTheApi {

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    AvailabilityRepository bitmap;

    @Test
    void aNewConcertHasEverySeatAvailableAndIsShortLivedInCaches() {
        events.publishAndAwait(ConcertCreated.of(301, 1, SeatEvents.twoSections(9)));

        var response = http.get("/api/v1/concerts/301/seats/availability");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("totalSeats").asInt()).isEqualTo(44);
        assertThat(response.json().get("unavailableSeats").asInt()).isZero();
        assertThat(response.json().get("availableSeats").asInt()).isEqualTo(44);
        assertThat(response.json().get("encoding").asString()).isEqualTo("bitmap-msb0-base64");
        assertThat(Base64.getDecoder().decode(response.json().get("unavailable").asString())).hasSize(6);
        assertThat(response.header("Cache-Control")).contains("max-age=1");
    }

    @Test
    void heldReservedAndFreedSeatsShowInTheBitmap() {
        events.publishAndAwait(ConcertCreated.of(302, 1, SeatEvents.twoSections(9)));
        assertUnavailable(302); // the bitmap is cached from here on

        events.publishAndAwait(ReservationCreated.of(1, 302, 5, List.of("FLOOR-A-1", "BALCONY-A-1"), 1, later()));
        events.publishAndAwait(ReservationCreated.of(2, 302, 6, List.of("BALCONY-C-8"), 1, later()));
        assertUnavailable(302, 0, 20, 43);

        events.publishAndAwait(ReservationConfirmed.of(1, 302, 5, List.of("FLOOR-A-1", "BALCONY-A-1"), 2));
        events.publishAndAwait(ReservationExpired.of(2, 302, 6, List.of("BALCONY-C-8"), 2));

        assertUnavailable(302, 0, 20);
        assertThat(status(302, 0)).isEqualTo("RESERVED");
        assertThat(status(302, 43)).isEqualTo("AVAILABLE");
    }

    @Test
    void aCancelledThatOvertakesItsCreatedLeavesTheSeatsAvailable() {
        events.publishAndAwait(ConcertCreated.of(303, 1, SeatEvents.twoSections(9)));
        assertUnavailable(303);

        events.publishAndAwait(ReservationCancelled.of(10, 303, 5, List.of("FLOOR-B-3"), 2));
        events.publishAndAwait(ReservationCreated.of(10, 303, 5, List.of("FLOOR-B-3"), 1, later()));

        assertUnavailable(303);
        assertThat(status(303, 12)).isEqualTo("AVAILABLE");
    }

    @Test
    void duplicatesChangeNothing() {
        events.publishAndAwait(ConcertCreated.of(304, 1, SeatEvents.twoSections(9)));
        ReservationCreated created = ReservationCreated.of(20, 304, 5, List.of("FLOOR-A-5"), 1, later());
        ReservationCancelled cancelled = ReservationCancelled.of(20, 304, 5, List.of("FLOOR-A-5"), 2);

        events.publishAndAwait(created);
        events.publishAndAwait(cancelled);
        events.publishRaw(EventJson.write(created));
        events.publishRaw(EventJson.write(created));
        events.awaitDrained();

        assertUnavailable(304);
        assertThat(status(304, 4)).isEqualTo("AVAILABLE");
    }

    @Test
    void aLateReleaseOfAnOlderReservationDoesNotFreeASeatANewerOneHolds() {
        events.publishAndAwait(ConcertCreated.of(305, 1, SeatEvents.twoSections(9)));
        assertUnavailable(305);

        // Reservation 30 held the seat and was cancelled; 31 then took it. 31's hold arrives before 30's cancel.
        events.publishAndAwait(ReservationCreated.of(30, 305, 5, List.of("FLOOR-A-2"), 1, later()));
        events.publishAndAwait(ReservationCreated.of(31, 305, 6, List.of("FLOOR-A-2"), 1, later()));
        events.publishAndAwait(ReservationCancelled.of(30, 305, 5, List.of("FLOOR-A-2"), 2));

        assertUnavailable(305, 1);
        assertThat(jdbc.queryForObject("SELECT reservation_id FROM seat WHERE concert_id = 305 AND seat_index = 1", Long.class))
                .isEqualTo(31);
    }

    @Test
    void aLateHoldOfAnOlderReservationDoesNotTakeASeatFromANewerOne() {
        events.publishAndAwait(ConcertCreated.of(306, 1, SeatEvents.twoSections(9)));

        events.publishAndAwait(ReservationCreated.of(41, 306, 6, List.of("FLOOR-A-3"), 1, later()));
        events.publishAndAwait(ReservationCreated.of(40, 306, 5, List.of("FLOOR-A-3"), 1, later()));
        events.publishAndAwait(ReservationCancelled.of(40, 306, 5, List.of("FLOOR-A-3"), 2));

        assertUnavailable(306, 2);
    }

    @Test
    void aMissingBitmapIsRebuiltFromTheDatabaseAndCachedAgain() {
        events.publishAndAwait(ConcertCreated.of(307, 1, SeatEvents.twoSections(9)));
        events.publishAndAwait(ReservationCreated.of(50, 307, 5, List.of("BALCONY-B-4"), 1, later()));
        redis.delete(bitmap.bitmapKey(307));

        assertUnavailable(307, 31);
        assertThat(redis.hasKey(bitmap.bitmapKey(307))).isTrue();
    }

    @Test
    void theEtagMovesWithEverySeatChangeAndAMatchIsABodiless304() {
        events.publishAndAwait(ConcertCreated.of(320, 1, SeatEvents.twoSections(9)));
        String path = "/api/v1/concerts/320/seats/availability";
        http.get(path); // the first read rebuilds and caches the bitmap
        var first = http.get(path);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[^\"]+\"");

        var same = http.header("If-None-Match", etag).get(path);
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.bytes()).isEmpty();
        assertThat(same.header("ETag")).isEqualTo(etag);
        assertThat(same.header("Cache-Control")).contains("max-age=1");

        events.publishAndAwait(ReservationCreated.of(70, 320, 5, List.of("FLOOR-A-2"), 1, later()));
        assertUnavailable(320, 1);
        var changed = http.header("If-None-Match", etag).get(path);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.body()).isNotEqualTo(first.body());
        assertThat(http.header("If-None-Match", changed.header("ETag")).get(path).status()).isEqualTo(304);

        // Forgotten bitmap and counter (as when a concert's seats change wholesale): never an earlier version again.
        bitmap.delete(320);
        var rebuilt = http.header("If-None-Match", changed.header("ETag")).get(path);
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.header("ETag")).isNotIn(etag, changed.header("ETag"));
        assertThat(http.header("If-None-Match", rebuilt.header("ETag")).get(path).status()).isEqualTo(304);
    }

    @Test
    void unknownAndDeletedConcertsAre404() {
        events.publishAndAwait(ConcertCreated.of(308, 1, SeatEvents.twoSections(9)));
        assertThat(http.get("/api/v1/concerts/308/seats/availability").status()).isEqualTo(200);

        events.publishAndAwait(ConcertDeleted.of(308, 2));

        var deleted = http.get("/api/v1/concerts/308/seats/availability");
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/concerts/999999/seats/availability").status()).isEqualTo(404);
    }

    @Test
    void theRebuildIsOneIndexOnlyRangeReadOfTheStatusIndex() {
        var stadium = new com.tickitecking.events.ConcertDetails(9, "Big", Instant.parse("2027-03-01T19:00:00Z"), 1, "Arena",
                com.tickitecking.events.SeatingLayout.grid("MAIN", 26, 120), List.of());
        events.publishAndAwait(ConcertCreated.of(309, 1, stadium));
        events.publishAndAwait(ReservationCreated.of(60, 309, 5, List.of("MAIN-A-1", "MAIN-Z-120"), 1, later()));
        jdbc.execute("ANALYZE TABLE seat");

        var plan = jdbc.queryForMap("EXPLAIN SELECT seat_index FROM seat WHERE concert_id = 309 "
                + "AND status IN ('HELD', 'RESERVED', 'BLOCKED')");

        assertThat(plan.get("key")).isEqualTo("ix_seat_status");
        assertThat(String.valueOf(plan.get("Extra"))).contains("Using index");
        assertUnavailable(309, 0, 3119);
    }

    @Test
    void theOpenApiDocumentExplainsTheBitmapEncoding() {
        var docs = http.get("/v3/api-docs").json();

        var schema = docs.get("components").get("schemas").get("SeatAvailability");
        assertThat(schema.get("properties").get("unavailable").get("description").asString())
                .contains("Base64").contains("most significant bit").contains("SeatIndex");
        assertThat(docs.get("paths").has("/api/v1/concerts/{id}/seats/availability")).isTrue();
        assertThat(docs.get("components").get("schemas").get("SeatMap").get("properties").has("sections")).isTrue();
    }

    /** The bitmap follows the database right after the commit: wait a moment for it. */
    private void assertUnavailable(long concertId, Integer... seats) {
        await().atMost(SeatEvents.PATIENCE).untilAsserted(() -> assertThat(unavailable(concertId)).containsExactly(seats));
    }

    private Set<Integer> unavailable(long concertId) {
        var response = http.get("/api/v1/concerts/" + concertId + "/seats/availability");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        byte[] bits = Base64.getDecoder().decode(response.json().get("unavailable").asString());
        Set<Integer> seats = new TreeSet<>();
        for (int i = 0; i < bits.length * 8; i++) {
            if ((bits[i / 8] & (0x80 >>> (i % 8))) != 0) {
                seats.add(i);
            }
        }
        assertThat(response.json().get("unavailableSeats").asInt()).isEqualTo(seats.size());
        return seats;
    }

    private String status(long concertId, int index) {
        return jdbc.queryForObject("SELECT status FROM seat WHERE concert_id = ? AND seat_index = ?", String.class, concertId, index);
    }

    private static Instant later() {
        return Instant.now().plusSeconds(600);
    }
}
