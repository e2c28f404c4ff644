package com.tickitecking.concert.concert;

import com.tickitecking.concert.ConcertApi;
import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.SeatId;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ProblemAssertions;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.tickitecking.concert.ConcertApi.concertAtSmallVenue;
import static com.tickitecking.concert.ConcertApi.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The concert events, as seat-service receives them from the outbox. */
@IntegrationTest
class ConcertEventsIT {

    @LocalServerPort
    int port;
    @Value("${tickitecking.messaging.queue-prefix}")
    String queuePrefix;
    @Autowired
    JdbcTemplate jdbc;

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
        assertThat(received.bytes()).isLessThan(EventQueue.MAX_MESSAGE_BYTES / 8);
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

    /**
     * At the limits: 100 sections (the most a layout may list) of 40 rows of 25 seats, i.e. the most rows
     * (4,000) and seats (100,000) a venue may have, codes and labels at their longest, every name at its longest
     * in characters JSON escapes as six bytes each, and the most grades there may be.
     */
    @Test
    void publishesTheLargestConcertTheApiAcceptsWithinTheSqsLimit() {
        long venue = created(owner.post("/api/v1/auditoriums", largestVenue(0)));
        long id = created(owner.post("/api/v1/concerts", largestConcert(venue, false)));

        SeatQueue.Received received = awaitEvent(id, ConcertCreated.class);

        var created = (ConcertCreated) received.event();
        assertThat(created.details().layout().totalSeats()).isEqualTo(100_000);
        assertThat(created.details().layout().sections()).hasSize(100).allSatisfy(s -> assertThat(s.rows()).hasSize(40));
        assertThat(created.details().grades()).hasSize(50);
        LoggerFactory.getLogger(ConcertEventsIT.class).info("largest accepted ConcertCreated: {} bytes", received.bytes());
        assertThat(received.bytes()).isLessThanOrEqualTo(EventQueue.MAX_MESSAGE_BYTES);
    }

    @Test
    void refusesAVenueOfOneRowMoreThanTheLargest() {
        var response = owner.post("/api/v1/auditoriums", largestVenue(1));

        ProblemAssertions.assertInvalid(response, "layout");
        assertThat(response.json().get("detail").asString()).contains("more than 4000 rows");
    }

    @Test
    void refusesAConcertWhoseGradesWouldMakeItsEventTooLargeForOneMessage() {
        long venue = created(owner.post("/api/v1/auditoriums", largestVenue(0)));

        var response = owner.post("/api/v1/concerts", largestConcert(venue, true));

        ProblemAssertions.assertProblem(response, 400);
        assertThat(response.json().get("detail").asString()).contains("bytes").contains("at most 262144")
                .contains("name whole sections");
        assertThat(response.json().get("eventBytes").asInt()).isGreaterThan(EventQueue.MAX_MESSAGE_BYTES);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM concert WHERE auditorium_id = ?", Long.class, venue)).isZero();
    }

    /** The largest venue, plus {@code extraRows} in its first section (with fewer seats each, under 100,000). */
    private static Map<String, Object> largestVenue(int extraRows) {
        List<Object> sections = new ArrayList<>();
        for (int s = 0; s < 100; s++) {
            List<String> labels = new ArrayList<>();
            for (int r = 0; r < 40 + (s == 0 ? extraRows : 0); r++) {
                labels.add("R%04d".formatted(r));
            }
            sections.add(Map.of("code", "SECTION%03d".formatted(s), "name", escaped("S", 100), "rowLabels", labels,
                    "seatsPerRow", extraRows == 0 ? 25 : 24));
        }
        return ConcertApi.venue(escaped("V", 100), sections);
    }

    /**
     * 50 grades with the longest names and price. Each names two whole sections, or, {@code rowByRow}, every row
     * of them as an area of its own: the largest grades may be.
     */
    private static Map<String, Object> largestConcert(long venue, boolean rowByRow) {
        List<Object> grades = new ArrayList<>();
        for (int g = 0; g < 50; g++) {
            List<Object> areas = new ArrayList<>();
            for (String section : List.of("SECTION%03d".formatted(2 * g), "SECTION%03d".formatted(2 * g + 1))) {
                if (rowByRow) {
                    for (int r = 0; r < 40; r++) {
                        areas.add(ConcertApi.area(section, List.of("R%04d".formatted(r))));
                    }
                } else {
                    areas.add(ConcertApi.area(section, null));
                }
            }
            grades.add(ConcertApi.grade(escaped("G%02d".formatted(g), 50), new BigDecimal("100000000"), areas));
        }
        return ConcertApi.concert(venue, escaped("C", 200), ConcertApi.inDays(60), grades);
    }

    /** {@code length} characters: the prefix, then control characters, which JSON escapes as six bytes each. */
    private static String escaped(String prefix, int length) {
        return prefix + "\u0001".repeat(length - prefix.length());
    }

    private SeatQueue.Received awaitEvent(long concertId, Class<? extends ConcertEvent> type) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> seatQueue.poll().stream()
                        .filter(r -> type.isInstance(r.event()) && ((ConcertEvent) r.event()).concertId() == concertId)
                        .findFirst().orElse(null),
                r -> r != null);
    }
}
