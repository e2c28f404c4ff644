package com.tickitecking.seat.seat;

import com.tickitecking.seat.ThroughTheApi;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.seat.SeatEvents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SeatMapIT extends ThroughTheApi {

    @Test
    void showsSectionsRowsSeatCountsAndGradeRunsWithoutAToken() {
        events.publishAndAwait(ConcertCreated.of(201, 1, SeatEvents.twoSections(9)));

        var response = http.get("/api/v1/concerts/201/seats");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var map = response.json();
        assertThat(map.get("totalSeats").asInt()).isEqualTo(44);
        assertThat(map.get("sections")).hasSize(2);
        var floorB = map.get("sections").get(0).get("rows").get(1);
        assertThat(floorB.get("label").asString()).isEqualTo("B");
        assertThat(floorB.get("seats").asInt()).isEqualTo(10);
        assertThat(floorB.get("firstIndex").asInt()).isEqualTo(10);
        assertThat(floorB.get("runs")).hasSize(1);
        assertThat(floorB.get("runs").get(0).get("grade").asString()).isEqualTo("R");
        assertThat(floorB.get("runs").get(0).get("price").decimalValue()).isEqualByComparingTo("100");
        var balconyC = map.get("sections").get(1).get("rows").get(2);
        assertThat(balconyC.get("firstIndex").asInt()).isEqualTo(36);
        assertThat(balconyC.get("runs").get(0).get("to").asInt()).isEqualTo(8);
    }

    @Test
    void isCacheableWithAStrongEtagAndAnswers304WhenUnchanged() {
        events.publishAndAwait(ConcertCreated.of(202, 1, SeatEvents.twoSections(9)));

        var first = http.get("/api/v1/concerts/202/seats");
        String etag = first.header("ETag");
        var again = http.header("If-None-Match", etag).get("/api/v1/concerts/202/seats");

        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        assertThat(first.header("Cache-Control")).contains("max-age=60").contains("public");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.bytes()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
    }

    @Test
    void aRegradeChangesTheEtag() {
        events.publishAndAwait(ConcertCreated.of(203, 1, SeatEvents.twoSections(9)));
        String etag = http.get("/api/v1/concerts/203/seats").header("ETag");

        events.publishAndAwait(ConcertUpdated.of(203, 2, new com.tickitecking.events.ConcertDetails(9, "Night at the Opera",
                SeatEvents.twoSections(9).startTime(), 7, "Main Hall", SeatEvents.layout(),
                List.of(new SeatGrade("S", new BigDecimal("20.00"), List.of(new SeatGrade.Area("BALCONY", null)))))));
        var after = http.header("If-None-Match", etag).get("/api/v1/concerts/203/seats");

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        assertThat(after.json().get("sections").get(0).get("rows").get(0).get("runs").get(0).get("grade").isNull()).isTrue();
    }

    @Test
    void anUnknownConcertIsA404ProblemAndABadIdA400() {
        var unknown = http.get("/api/v1/concerts/999999/seats");
        var bad = http.get("/api/v1/concerts/abc/seats");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("id");
    }
}
