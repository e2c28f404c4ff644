package com.tickitecking.platform.messaging;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.EventQueue;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.localaws.EmbeddedSqs;
import com.tickitecking.platform.outbox.EventTooLargeException;
import com.tickitecking.platform.outbox.OutboxPublisher;
import com.tickitecking.platform.outbox.OutboxRelay;
import com.tickitecking.platform.outbox.OutboxRepository;
import com.tickitecking.platform.outbox.OutboxWriter;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceProcess;
import com.tickitecking.testing.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The transactional outbox against real MariaDB and a real (embedded) SQS that this test stops and restarts. */
@IntegrationTest
class OutboxIT {

    static final int SQS_PORT = ServiceProcess.freePort();
    static final String PREFIX = "outbox-it-";
    static EmbeddedSqs sqs = startSqs();
    /** The relay reaches SQS through this, so a test can break its connections. */
    static final TcpProxy PROXY = new TcpProxy("127.0.0.1", SQS_PORT);

    static EmbeddedSqs startSqs() {
        return EmbeddedSqs.startWithQueues(SQS_PORT, PREFIX);
    }

    @DynamicPropertySource
    static void ownSqs(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.aws.sqs.endpoint", () -> "http://127.0.0.1:" + PROXY.port());
        registry.add("tickitecking.messaging.queue-prefix", () -> PREFIX);
        registry.add("tickitecking.messaging.relay.max-backoff", () -> "500ms");
    }

    @AfterAll
    static void stopSqs() {
        PROXY.close();
        sqs.close();
    }

    @Autowired
    OutboxWriter outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SqsAsyncClient sqsClient;
    @Autowired
    MessagingProperties properties;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void emptyQueuesAndOutbox() {
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
        for (EventQueue queue : EventQueue.values()) {
            drain(queue);
        }
    }

    @Test
    void publishesAnEventToEverySubscribingQueueAfterCommit() {
        var event = ConcertDeleted.of(11, 3);

        transactions.executeWithoutResult(status -> outbox.append(event));

        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
        assertThat(drain(EventQueue.SEAT)).containsExactly(event);
        assertThat(drain(EventQueue.RESERVATION)).containsExactly(event);
        assertThat(drain(EventQueue.MEDIA)).containsExactly(event);
        assertThat(drain(EventQueue.CONCERT)).isEmpty();
    }

    @Test
    void publishesNothingWhenTheTransactionRollsBack() {
        var event = ConcertDeleted.of(12, 1);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            outbox.append(event);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_id = ?", Long.class,
                event.eventId().toString())).isZero();
    }

    @Test
    void refusesToWriteOutsideATransaction() {
        assertThatThrownBy(() -> outbox.append(ConcertDeleted.of(13, 1))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void keepsEventsWhileSqsIsDownAndDeliversThemAllWhenItIsBack() {
        sqs.close();
        List<DomainEvent> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            var event = ConcertDeleted.of(100 + i, 1);
            events.add(event);
            transactions.executeWithoutResult(status -> outbox.append(event));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> failedAttempts() > 0);
        assertThat(pending()).isEqualTo(75);

        sqs = startSqs();
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        assertThat(drainAll(EventQueue.SEAT, 25)).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void abandonsASendStuckOnADeadConnectionAndDeliversOnANewOne() {
        var before = ConcertDeleted.of(20, 1);
        transactions.executeWithoutResult(status -> outbox.append(before));
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
        PROXY.killOpenConnections(); // the relay's pooled connection now swallows what it sends, with no reset

        var after = ConcertDeleted.of(21, 1);
        transactions.executeWithoutResult(status -> outbox.append(after));

        // Well before the HTTP client's 30 s read time-out would notice the dead connection.
        await().atMost(Duration.ofSeconds(8)).until(() -> pending() == 0);
        assertThat(drainAll(EventQueue.SEAT, 2)).containsExactlyInAnyOrder(before, after);
    }

    @Test
    void twoRelaysNeverSendTheSameRowTwice() throws Exception {
        // another instance's relay, whose passes this test drives itself
        var second = new OutboxRelay(new OutboxRepository(jdbc, transactions), new OutboxPublisher(sqsClient, properties),
                properties, Runnable::run);
        var stop = new AtomicBoolean();
        Set<DomainEvent> written = new HashSet<>();
        var competitor = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                second.publishDue();
            }
        });

        for (int i = 0; i < 60; i++) {
            var event = ConcertDeleted.of(500 + i, 1);
            written.add(event);
            transactions.executeWithoutResult(status -> outbox.append(event));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        stop.set(true);
        competitor.get();

        List<DomainEvent> received = drainAll(EventQueue.SEAT, 60);
        assertThat(received).hasSize(60);
        assertThat(new HashSet<>(received)).isEqualTo(written);
    }

    @Test
    void refusesToWriteAnEventTooLargeForOneSqsMessage() {
        var section = new SeatingLayout.Section("A", "x".repeat(EventQueue.MAX_MESSAGE_BYTES), List.of(new SeatingLayout.Row("A", 1)));
        var event = ConcertCreated.of(14, 1, new ConcertDetails(1, "Huge", Instant.now(), 1, "Hall",
                new SeatingLayout(List.of(section)), List.of()));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> outbox.append(event)))
                .isInstanceOf(EventTooLargeException.class)
                .hasMessageContaining("ConcertCreated would be").hasMessageContaining("at most 262144");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_id = ?", Long.class,
                event.eventId().toString())).isZero();
    }

    @Test
    void marksARowTooLargeForSqsFailedAtOnceAndStillDeliversTheOthers() {
        double failedBefore = failedGauge();
        var good = ConcertDeleted.of(30, 1);
        // written by hand (or before the writer checked sizes): 87,383 characters, 262,145 bytes of UTF-8
        long tooLarge = insertRow("\"" + "한".repeat(EventQueue.MAX_MESSAGE_BYTES / 3) + "\"");
        transactions.executeWithoutResult(status -> outbox.append(good));

        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(status(tooLarge)));
        await().atMost(Duration.ofSeconds(15)).until(() -> pending() == 0);
        assertThat(row(tooLarge).get("last_error")).asString().contains("262145 bytes").contains("at most 262144");
        assertThat(row(tooLarge)).containsEntry("attempts", 1);
        assertThat(row(tooLarge).get("failed_at")).isNotNull();
        assertThat(drainAll(EventQueue.SEAT, 1)).containsExactly(good);
        await().atMost(Duration.ofSeconds(20)).until(() -> failedGauge() >= failedBefore + 1);
    }

    @Test
    void marksARowSqsRefusesAsTheSendersFaultFailedInsteadOfRetryingIt() {
        var good = ConcertDeleted.of(31, 1);
        long refused = insertRow("\"a control character \u0001 is not allowed in an SQS message\"");
        transactions.executeWithoutResult(status -> outbox.append(good));

        await().atMost(Duration.ofSeconds(15)).until(() -> "FAILED".equals(status(refused)));
        assertThat(drainAll(EventQueue.SEAT, 1)).containsExactly(good);
        // still one attempt after the other row's delivery: a FAILED row is not claimed again
        assertThat(row(refused)).containsEntry("attempts", 1);
        assertThat(row(refused).get("last_error")).asString().contains("InvalidMessageContents");
    }

    /** A PENDING row for the SEAT queue with the payload as given, past the writer's checks. */
    private long insertRow(String payload) {
        Timestamp now = Timestamp.from(Instant.now());
        String eventId = UUID.randomUUID().toString();
        jdbc.update("""
                INSERT INTO outbox_event (event_id, event_type, aggregate_id, destination, payload, status, attempts,
                                          created_at, next_attempt_at)
                VALUES (?, 'Raw', 'raw', 'SEAT', ?, 'PENDING', 0, ?, ?)""", eventId, payload, now, now);
        return jdbc.queryForObject("SELECT id FROM outbox_event WHERE event_id = ?", Long.class, eventId);
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM outbox_event WHERE id = ?", String.class, id);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT attempts, last_error, failed_at FROM outbox_event WHERE id = ?", id);
    }

    private double failedGauge() {
        return meters.get("tickitecking.outbox.failed").gauge().value();
    }

    private long pending() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE status = 'PENDING'", Long.class);
    }

    private long failedAttempts() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(attempts), 0) FROM outbox_event WHERE status = 'PENDING'", Long.class);
    }

    private List<DomainEvent> drainAll(EventQueue queue, int expected) {
        List<DomainEvent> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            received.addAll(drain(queue));
            return received.size() >= expected;
        });
        // anything beyond the expected count would be a duplicate: look once more
        received.addAll(drain(queue));
        return received;
    }

    private List<DomainEvent> drain(EventQueue queue) {
        try (var client = sqs.client()) {
            String url = client.getQueueUrl(b -> b.queueName(queue.queueName(PREFIX))).queueUrl();
            List<DomainEvent> events = new ArrayList<>();
            while (true) {
                var messages = client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
                if (messages.isEmpty()) {
                    return events;
                }
                for (var message : messages) {
                    events.add(EventJson.read(message.body()));
                    client.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
            }
        }
    }
}
