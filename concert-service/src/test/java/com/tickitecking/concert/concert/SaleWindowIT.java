package com.tickitecking.concert.concert;

import com.tickitecking.concert.ConcertApi;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.tickitecking.concert.ConcertApi.concertAtSmallVenue;
import static com.tickitecking.concert.ConcertApi.created;
import static com.tickitecking.concert.ConcertApi.inDays;
import static com.tickitecking.testing.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The organiser's sale window and waiting room: set on create and update, shown, checked, carried by the events. */
@IntegrationTest
class SaleWindowIT {

    @LocalServerPort
    int port;
    @Value("${tickitecking.messaging.queue-prefix}")
    String queuePrefix;

    ConcertApi api;
    TestHttp owner;
    long venue;
    SeatQueue seatQueue;

    @BeforeEach
    void setUp() {
        api = ConcertApi.at(port);
        owner = api.newCaller(Role.COMPANY_USER);
        venue = created(owner.post("/api/v1/auditoriums", ConcertApi.smallVenue("Sale Hall")));
        seatQueue = new SeatQueue(queuePrefix);
    }

    @Test
    void aConcertWithoutASaleWindowIsOnSaleNowWithoutAWaitingRoomAndItsEventSaysSo() {
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "Walk-up")));

        JsonNode detail = api.http().get("/api/v1/concerts/" + id).json();

        assertThat(detail.get("saleStartsAt").isNull()).isTrue();
        assertThat(detail.get("saleEndsAt").isNull()).isTrue();
        assertThat(detail.get("waitingRoom").asBoolean()).isFalse();
        ConcertDetails details = awaitEvent(id, ConcertCreated.class).details();
        assertThat(details.saleStartsAt()).isNull();
        assertThat(details.saleEndsAt()).isNull();
        assertThat(details.waitingRoom()).isFalse();
    }

    @Test
    void aSaleOpeningLaterIsShownInTheDetailAndTheListingWithItsWaitingRoomOnAndTravelsInTheEvent() {
        Instant opens = inDays(2);
        Instant ends = inDays(20);
        String name = "Rush" + System.nanoTime();

        long id = created(owner.post("/api/v1/concerts", withSale(concertAtSmallVenue(venue, name), opens, ends, null)));

        JsonNode detail = api.http().get("/api/v1/concerts/" + id).json();
        assertThat(Instant.parse(detail.get("saleStartsAt").asString())).isEqualTo(opens);
        assertThat(Instant.parse(detail.get("saleEndsAt").asString())).isEqualTo(ends);
        assertThat(detail.get("waitingRoom").asBoolean()).as("on by default: the sale opens later").isTrue();
        JsonNode summary = api.http().get("/api/v1/concerts?name=" + name).json().get("content").get(0);
        assertThat(Instant.parse(summary.get("saleStartsAt").asString())).isEqualTo(opens);
        assertThat(Instant.parse(summary.get("saleEndsAt").asString())).isEqualTo(ends);
        assertThat(summary.get("waitingRoom").asBoolean()).isTrue();
        ConcertDetails details = awaitEvent(id, ConcertCreated.class).details();
        assertThat(details.saleStartsAt()).isEqualTo(opens);
        assertThat(details.saleEndsAt()).isEqualTo(ends);
        assertThat(details.waitingRoom()).isTrue();
    }

    @Test
    void anUpdateChangesTheWindowKeepsALeftOutWaitingRoomAndTurnsItOffWhenAsked() {
        long id = created(owner.post("/api/v1/concerts", withSale(concertAtSmallVenue(venue, "Moved sale"), inDays(2), null, null)));
        Instant opens = inDays(5);

        var kept = owner.put("/api/v1/concerts/" + id, withSale(concertAtSmallVenue(venue, "Moved sale"), opens, null, null));
        var off = owner.put("/api/v1/concerts/" + id, withSale(concertAtSmallVenue(venue, "Moved sale"), opens, null, false));

        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(Instant.parse(kept.json().get("saleStartsAt").asString())).isEqualTo(opens);
        assertThat(kept.json().get("waitingRoom").asBoolean()).isTrue();
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().get("waitingRoom").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(seatQueue.poll().stream()
                .filter(r -> r.event() instanceof ConcertUpdated u && u.concertId() == id && u.revision() == 3)
                .map(r -> ((ConcertUpdated) r.event()).details().waitingRoom()))
                .containsExactly(false));
    }

    @Test
    void refusesAWindowNotBeforeTheStartOrEndingBeforeItOpensOnCreateAndUpdateNamingTheField() {
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "Valid")));
        Instant start = inDays(30); // concertAtSmallVenue's start

        var opensAfterStart = withSale(concertAtSmallVenue(venue, "Invalid"), start.plusSeconds(60), null, null);
        var endsAfterStart = withSale(concertAtSmallVenue(venue, "Invalid"), null, start.plusSeconds(60), null);
        var endsBeforeOpening = withSale(concertAtSmallVenue(venue, "Invalid"), inDays(3), inDays(2), null);

        assertInvalid(owner.post("/api/v1/concerts", opensAfterStart), "saleStartsAt");
        assertInvalid(owner.post("/api/v1/concerts", endsAfterStart), "saleEndsAt");
        var backwards = owner.post("/api/v1/concerts", endsBeforeOpening);
        assertInvalid(backwards, "saleEndsAt");
        assertThat(backwards.json().get("detail").asString()).contains("must be after saleStartsAt");
        assertInvalid(owner.put("/api/v1/concerts/" + id, opensAfterStart), "saleStartsAt");
        assertInvalid(owner.put("/api/v1/concerts/" + id, endsAfterStart), "saleEndsAt");
        assertInvalid(owner.put("/api/v1/concerts/" + id, endsBeforeOpening), "saleEndsAt");
        assertThat(api.http().get("/api/v1/concerts/" + id).json().get("revision").asLong()).isEqualTo(1);
    }

    @Test
    void refusesASaleWindowForAConcertThatStartsInThePast() {
        var past = concertAtSmallVenue(venue, "Yesterday");
        past.put("startTime", Instant.now().minus(Duration.ofDays(1)).toString());

        assertInvalid(owner.post("/api/v1/concerts", withSale(past, inDays(-3), inDays(-2), true)), "startTime");
    }

    private static Map<String, Object> withSale(Map<String, Object> concert, Instant startsAt, Instant endsAt,
                                                Boolean waitingRoom) {
        if (startsAt != null) {
            concert.put("saleStartsAt", startsAt.toString());
        }
        if (endsAt != null) {
            concert.put("saleEndsAt", endsAt.toString());
        }
        if (waitingRoom != null) {
            concert.put("waitingRoom", waitingRoom);
        }
        return concert;
    }

    private <T extends ConcertEvent> T awaitEvent(long concertId, Class<T> type) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> seatQueue.poll().stream()
                        .filter(r -> type.isInstance(r.event()) && ((ConcertEvent) r.event()).concertId() == concertId)
                        .map(r -> type.cast(r.event()))
                        .findFirst().orElse(null),
                e -> e != null);
    }
}
