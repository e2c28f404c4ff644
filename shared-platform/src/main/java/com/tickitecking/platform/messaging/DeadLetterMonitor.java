package com.tickitecking.platform.messaging;

import com.tickitecking.events.EventQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;

/** Exports how many messages wait in this service's dead-letter queue ({@code tickitecking_dlq_messages}). */
public class DeadLetterMonitor {

    /** A scrape must not wait long for a gauge. */
    private static final AwsRequestOverrideConfiguration TIMEOUTS = SqsCallTimeouts.perAttempt(Duration.ofSeconds(1));

    private final SqsAsyncClient sqs;
    private final String dlqName;

    public DeadLetterMonitor(SqsAsyncClient sqs, MessagingProperties properties, MeterRegistry meters) {
        this.sqs = sqs;
        EventQueue queue = properties.consumes();
        this.dlqName = queue.deadLetterQueueName(properties.queuePrefix());
        Gauge.builder("tickitecking.dlq.messages", this, DeadLetterMonitor::depth)
                .tag("queue", dlqName)
                .description("Messages in this service's dead-letter queue")
                .register(meters);
    }

    /** The DLQ's approximate depth, or NaN when SQS cannot be asked right now. */
    public double depth() {
        try {
            String url = sqs.getQueueUrl(b -> b.queueName(dlqName).overrideConfiguration(TIMEOUTS)).join().queueUrl();
            String count = sqs.getQueueAttributes(b -> b.queueUrl(url).overrideConfiguration(TIMEOUTS)
                            .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    .join().attributes().get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            return Double.parseDouble(count);
        } catch (Exception e) {
            return Double.NaN;
        }
    }
}
