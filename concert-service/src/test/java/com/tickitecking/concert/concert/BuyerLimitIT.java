package com.tickitecking.concert.concert;

import com.tickitecking.concert.ConcertApi;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;

import static com.tickitecking.concert.ConcertApi.concertAtSmallVenue;
import static com.tickitecking.concert.ConcertApi.created;
import static com.tickitecking.testing.ProblemAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The organiser's buyer limit: set per concert, checked against the configured most, carried by the events. */
@IntegrationTest
@TestPropertySource(properties = "tickitecking.concerts.max-tickets-per-buyer=20")
class BuyerLimitIT {

    @LocalServerPort
    int port;
    @Value("${tickitecking.messaging.queue-prefix}")
    String queuePrefix;

    TestHttp owner;
    long venue;
    SeatQueue seatQueue;

    @BeforeEach
    void setUp() {
        owner = ConcertApi.at(port).newCaller(Role.COMPANY_USER);
        venue = created(owner.post("/api/v1/auditoriums", ConcertApi.smallVenue("Limit Hall")));
        seatQueue = new SeatQueue(queuePrefix);
    }

    @Test
    void aConcertWithoutALimitAllowsEightTicketsPerBuyerAndItsEventSaysSo() {
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "Default limit")));

        assertThat(ConcertApi.at(port).http().get("/api/v1/concerts/" + id).json().get("maxTicketsPerBuyer").asInt())
                .isEqualTo(8);
        assertThat(awaitEvent(id, ConcertCreated.class).details().maxTicketsPerBuyer()).isEqualTo(8);
    }

    @Test
    void theOrganisersLimitIsShownAndTravelsInTheCreatedAndUpdatedEvents() {
        long id = created(owner.post("/api/v1/concerts", withLimit(concertAtSmallVenue(venue, "Limited"), 2)));

        var changed = owner.put("/api/v1/concerts/" + id, withLimit(concertAtSmallVenue(venue, "Limited"), 20));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("maxTicketsPerBuyer").asInt()).isEqualTo(20);
        assertThat(awaitEvent(id, ConcertCreated.class).details().maxTicketsPerBuyer()).isEqualTo(2);
        ConcertUpdated updated = awaitEvent(id, ConcertUpdated.class);
        assertThat(updated.revision()).isEqualTo(2);
        assertThat(updated.details().maxTicketsPerBuyer()).isEqualTo(20);
    }

    @Test
    void refusesALimitBelowOneOrAboveTheConfiguredMostOnCreateAndUpdate() {
        long id = created(owner.post("/api/v1/concerts", withLimit(concertAtSmallVenue(venue, "Valid"), 1)));

        for (int limit : new int[]{0, -1, 21, 1000}) {
            var create = owner.post("/api/v1/concerts", withLimit(concertAtSmallVenue(venue, "Invalid"), limit));
            var update = owner.put("/api/v1/concerts/" + id, withLimit(concertAtSmallVenue(venue, "Invalid"), limit));

            assertInvalid(create, "maxTicketsPerBuyer");
            assertInvalid(update, "maxTicketsPerBuyer");
            assertThat(create.json().get("detail").asString()).as(create.toString()).contains("1 to 20");
        }
        var unchanged = ConcertApi.at(port).http().get("/api/v1/concerts/" + id).json();
        assertThat(unchanged.get("maxTicketsPerBuyer").asInt()).isEqualTo(1);
        assertThat(unchanged.get("revision").asLong()).isEqualTo(1);
    }

    private static Map<String, Object> withLimit(Map<String, Object> concert, int limit) {
        concert.put("maxTicketsPerBuyer", limit);
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
