package com.tickitecking.reservation.concert;

import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestServers;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
class ConcertEventsIT extends ThroughTheApi {

    @Autowired
    MeterRegistry meters;

    @Test
    void appliesANewerUpdateAndIgnoresAnOlderOneArrivingLate() {
        long concertId = events.concertOnSale(TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS)));
        var renamed = TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS));

        events.publish(ConcertUpdated.of(concertId, 3, new com.tickitecking.events.ConcertDetails(7, "Renamed",
                renamed.startTime(), 1, "Test Hall", renamed.layout(), renamed.grades())));
        events.awaitConcert(concertId, 3);
        events.queue().publishAndAwait(ConcertUpdated.of(concertId, 2, new com.tickitecking.events.ConcertDetails(7, "Stale",
                renamed.startTime(), 1, "Test Hall", renamed.layout(), renamed.grades())));

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
        events.queue().awaitDrained();
        // The projection ignores a revision it has already, so only the consumer's count of applied events can
        // tell a second application from none.
        assertThat(appliedEvents() - appliedBefore).isEqualTo(1);
    }

    @Test
    void aPoisonMessageEndsInTheDeadLetterQueueWithoutStoppingTheOthers() {
        var sqs = TestServers.sqsClient();
        // A short visibility timeout so the five failing receives take seconds, not minutes.
        sqs.setQueueAttributes(b -> b.queueUrl(events.queue().url()).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")));

        events.publishRaw("{\"type\":\"NotAnEvent\",\"garbage\":true}");
        long concertId = events.concertOnSale(TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS)));

        assertThat(ReservationApi.as(port, 1).hold(concertId, "FLOOR-A-2").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> events.queue().deadLetters() == 1);
    }

    /** How many events this service's inbox has applied (it times each one, and only those). */
    private long appliedEvents() {
        var lag = meters.find("tickitecking.event.lag").timer();
        return lag == null ? 0 : lag.count();
    }
}
