package com.tickitecking.reservation.outbox;

import com.tickitecking.events.EventJson;
import com.tickitecking.localaws.EmbeddedSqs;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceProcess;
import com.tickitecking.testing.TestNames;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.Storm;
import com.tickitecking.reservation.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SQS goes away while users keep reserving: holds still succeed (the events wait in the outbox), and once SQS is
 * back every event reaches its queue.
 */
@IntegrationTest
@TestPropertySource(properties = "tickitecking.messaging.relay.max-backoff=1s")
class SqsOutageIT {

    private static final int PORT = ServiceProcess.freePort();
    private static final String QUEUE_PREFIX = "it-" + TestNames.of(SqsOutageIT.class).replace('_', '-') + "-";
    private static volatile EmbeddedSqs sqs = startSqs();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownSqs(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.aws.sqs.endpoint", () -> "http://127.0.0.1:" + PORT);
    }

    @AfterAll
    static void stopSqs() {
        sqs.close();
    }

    @Test
    void everyEventIsDeliveredAfterAnOutageDuringAStorm() throws Exception {
        var events = new TestEvents(sqs.client(), QUEUE_PREFIX, jdbc);
        long concertId = events.concertOnSale(TestEvents.hall(10, 10, Instant.now().plus(7, ChronoUnit.DAYS)));
        var storm = new Storm(List.of(port), 16, 60_000, 300);
        var seats = Storm.randomSeats(allSeats(), 3, 5);
        Set<String> received = ConcurrentHashMap.newKeySet();
        var collector = Thread.ofPlatform().daemon().start(() -> collect(received));

        // SQS up: the storm's events flow; wait until the seat-events queue has given us all of them.
        storm.run(concertId, 300, seats, cancelEveryThird(port));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.containsAll(seatEventIds()) && pendingRows() == 0);

        // SQS down mid-storm: holds keep succeeding, their events wait in the outbox.
        sqs.close();
        var duringOutage = CompletableFuture.supplyAsync(() -> storm.run(concertId, 600, i -> seats.apply(300 + i), cancelEveryThird(port)));
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingRows() > 20);

        // SQS back (same port, queues recreated) while the storm goes on.
        sqs = startSqs();
        List<Storm.Attempt> outageResults = duringOutage.get();

        assertThat(outageResults.stream().filter(Storm.Attempt::held)).isNotEmpty();
        await().atMost(Duration.ofSeconds(60)).until(() -> pendingRows() == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.containsAll(seatEventIds()));
        assertThat(received).containsExactlyInAnyOrderElementsOf(seatEventIds());
        collector.interrupt();

        // And the service's own consumer picked up again.
        long later = new TestEvents(sqs.client(), QUEUE_PREFIX, jdbc).concertOnSale(
                TestEvents.hall(1, 1, Instant.now().plus(7, ChronoUnit.DAYS)));
        assertThat(ReservationApi.as(port, 1).hold(later, "FLOOR-A-1").status()).isEqualTo(201);
    }

    private java.util.function.Consumer<Storm.Attempt> cancelEveryThird(int port) {
        return attempt -> {
            if (attempt.held() && attempt.reservationId() % 3 == 0) {
                ReservationApi.as(port, attempt.userId()).cancel(attempt.reservationId());
            }
        };
    }

    /** Reads the seat-events queue as seat-service would, riding out the outage. */
    private static void collect(Set<String> received) {
        while (!Thread.currentThread().isInterrupted()) {
            try (SqsClient client = sqs.client()) {
                String url = client.getQueueUrl(b -> b.queueName(QUEUE_PREFIX + "seat-events")).queueUrl();
                while (!Thread.currentThread().isInterrupted()) {
                    List<Message> messages = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
                    for (Message message : messages) {
                        received.add(EventJson.read(message.body()).eventId().toString());
                        client.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                    }
                }
            } catch (RuntimeException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private Set<String> seatEventIds() {
        return new HashSet<>(jdbc.queryForList("SELECT event_id FROM outbox_event WHERE destination = 'SEAT'", String.class));
    }

    private long pendingRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE status = 'PENDING'", Long.class);
    }

    private static EmbeddedSqs startSqs() {
        return EmbeddedSqs.startWithQueues(PORT, QUEUE_PREFIX);
    }

    private static List<String> allSeats() {
        List<String> seats = new ArrayList<>();
        for (char row = 'A'; row <= 'J'; row++) {
            for (int n = 1; n <= 10; n++) {
                seats.add("FLOOR-" + row + "-" + n);
            }
        }
        return seats;
    }
}
