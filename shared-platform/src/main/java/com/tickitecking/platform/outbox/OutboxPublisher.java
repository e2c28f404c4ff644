package com.tickitecking.platform.outbox;

import com.tickitecking.events.EventQueue;
import com.tickitecking.platform.messaging.MessagingProperties;
import com.tickitecking.platform.messaging.SqsCallTimeouts;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Hands claimed rows to SQS and tells which were taken, which to retry and which SQS can never take. */
public class OutboxPublisher {

    private final SqsAsyncClient sqs;
    private final MessagingProperties properties;
    private final AwsRequestOverrideConfiguration timeouts;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    public OutboxPublisher(SqsAsyncClient sqs, MessagingProperties properties) {
        this.sqs = sqs;
        this.properties = properties;
        this.timeouts = SqsCallTimeouts.perAttempt(properties.relay().sendTimeout());
    }

    /**
     * Sends every batch at once and waits for all of them, so a pass waits about one SQS round trip instead of one
     * per batch (sending them one by one kept the relay behind on a busy machine).
     */
    PublishOutcome publish(List<OutboxRow> rows) {
        PublishOutcome outcome = PublishOutcome.NOTHING;
        Map<String, List<OutboxRow>> byDestination = new LinkedHashMap<>();
        for (OutboxRow row : rows) {
            if (row.bytes() > EventQueue.MAX_MESSAGE_BYTES) {
                outcome = outcome.and(PublishOutcome.failed(row,
                        "message of " + row.bytes() + " bytes: SQS takes at most " + EventQueue.MAX_MESSAGE_BYTES));
            } else {
                byDestination.computeIfAbsent(row.destination(), d -> new ArrayList<>()).add(row);
            }
        }
        List<CompletableFuture<PublishOutcome>> inFlight = new ArrayList<>();
        for (var destination : byDestination.entrySet()) {
            String queueUrl;
            try {
                queueUrl = queueUrl(EventQueue.valueOf(destination.getKey()));
            } catch (RuntimeException e) {
                outcome = outcome.and(PublishOutcome.retryAll(destination.getValue(), RootCause.of(e)));
                continue;
            }
            for (List<OutboxRow> batch : SqsBatches.of(destination.getValue())) {
                inFlight.add(send(queueUrl, batch));
            }
        }
        for (CompletableFuture<PublishOutcome> batch : inFlight) {
            outcome = outcome.and(batch.join());
        }
        return outcome;
    }

    private CompletableFuture<PublishOutcome> send(String queueUrl, List<OutboxRow> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(batch.get(i).payload()).build());
        }
        return sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries).overrideConfiguration(timeouts))
                .thenApply(response -> PublishOutcome.of(batch, response))
                .exceptionally(e -> PublishOutcome.retryAll(batch, RootCause.of(e)));
    }

    private String queueUrl(EventQueue queue) {
        return queueUrls.computeIfAbsent(queue.name(), name -> sqs.getQueueUrl(b -> b.queueName(properties.queueName(queue))
                .overrideConfiguration(timeouts)).join().queueUrl());
    }
}
