package com.tickitecking.concert.concert;

import com.tickitecking.concert.ConcertApi;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.events.SeatId;
import com.tickitecking.platform.security.Role;
import com.tickitecking.platform.testing.IntegrationTest;
import com.tickitecking.platform.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.List;

import static com.tickitecking.concert.ConcertApi.concertAtSmallVenue;
import static com.tickitecking.concert.ConcertApi.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The concert events, as seat-service receives them from the outbox. */
@IntegrationTest
class ConcertEventsIT {

    /** SQS refuses bigger messages. */
    private static final int SQS_MAX_MESSAGE_BYTES = 256 * 1024;

    @LocalServerPort
    int port;
    @Value("${tickitecking.messaging.queue-prefix}")
    String queuePrefix;

    TestHttp owner;
    SeatQueue seatQueue;

    @BeforeEach
    void setUp() {
        owner = ConcertApi.at(port).newCaller(Role.COMPANY_USER);
        seatQueue = new SeatQueue(queuePrefix);
    }

    @Test
    void publishesAStadiumConcertWithItsFullLayoutWellUnderTheSqsLimit() {
        long venue = created(owner.post("/api/v1/auditoriums", ConcertApi.stadium("Olympic Stadium")));
        var body = ConcertApi.concertCovering(venue, "Stadium Tour", ConcertApi.inDays(90), List.of("N", "E", "S", "W", "NE", "SW"));
        long id = created(owner.post("/api/v1/concerts", body));

        SeatQueue.Received received = awaitEvent(id, ConcertCreated.class);

        var created = (ConcertCreated) received.event();
        assertThat(created.revision()).isEqualTo(1);
        assertThat(created.details().name()).isEqualTo("Stadium Tour");
        assertThat(created.details().auditoriumId()).isEqualTo(venue);
        assertThat(created.details().auditoriumName()).isEqualTo("Olympic Stadium");
        assertThat(created.details().layout().totalSeats()).isEqualTo(60_000);
        assertThat(created.details().gradeOf(SeatId.parse("SW-R50-200")).name()).isEqualTo("STANDARD");
        LoggerFactory.getLogger(ConcertEventsIT.class).info("60,000-seat stadium ConcertCreated: {} bytes", received.bytes());
        assertThat(received.bytes()).isLessThan(SQS_MAX_MESSAGE_BYTES / 8);
    }

    @Test
    void carriesOwnerStartTimeAndGradesAndARevisionThatGrowsWithEveryChange() {
        long venue = created(owner.post("/api/v1/auditoriums", ConcertApi.smallVenue("Blue Square")));
        var body = concertAtSmallVenue(venue, "First");
        long id = created(owner.post("/api/v1/concerts", body));
        owner.put("/api/v1/concerts/" + id, concertAtSmallVenue(venue, "Second"));
        owner.delete("/api/v1/concerts/" + id);

        var created = (ConcertCreated) awaitEvent(id, ConcertCreated.class).event();
        var updated = (ConcertUpdated) awaitEvent(id, ConcertUpdated.class).event();
        var deleted = (ConcertDeleted) awaitEvent(id, ConcertDeleted.class).event();

        assertThat(created.details().ownerId()).isPositive();
        assertThat(created.details().startTime().toString()).isEqualTo(body.get("startTime"));
        assertThat(created.details().grades()).extracting(g -> g.name()).containsExactly("VIP", "R");
        assertThat(created.details().gradeOf(SeatId.parse("BALC-A-5")).price()).isEqualByComparingTo("90000");
        assertThat(List.of(created.revision(), updated.revision(), deleted.revision())).containsExactly(1L, 2L, 3L);
        assertThat(updated.details().name()).isEqualTo("Second");
    }

    @Test
    void republishesTheConcertsOfARenamedVenue() {
        long venue = created(owner.post("/api/v1/auditoriums", ConcertApi.smallVenue("Old Hall")));
        long id = created(owner.post("/api/v1/concerts", concertAtSmallVenue(venue, "Residency")));

        owner.put("/api/v1/auditoriums/" + venue, ConcertApi.smallVenue("New Hall"));

        var updated = (ConcertUpdated) awaitEvent(id, ConcertUpdated.class).event();
        assertThat(updated.revision()).isEqualTo(2);
        assertThat(updated.details().auditoriumName()).isEqualTo("New Hall");
        assertThat(ConcertApi.at(port).http().get("/api/v1/concerts/" + id).json().get("venue").get("name").asString())
                .isEqualTo("New Hall");
    }

    private SeatQueue.Received awaitEvent(long concertId, Class<? extends ConcertEvent> type) {
        return await().atMost(Duration.ofSeconds(15)).until(
                () -> seatQueue.poll().stream()
                        .filter(r -> type.isInstance(r.event()) && ((ConcertEvent) r.event()).concertId() == concertId)
                        .findFirst().orElse(null),
                r -> r != null);
    }
}
