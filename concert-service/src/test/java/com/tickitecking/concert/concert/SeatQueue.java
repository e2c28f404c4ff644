package com.tickitecking.concert.concert;

import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import com.tickitecking.testing.TestServers;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.List;

/** Test helper: what arrived on seat-service's queue, read the way seat-service reads it (raw body + EventJson). */
final class SeatQueue {

    /** An event as it travelled: parsed, and the size of its message body. */
    record Received(DomainEvent event, int bytes) {
    }

    private final String queueName;
    private final List<Received> received = new ArrayList<>();

    SeatQueue(String queuePrefix) {
        this.queueName = queuePrefix + "seat-events";
    }

    /** Everything received so far, after one more short poll. */
    synchronized List<Received> poll() {
        try (SqsClient sqs = TestServers.sqs().client()) {
            String url = sqs.getQueueUrl(b -> b.queueName(queueName)).queueUrl();
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            for (Message message : messages) {
                received.add(new Received(EventJson.read(message.body()), message.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
                sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
        }
        return List.copyOf(received);
    }
}
