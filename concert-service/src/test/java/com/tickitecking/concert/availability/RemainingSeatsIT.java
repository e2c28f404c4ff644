package com.tickitecking.concert.availability;

import com.tickitecking.concert.ConcertApi;
import com.tickitecking.concert.messaging.ConcertEventsListener;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.ReservationExpired;
import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatUnblocked;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceQueue;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestServers;
import io.awspring.cloud.sqs.listener.acknowledgement.BatchAcknowledgement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static com.tickitecking.concert.ConcertApi.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The remaining seat count follows reservation and seat-block events, whatever order and however often they come. */
@IntegrationTest
class RemainingSeatsIT {

    private static final AtomicLong RESERVATION_IDS = new AtomicLong(1);
    private static final long USER = 77;

    @LocalServerPort
    int port;
    @Value("${tickitecking.messaging.queue-prefix}")
    String queuePrefix;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConcertEventsListener listener;

    ServiceQueue queue;
    TestHttp owner;
    TestHttp anyone;
    long concert;

    @BeforeEach
    void setUp() {
        var api = ConcertApi.at(port);
        owner = api.newCaller(Role.COMPANY_USER);
        long venue = created(owner.post("/api/v1/auditoriums", ConcertApi.smallVenue("Counting Hall")));
        concert = created(owner.post("/api/v1/concerts", ConcertApi.concertAtSmallVenue(venue, "Counted")));
        queue = ServiceQueue.of(EventQueue.CONCERT, queuePrefix, jdbc.getDataSource());
        anyone = api.http();
        assertThat(remaining()).isEqualTo(25);
    }

    @Test
    void takesSeatsWhileHeldAndConfirmedAndFreesThemOnCancellation() {
        long id = RESERVATION_IDS.incrementAndGet();
        List<String> seats = List.of("FLOOR-A-1", "FLOOR-A-2", "FLOOR-A-3");

        queue.publish(ReservationCreated.of(id, concert, USER, seats, 1, Instant.now().plusSeconds(600)));
        awaitRemaining(22);
        queue.publish(ReservationConfirmed.of(id, concert, USER, seats, 2));
        queue.publishAndAwait(ReservationConfirmed.of(id, concert, USER, seats, 2));
        assertThat(remaining()).isEqualTo(22);
        queue.publish(ReservationCancelled.of(id, concert, USER, seats, 3));
        awaitRemaining(25);
    }

    @Test
    void freesTheSeatsOfAnExpiredHold() {
        long id = RESERVATION_IDS.incrementAndGet();
        List<String> seats = List.of("BALC-A-1", "BALC-A-2");

        queue.publish(ReservationCreated.of(id, concert, USER, seats, 1, Instant.now().plusSeconds(600)));
        awaitRemaining(23);
        queue.publish(ReservationExpired.of(id, concert, USER, seats, 2));
        awaitRemaining(25);
    }

    @Test
    void countsADuplicateDeliveryOnce() {
        var hold = ReservationCreated.of(RESERVATION_IDS.incrementAndGet(), concert, USER,
                List.of("FLOOR-B-1", "FLOOR-B-2"), 1, Instant.now().plusSeconds(600));
        String message = EventJson.write(hold);

        queue.publishRaw(message);
        queue.publishRaw(message);
        queue.publishAndAwait(ReservationCreated.of(hold.reservationId(), concert, USER, hold.seats(), 1, hold.expiresAt()));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> remaining() == 23);
    }

    @Test
    void keepsACancellationThatArrivesBeforeItsHold() {
        long id = RESERVATION_IDS.incrementAndGet();
        List<String> seats = List.of("FLOOR-A-9", "FLOOR-A-10");

        queue.publishAndAwait(ReservationCancelled.of(id, concert, USER, seats, 2));
        queue.publishAndAwait(ReservationCreated.of(id, concert, USER, seats, 1, Instant.now().plusSeconds(600)));

        assertThat(remaining()).isEqualTo(25);
    }

    @Test
    void ignoresAHoldThatArrivesAfterItsConfirmation() {
        long id = RESERVATION_IDS.incrementAndGet();
        List<String> seats = List.of("FLOOR-B-5", "FLOOR-B-6", "FLOOR-B-7", "FLOOR-B-8");

        queue.publish(ReservationConfirmed.of(id, concert, USER, seats, 2));
        awaitRemaining(21);
        queue.publishAndAwait(ReservationCreated.of(id, concert, USER, seats, 1, Instant.now().plusSeconds(600)));
        queue.publish(ReservationCancelled.of(RESERVATION_IDS.incrementAndGet(), concert, USER, List.of("BALC-A-5"), 2));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> remaining() == 21);
    }

    @Test
    void leavesBlockedSeatsOutUntilTheyAreUnblocked() {
        queue.publish(SeatBlocked.of(concert, "BALC-A-1", 1));
        queue.publish(SeatBlocked.of(concert, "BALC-A-2", 1));
        awaitRemaining(23);

        queue.publish(SeatUnblocked.of(concert, "BALC-A-1", 2));
        awaitRemaining(24);
        queue.publishAndAwait(SeatBlocked.of(concert, "BALC-A-1", 1));

        assertThat(remaining()).as("an old block does not undo a newer unblock").isEqualTo(24);
    }

    @Test
    void keepsTakenAndBlockedSeatsOutWhenTheConcertMovesToABiggerVenue() {
        queue.publish(ReservationCreated.of(RESERVATION_IDS.incrementAndGet(), concert, USER, List.of("FLOOR-A-1", "FLOOR-A-2"),
                1, Instant.now().plusSeconds(600)));
        queue.publish(SeatBlocked.of(concert, "BALC-A-3", 1));
        awaitRemaining(22);

        // the same sections, with twice the seats on the floor: 45 seats
        long bigger = created(owner.post("/api/v1/auditoriums", ConcertApi.venue("Bigger Hall", List.of(
                Map.of("code", "FLOOR", "name", "Floor", "rowLabels", List.of("A", "B"), "seatsPerRow", 20),
                Map.of("code", "BALC", "name", "Balcony", "rows", List.of(Map.of("label", "A", "seats", 5)))))));
        assertThat(owner.put("/api/v1/concerts/" + concert, ConcertApi.concertAtSmallVenue(bigger, "Counted")).status())
                .isEqualTo(200);

        assertThat(remaining()).isEqualTo(45 - 2 - 1);
    }

    @Test
    void showsTheCountInTheListingToo() {
        queue.publish(ReservationCreated.of(RESERVATION_IDS.incrementAndGet(), concert, USER, List.of("FLOOR-A-4"), 1,
                Instant.now().plusSeconds(600)));
        awaitRemaining(24);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var page = anyone.get("/api/v1/concerts?size=100").json().get("content");
            page.forEach(summary -> {
                if (summary.get("id").asLong() == concert) {
                    assertThat(summary.get("remainingSeats").asInt()).isEqualTo(24);
                }
            });
        });
    }

    @Test
    void aBatchWithDuplicatesCountsEachEventOnceInTheOrderReceived() {
        long held = RESERVATION_IDS.incrementAndGet();
        long cancelled = RESERVATION_IDS.incrementAndGet();
        var hold = ReservationCreated.of(held, concert, USER, List.of("FLOOR-A-1", "FLOOR-A-2", "FLOOR-A-3"), 1, later());
        List<Message<String>> batch = messages(hold, hold,
                ReservationCancelled.of(cancelled, concert, USER, List.of("BALC-A-1"), 2),
                ReservationCreated.of(cancelled, concert, USER, List.of("BALC-A-1"), 1, later()),
                ReservationConfirmed.of(held, concert, USER, hold.seats(), 2));

        assertThat(deliver(batch)).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(remaining()).isEqualTo(22);

        // the whole batch again, as SQS redelivers one whose acknowledgement was lost: nothing is counted twice
        assertThat(deliver(batch)).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(remaining()).isEqualTo(22);
    }

    @Test
    void aMessageThatIsNoEventIsLeftForRedeliveryWhileTheRestOfItsBatchIsCounted() {
        List<Message<String>> batch = new ArrayList<>(messages(ReservationCreated.of(RESERVATION_IDS.incrementAndGet(),
                concert, USER, List.of("FLOOR-B-9", "FLOOR-B-10"), 1, later())));
        batch.add(MessageBuilder.withPayload("{\"type\":\"NotAnEvent\"}").build());
        batch.addAll(messages(SeatBlocked.of(concert, "BALC-A-4", 1)));

        assertThat(deliver(batch)).containsExactly(batch.get(0), batch.get(2));
        assertThat(remaining()).isEqualTo(22);
    }

    @Test
    void throughSqsAPoisonMessageEndsInTheDeadLetterQueueWhileTheOthersSentWithItAreCounted() {
        var sqs = TestServers.sqsClient();
        int deadBefore = queue.deadLetters();
        // A short visibility timeout so the five failing receives take seconds, not minutes.
        sqs.setQueueAttributes(b -> b.queueUrl(queue.url()).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")));
        try {
            var hold = ReservationCreated.of(RESERVATION_IDS.incrementAndGet(), concert, USER, List.of("FLOOR-A-7"), 1, later());
            List<String> bodies = List.of(EventJson.write(hold), "{\"type\":\"NotAnEvent\",\"garbage\":true}", EventJson.write(hold));

            sqs.sendMessageBatch(b -> b.queueUrl(queue.url()).entries(Stream.iterate(0, i -> i + 1).limit(bodies.size())
                    .map(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies.get(i)).build()).toList()));

            queue.awaitProcessed(hold);
            await().atMost(Duration.ofSeconds(60)).until(() -> queue.deadLetters() == deadBefore + 1);
            queue.awaitDrained();
            assertThat(remaining()).isEqualTo(24);
        } finally {
            sqs.setQueueAttributes(b -> b.queueUrl(queue.url()).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30")));
        }
    }

    /** Hands the listener one batch, as the container would; returns the messages it acknowledged. */
    private List<Message<String>> deliver(List<Message<String>> batch) {
        List<Message<String>> acknowledged = new ArrayList<>();
        listener.on(batch, new BatchAcknowledgement<>() {
            @Override
            public void acknowledge() {
                throw new UnsupportedOperationException("the listener acknowledges the messages it applied, by name");
            }

            @Override
            public CompletableFuture<Void> acknowledgeAsync() {
                throw new UnsupportedOperationException("the listener acknowledges the messages it applied, by name");
            }

            @Override
            public void acknowledge(Collection<Message<String>> messages) {
                acknowledged.addAll(messages);
            }

            @Override
            public CompletableFuture<Void> acknowledgeAsync(Collection<Message<String>> messages) {
                acknowledge(messages);
                return CompletableFuture.completedFuture(null);
            }
        });
        return acknowledged;
    }

    private static List<Message<String>> messages(DomainEvent... events) {
        return Stream.of(events).map(event -> MessageBuilder.withPayload(EventJson.write(event)).build()).toList();
    }

    private static Instant later() {
        return Instant.now().plusSeconds(600);
    }

    private int remaining() {
        return anyone.get("/api/v1/concerts/" + concert).json().get("remainingSeats").asInt();
    }

    private void awaitRemaining(int expected) {
        await().atMost(Duration.ofSeconds(15)).until(() -> remaining() == expected);
    }
}
