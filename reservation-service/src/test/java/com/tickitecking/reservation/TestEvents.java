package com.tickitecking.reservation;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.testing.ServiceQueue;
import com.tickitecking.testing.TestServers;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * Plays concert-service and seat-service for the tests: publishes their events to this service's queue (the kit's
 * {@link ServiceQueue}) and waits for the concert projection, and reads what this service publishes to the others.
 */
public final class TestEvents {

    private static final AtomicLong CONCERT_IDS = new AtomicLong(1000);

    private final SqsClient sqs;
    private final String queuePrefix;
    private final JdbcTemplate jdbc;
    private final ServiceQueue queue;

    /** On an SQS of the test's own. */
    public TestEvents(SqsClient sqs, String queuePrefix, JdbcTemplate jdbc) {
        this.sqs = sqs;
        this.queuePrefix = queuePrefix;
        this.jdbc = jdbc;
        this.queue = ServiceQueue.of(sqs, EventQueue.RESERVATION, queuePrefix, jdbc.getDataSource());
    }

    public static TestEvents on(String queuePrefix, JdbcTemplate jdbc) {
        return new TestEvents(TestServers.sqsClient(), queuePrefix, jdbc);
    }

    public static long newConcertId() {
        return CONCERT_IDS.incrementAndGet();
    }

    /** A hall of {@code rows} rows A, B, … with {@code seatsPerRow} seats each, one grade "R" at 50.00. */
    public static ConcertDetails hall(int rows, int seatsPerRow, Instant startTime) {
        SeatingLayout layout = SeatingLayout.grid("FLOOR", rows, seatsPerRow);
        return new ConcertDetails(7, "Test Concert", startTime, 1, "Test Hall", layout,
                List.of(new SeatGrade("R", new BigDecimal("50.00"), List.of(new SeatGrade.Area("FLOOR", List.of())))));
    }

    /** The same concert with another buyer limit. */
    public static ConcertDetails withBuyerLimit(ConcertDetails details, int maxTicketsPerBuyer) {
        return new ConcertDetails(details.ownerId(), details.name(), details.startTime(), details.auditoriumId(),
                details.auditoriumName(), details.layout(), details.grades(), maxTicketsPerBuyer);
    }

    /** The same concert on sale from {@code saleStartsAt} to {@code saleEndsAt} (either null: no bound there). */
    public static ConcertDetails withSaleWindow(ConcertDetails details, Instant saleStartsAt, Instant saleEndsAt,
                                                boolean waitingRoom) {
        return new ConcertDetails(details.ownerId(), details.name(), details.startTime(), details.auditoriumId(),
                details.auditoriumName(), details.layout(), details.grades(), details.maxTicketsPerBuyer(),
                saleStartsAt, saleEndsAt, waitingRoom);
    }

    /** Publishes a ConcertCreated and waits until the service has it. */
    public long concertOnSale(ConcertDetails details) {
        long concertId = newConcertId();
        publish(ConcertCreated.of(concertId, 1, details));
        awaitConcert(concertId, 1);
        return concertId;
    }

    /** reservation-service's own queue. */
    public ServiceQueue queue() {
        return queue;
    }

    public void publish(DomainEvent event) {
        queue.publish(event);
    }

    public void publishRaw(String body) {
        queue.publishRaw(body);
    }

    public void awaitConcert(long concertId, long revision) {
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForList(
                "SELECT revision FROM concert WHERE id = ?", Long.class, concertId).contains(revision));
    }

    /** Receives (and deletes) whatever is on another service's queue right now. */
    public List<DomainEvent> drain(EventQueue other) {
        return ServiceQueue.of(sqs, other, queuePrefix, null).drain();
    }
}
