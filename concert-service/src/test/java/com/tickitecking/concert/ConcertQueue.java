package com.tickitecking.concert;

import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import com.tickitecking.testing.TestServers;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** Test helper: plays the other services, sending events to concert-service's own queue as they would. */
public record ConcertQueue(String queuePrefix, JdbcTemplate jdbc) {

    public void send(DomainEvent event) {
        sendRaw(EventJson.write(event));
    }

    /** Sends a message body as is: sending the same one twice is a duplicate delivery. */
    public void sendRaw(String body) {
        try (SqsClient sqs = TestServers.sqs().client()) {
            String url = sqs.getQueueUrl(b -> b.queueName(queuePrefix + "concert-events")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
        }
    }

    /** Sends and waits until the service has applied (or deliberately ignored) the event. */
    public void sendAndAwait(DomainEvent event) {
        send(event);
        awaitApplied(event);
    }

    public void awaitApplied(DomainEvent event) {
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class, event.eventId().toString()) == 1);
    }
}
