package com.tickitecking.testing;

import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.EventQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * One service's event queue ({@code <queuePrefix><name>}) on the test's SQS, as a test plays the other services:
 * {@code publishAndAwait(event)} sends an event as they would and waits until the service has processed it. Every
 * consumer records each event it has processed (applied, or known and not for it) in its table
 * {@code processed_event} through shared-platform's EventInbox, so that row is what "processed" means here.
 * The same class reads a queue whose consumer is not running in the test ({@link #drain()}, {@link #peek()}), to
 * see what the service under test published to another service.
 */
public final class ServiceQueue {

    /** How long a service may take to process an event, on a loaded two-core machine. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final SqsClient sqs;
    private final String name;
    private final String deadLetterName;
    private final DataSource database;
    private String url;

    private ServiceQueue(SqsClient sqs, EventQueue queue, String queuePrefix, DataSource database) {
        this.sqs = sqs;
        this.name = queue.queueName(queuePrefix);
        this.deadLetterName = queue.deadLetterQueueName(queuePrefix);
        this.database = database;
    }

    /** The queue of the service whose database is {@code database}, on the test servers' SQS. */
    public static ServiceQueue of(EventQueue queue, String queuePrefix, DataSource database) {
        return new ServiceQueue(TestServers.sqsClient(), queue, queuePrefix, database);
    }

    /** A queue only published to or read from: {@link #awaitProcessed} needs the consumer's database. */
    public static ServiceQueue of(EventQueue queue, String queuePrefix) {
        return new ServiceQueue(TestServers.sqsClient(), queue, queuePrefix, null);
    }

    /** The same on an SQS of the test's own (one it stops and starts, say). */
    public static ServiceQueue of(SqsClient sqs, EventQueue queue, String queuePrefix, DataSource database) {
        return new ServiceQueue(sqs, queue, queuePrefix, database);
    }

    public String name() {
        return name;
    }

    public synchronized String url() {
        if (url == null) {
            url = urlOf(name);
        }
        return url;
    }

    public void publish(DomainEvent event) {
        publishRaw(EventJson.write(event));
    }

    /** Sends a body as it is: garbage, an unknown type, or the same body twice (a duplicate delivery). */
    public void publishRaw(String body) {
        sqs.sendMessage(b -> b.queueUrl(url()).messageBody(body));
    }

    /** Publishes and waits until the service has processed the event. */
    public void publishAndAwait(DomainEvent event) {
        publish(event);
        awaitProcessed(event);
    }

    /** Waits until the service has processed the event: its id is in the service's {@code processed_event}. */
    public void awaitProcessed(DomainEvent event) {
        if (database == null) {
            throw new IllegalStateException(name + " was opened without its consumer's database: use of(queue, prefix, database)");
        }
        UUID eventId = event.eventId();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).until(() -> processed(eventId));
    }

    private boolean processed(UUID eventId) throws SQLException {
        try (var connection = database.getConnection();
             var statement = connection.prepareStatement("SELECT COUNT(*) FROM processed_event WHERE event_id = ?")) {
            statement.setString(1, eventId.toString());
            try (var rows = statement.executeQuery()) {
                return rows.next() && rows.getInt(1) == 1;
            }
        }
    }

    /** Waits until the queue holds nothing, visible or in flight: every message sent was received and deleted. */
    public void awaitDrained() {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> messages(url()) == 0);
    }

    /** How many messages have ended in the dead-letter queue. */
    public int deadLetters() {
        return messages(urlOf(deadLetterName));
    }

    /** Receives and deletes everything on the queue now, parsed as the consumer would ({@link EventJson}). */
    public List<DomainEvent> drain() {
        return drainRaw().stream().map(EventJson::read).toList();
    }

    /** Receives and deletes everything on the queue now, as the message bodies. */
    public List<String> drainRaw() {
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url()).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(message.body());
                sqs.deleteMessage(b -> b.queueUrl(url()).receiptHandle(message.receiptHandle()));
            }
        }
    }

    /**
     * Up to ten messages, left on the queue (visibility time-out 0), so other tests of the class still see theirs;
     * waits up to a second for the first.
     */
    public List<DomainEvent> peek() {
        return sqs.receiveMessage(b -> b.queueUrl(url()).maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(1))
                .messages().stream().map(message -> EventJson.read(message.body())).toList();
    }

    private String urlOf(String queueName) {
        return sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
    }

    private int messages(String queueUrl) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }
}
