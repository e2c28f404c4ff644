package com.tickitecking.seat;

import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.testing.ServiceQueue;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Test helper: plays concert-service and reservation-service by putting their events on this test class's
 * seat-events queue, and waits for seat-service to have applied them (the kit's {@link ServiceQueue}); builds the
 * concerts the tests use.
 */
public final class SeatEvents {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private final String queuePrefix;
    private final ServiceQueue queue;

    public SeatEvents(String queuePrefix, JdbcTemplate jdbc) {
        this.queuePrefix = queuePrefix;
        this.queue = ServiceQueue.of(EventQueue.SEAT, queuePrefix, jdbc.getDataSource());
    }

    /**
     * Two sections: FLOOR rows A and B of 10 seats (VIP row A at 150, R row B at 100) and BALCONY rows A-C of 8
     * seats (S at 50): 44 seats, FLOOR-A-1 is index 0, BALCONY-A-1 is index 20.
     */
    public static ConcertDetails twoSections(long ownerId) {
        return new ConcertDetails(ownerId, "Night at the Opera", Instant.parse("2027-03-01T19:00:00Z"), 7, "Main Hall",
                layout(), List.of(
                new SeatGrade("VIP", new BigDecimal("150.00"), List.of(new SeatGrade.Area("FLOOR", List.of("A")))),
                new SeatGrade("R", new BigDecimal("100.00"), List.of(new SeatGrade.Area("FLOOR", List.of("B")))),
                new SeatGrade("S", new BigDecimal("50.00"), List.of(new SeatGrade.Area("BALCONY", null)))));
    }

    public static SeatingLayout layout() {
        return new SeatingLayout(List.of(
                new SeatingLayout.Section("FLOOR", "Floor", List.of(new SeatingLayout.Row("A", 10), new SeatingLayout.Row("B", 10))),
                new SeatingLayout.Section("BALCONY", "Balcony", List.of(new SeatingLayout.Row("A", 8),
                        new SeatingLayout.Row("B", 8), new SeatingLayout.Row("C", 8)))));
    }

    public void publish(DomainEvent event) {
        queue.publish(event);
    }

    public void publishRaw(String json) {
        queue.publishRaw(json);
    }

    /** Waits until SQS has nothing left for seat-service: every message sent was received and deleted. */
    public void awaitDrained() {
        queue.awaitDrained();
    }

    /** Waits until seat-service has applied the event (its id is in the inbox). */
    public void awaitApplied(DomainEvent event) {
        queue.awaitProcessed(event);
    }

    public void publishAndAwait(DomainEvent event) {
        queue.publishAndAwait(event);
    }

    /**
     * Waits for events seat-service published to another service's queue (e.g. RESERVATION) that match, and
     * returns them. Messages are peeked (visibility timeout 0), so other tests of the class still see theirs.
     */
    public List<DomainEvent> published(EventQueue other, Predicate<DomainEvent> matching, int atLeast) {
        ServiceQueue published = ServiceQueue.of(other, queuePrefix);
        Map<String, DomainEvent> seen = new LinkedHashMap<>();
        await().atMost(PATIENCE).until(() -> {
            for (DomainEvent event : published.peek()) {
                if (matching.test(event)) {
                    seen.put(event.eventId().toString(), event);
                }
            }
            return seen.size() >= atLeast;
        });
        return new ArrayList<>(seen.values());
    }
}
