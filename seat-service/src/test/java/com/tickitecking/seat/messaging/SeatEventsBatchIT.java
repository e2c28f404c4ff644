package com.tickitecking.seat.messaging;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.seat.SeatEvents;
import com.tickitecking.seat.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceQueue;
import com.tickitecking.testing.TestServers;
import com.tickitecking.events.EventQueue;
import io.awspring.cloud.sqs.listener.acknowledgement.BatchAcknowledgement;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seat-events listener takes batches. Most tests hand it a batch of their own making (real database and
 * Redis; the listener's acknowledgement recorded), so that what is in one batch is known; the last one goes through
 * SQS, redelivery and the dead-letter queue.
 */
@IntegrationTest
class SeatEventsBatchIT extends ThroughTheApi {

    @Autowired
    SeatEventsListener listener;
    @Autowired
    MeterRegistry meters;

    @Test
    void aBatchWithDuplicatesAppliesEachEventOnceAndAcknowledgesEveryMessage() {
        events.publishAndAwait(ConcertCreated.of(501, 1, SeatEvents.twoSections(9)));
        var held = ReservationCreated.of(1, 501, 5, List.of("FLOOR-A-1", "FLOOR-A-2"), 1, later());
        var other = ReservationCreated.of(2, 501, 6, List.of("BALCONY-A-1"), 1, later());
        var confirmed = ReservationConfirmed.of(2, 501, 6, List.of("BALCONY-A-1"), 2);
        List<Message<String>> batch = messages(held, held, other, confirmed, other);
        long appliedBefore = appliedEvents();

        List<Message<String>> acknowledged = deliver(batch);

        assertThat(acknowledged).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(appliedEvents() - appliedBefore).isEqualTo(3);
        assertThat(seat(501, 0)).isEqualTo("HELD by 1");
        assertThat(seat(501, 1)).isEqualTo("HELD by 1");
        assertThat(seat(501, 20)).isEqualTo("RESERVED by 2");
        assertUnavailable(501, 0, 1, 20);

        // the whole batch again, as SQS redelivers one whose acknowledgement was lost: nothing is applied twice
        assertThat(deliver(batch)).containsExactlyInAnyOrderElementsOf(batch);
        assertThat(appliedEvents() - appliedBefore).isEqualTo(3);
        assertThat(seat(501, 20)).isEqualTo("RESERVED by 2");
    }

    @Test
    void aBadMessageIsLeftForRedeliveryWhileTheRestOfItsBatchIsApplied() {
        events.publishAndAwait(ConcertCreated.of(502, 1, SeatEvents.twoSections(9)));
        var good = ReservationCreated.of(10, 502, 5, List.of("FLOOR-B-1"), 1, later());
        // concert 503 is not known yet: its events fail until its ConcertCreated has arrived
        var early = ReservationCreated.of(11, 503, 5, List.of("FLOOR-A-1"), 1, later());
        var alsoGood = ReservationCreated.of(12, 502, 6, List.of("FLOOR-B-2"), 1, later());
        Message<String> garbage = MessageBuilder.withPayload("{\"type\":\"NotAnEvent\"}").build();
        List<Message<String>> batch = new ArrayList<>(messages(good, early));
        batch.add(garbage);
        batch.addAll(messages(alsoGood));

        List<Message<String>> acknowledged = deliver(batch);

        assertThat(acknowledged).containsExactly(batch.get(0), batch.get(3));
        assertThat(seat(502, 10)).isEqualTo("HELD by 10");
        assertThat(seat(502, 11)).isEqualTo("HELD by 12");
        assertUnavailable(502, 10, 11);

        // redelivered once the concert is known, the early event is applied
        events.publishAndAwait(ConcertCreated.of(503, 1, SeatEvents.twoSections(9)));
        assertThat(deliver(List.of(batch.get(1)))).containsExactly(batch.get(1));
        assertThat(seat(503, 0)).isEqualTo("HELD by 11");
    }

    @Test
    void eventsOfOneBatchFollowTheRevisionAndHolderRulesAsIfAppliedOneByOne() {
        events.publishAndAwait(ConcertCreated.of(504, 1, SeatEvents.twoSections(9)));

        deliver(messages(
                // a Cancelled that overtook its Created: the seat stays free
                ReservationCancelled.of(30, 504, 5, List.of("FLOOR-A-3"), 2),
                ReservationCreated.of(30, 504, 5, List.of("FLOOR-A-3"), 1, later()),
                // a newer reservation's hold before an older one's hold and release of the same seat
                ReservationCreated.of(41, 504, 6, List.of("FLOOR-A-4"), 1, later()),
                ReservationCreated.of(40, 504, 5, List.of("FLOOR-A-4"), 1, later()),
                ReservationCancelled.of(40, 504, 5, List.of("FLOOR-A-4"), 2),
                // held, then confirmed, in one batch
                ReservationCreated.of(50, 504, 7, List.of("BALCONY-B-1"), 1, later()),
                ReservationConfirmed.of(50, 504, 7, List.of("BALCONY-B-1"), 2)));

        assertThat(seat(504, 2)).isEqualTo("AVAILABLE by null");
        assertThat(seat(504, 3)).isEqualTo("HELD by 41");
        assertThat(seat(504, 28)).isEqualTo("RESERVED by 50");
        assertThat(jdbc.queryForList("SELECT CONCAT(reservation_id, ' r', revision, ' ', status) FROM reservation_state "
                + "WHERE concert_id = 504 ORDER BY reservation_id", String.class))
                .containsExactly("30 r2 CANCELLED", "40 r2 CANCELLED", "41 r1 HELD", "50 r2 CONFIRMED");
        assertUnavailable(504, 3, 28);
    }

    @Test
    void aBatchOverTwoConcertsAppliesEachConcertsEvents() {
        events.publishAndAwait(ConcertCreated.of(505, 1, SeatEvents.twoSections(9)));
        events.publishAndAwait(ConcertCreated.of(506, 1, SeatEvents.twoSections(9)));

        deliver(messages(
                ReservationCreated.of(60, 506, 5, List.of("FLOOR-A-1"), 1, later()),
                ReservationCreated.of(61, 505, 5, List.of("FLOOR-A-1", "FLOOR-A-2", "FLOOR-A-3"), 1, later()),
                ReservationCreated.of(62, 506, 6, List.of("FLOOR-A-2", "NOSUCH-A-1"), 1, later())));

        assertUnavailable(505, 0, 1, 2);
        assertUnavailable(506, 0, 1);
        assertThat(seat(506, 1)).isEqualTo("HELD by 62");
    }

    /**
     * Two listener threads, as the container runs them, each with batches of new reservations of its own concert
     * (their ids interleaved, so they fall into the same gaps of reservation_state). Under REPEATABLE READ each
     * batch's {@code FOR UPDATE} of states that do not exist yet took a gap lock and the inserts that followed
     * deadlocked with the other's: the loser was rolled back and applied one message at a time.
     */
    @Test
    void parallelBatchesOfTwoConcertsAreEachAppliedWholeWithoutADeadlock() throws Exception {
        events.publishAndAwait(ConcertCreated.of(511, 1, SeatEvents.twoSections(9)));
        events.publishAndAwait(ConcertCreated.of(512, 1, SeatEvents.twoSections(9)));
        int rounds = 40;
        int perBatch = 5;
        long firstId = 5_000_000 + System.nanoTime() % 1_000_000 * 1_000;
        double lockSplitsBefore = splitBatches("lock");
        var start = new CyclicBarrier(2);
        Callable<Integer> concert511 = () -> deliverRounds(511, firstId, rounds, perBatch, start);
        Callable<Integer> concert512 = () -> deliverRounds(512, firstId + 1, rounds, perBatch, start);

        try (var threads = Executors.newFixedThreadPool(2)) {
            var acknowledged = threads.invokeAll(List.of(concert511, concert512));
            assertThat(acknowledged.get(0).get() + acknowledged.get(1).get()).isEqualTo(2 * rounds * perBatch);
        }

        assertThat(splitBatches("lock") - lockSplitsBefore).as("batches rolled back by a lock conflict").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reservation_state WHERE reservation_id BETWEEN ? AND ?",
                Long.class, firstId, firstId + 2L * rounds * perBatch)).isEqualTo(2L * rounds * perBatch);
    }

    /** Batch after batch of new reservations (every other id from {@code firstId}), each round started with the other thread's. */
    private int deliverRounds(long concertId, long firstId, int rounds, int perBatch, CyclicBarrier start) throws Exception {
        int acknowledged = 0;
        long id = firstId;
        for (int round = 0; round < rounds; round++) {
            List<DomainEvent> batch = new ArrayList<>();
            for (int i = 0; i < perBatch; i++, id += 2) {
                batch.add(ReservationCreated.of(id, concertId, 5, List.of("BALCONY-C-" + (i + 1)), 1, later()));
            }
            start.await(10, TimeUnit.SECONDS);
            acknowledged += deliver(messages(batch.toArray(DomainEvent[]::new))).size();
        }
        return acknowledged;
    }

    private double splitBatches(String reason) {
        var counter = meters.find("tickitecking.event.batches.split").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void throughSqsAPoisonMessageEndsInTheDeadLetterQueueWhileTheOthersSentWithItAreApplied() {
        events.publishAndAwait(ConcertCreated.of(507, 1, SeatEvents.twoSections(9)));
        var sqs = TestServers.sqsClient();
        ServiceQueue queue = ServiceQueue.of(EventQueue.SEAT, queuePrefix);
        int deadBefore = queue.deadLetters();
        // A short visibility timeout so the five failing receives take seconds, not minutes.
        sqs.setQueueAttributes(b -> b.queueUrl(queue.url()).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")));
        try {
            var first = ReservationCreated.of(70, 507, 5, List.of("FLOOR-A-5"), 1, later());
            var second = ReservationCreated.of(71, 507, 6, List.of("FLOOR-A-6"), 1, later());
            List<String> bodies = List.of(EventJson.write(first), "{\"type\":\"NotAnEvent\",\"garbage\":true}",
                    EventJson.write(second), EventJson.write(first));

            sqs.sendMessageBatch(b -> b.queueUrl(queue.url()).entries(Stream.iterate(0, i -> i + 1).limit(bodies.size())
                    .map(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies.get(i)).build()).toList()));

            events.awaitApplied(first);
            events.awaitApplied(second);
            assertUnavailable(507, 4, 5);
            await().atMost(Duration.ofSeconds(60)).until(() -> queue.deadLetters() == deadBefore + 1);
            events.awaitDrained();
            assertThat(seat(507, 4)).isEqualTo("HELD by 70");
        } finally {
            sqs.setQueueAttributes(b -> b.queueUrl(queue.url()).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "30")));
        }
    }

    /** Hands the listener one batch, as the container would; returns the messages it acknowledged. */
    private List<Message<String>> deliver(List<Message<String>> batch) {
        RecordedAcknowledgement acknowledgement = new RecordedAcknowledgement();
        listener.on(batch, acknowledgement);
        return acknowledgement.acknowledged;
    }

    private static List<Message<String>> messages(DomainEvent... events) {
        return Stream.of(events).map(event -> MessageBuilder.withPayload(EventJson.write(event)).build()).toList();
    }

    /** What the listener acknowledged of a batch handed to it by a test. */
    private static final class RecordedAcknowledgement implements BatchAcknowledgement<String> {
        final List<Message<String>> acknowledged = new ArrayList<>();

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
    }

    /** How many events this service's inbox has applied (it times each one, and only those). */
    private long appliedEvents() {
        var lag = meters.find("tickitecking.event.lag").timer();
        return lag == null ? 0 : lag.count();
    }

    private String seat(long concertId, int index) {
        return jdbc.queryForObject("SELECT CONCAT(status, ' by ', COALESCE(reservation_id, 'null')) FROM seat "
                + "WHERE concert_id = ? AND seat_index = ?", String.class, concertId, index);
    }

    /** The bitmap follows the database right after the commit: wait a moment for it. */
    private void assertUnavailable(long concertId, Integer... seats) {
        await().atMost(SeatEvents.PATIENCE).untilAsserted(() -> assertThat(unavailable(concertId)).containsExactly(seats));
    }

    private Set<Integer> unavailable(long concertId) {
        var response = http.get("/api/v1/concerts/" + concertId + "/seats/availability");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        byte[] bits = Base64.getDecoder().decode(response.json().get("unavailable").asString());
        Set<Integer> seats = new TreeSet<>();
        for (int i = 0; i < bits.length * 8; i++) {
            if ((bits[i / 8] & (0x80 >>> (i % 8))) != 0) {
                seats.add(i);
            }
        }
        return seats;
    }

    private static Instant later() {
        return Instant.now().plusSeconds(600);
    }
}
