package com.tickitecking.reservation.concert;

import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestServers;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The concert projection follows concert-service's events: once each, in revision order, whatever arrives. */
@IntegrationTest
@TestPropertySource(properties = "tickitecking.reservation.concert-cache.ttl=0s")
class ConcertEventsIT {

    @LocalServerPort
    int port;
    @Value("${tickitecking.messaging.queue-prefix}")
    String queuePrefix;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    TestEvents events;

    @BeforeEach
    void setUp() {
        events = TestEvents.on(queuePrefix, jdbc);
    }

    @Test
    void appliesANewerUpdateAndIgnoresAnOlderOneArrivingLate() {
        long concertId = events.concertOnSale(TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS)));
        var renamed = TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS));

        events.publish(ConcertUpdated.of(concertId, 3, new com.tickitecking.events.ConcertDetails(7, "Renamed",
                renamed.startTime(), 1, "Test Hall", renamed.layout(), renamed.grades())));
        events.awaitConcert(concertId, 3);
        events.publish(ConcertUpdated.of(concertId, 2, new com.tickitecking.events.ConcertDetails(7, "Stale",
                renamed.startTime(), 1, "Test Hall", renamed.layout(), renamed.grades())));
        await().atMost(Duration.ofSeconds(20)).until(() -> processed(concertId) >= 3);

        assertThat(jdbc.queryForObject("SELECT name FROM concert WHERE id = ?", String.class, concertId)).isEqualTo("Renamed");
    }

    @Test
    void aDeletedConcertCannotBeReservedAndAStaleCreationDoesNotRevive() {
        long concertId = events.concertOnSale(TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS)));

        events.publish(ConcertDeleted.of(concertId, 2));
        events.awaitConcert(concertId, 2);

        assertThat(ReservationApi.as(port, 1).hold(concertId, "FLOOR-A-1").status()).isEqualTo(404);
    }

    @Test
    void appliesARedeliveredEventOnce() {
        var event = com.tickitecking.events.ConcertCreated.of(TestEvents.newConcertId(), 1,
                TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS)));
        long appliedBefore = appliedEvents();

        events.publish(event);
        events.publish(event);

        events.awaitConcert(event.concertId(), 1);
        // Both copies have been received and acknowledged once the queue holds nothing, visible or in flight.
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesOn("reservation-events") == 0);
        // The projection ignores a revision it has already, so only the consumer's count of applied events can
        // tell a second application from none.
        assertThat(appliedEvents() - appliedBefore).isEqualTo(1);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueWithoutStoppingTheOthers() {
        var sqs = TestServers.sqs().client();
        String queueUrl = events.queueUrl("reservation-events");
        // A short visibility timeout so the five failing receives take seconds, not minutes.
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")));

        events.publishRaw("{\"type\":\"NotAnEvent\",\"garbage\":true}");
        long concertId = events.concertOnSale(TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS)));

        assertThat(ReservationApi.as(port, 1).hold(concertId, "FLOOR-A-2").status()).isEqualTo(201);
        String dlqUrl = events.queueUrl("reservation-events-dlq");
        await().atMost(Duration.ofSeconds(60)).until(() -> Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)) == 1);
    }

    /** How many events this service's inbox has applied (it times each one, and only those). */
    private long appliedEvents() {
        var lag = meters.find("tickitecking.event.lag").timer();
        return lag == null ? 0 : lag.count();
    }

    private int messagesOn(String queue) {
        var attributes = TestServers.sqs().client().getQueueAttributes(b -> b.queueUrl(events.queueUrl(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private long processed(long concertId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_type LIKE 'Concert%'", Long.class);
    }
}
