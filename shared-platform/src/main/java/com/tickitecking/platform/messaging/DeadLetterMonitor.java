package com.tickitecking.platform.messaging;

import com.tickitecking.events.EventQueue;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;

/**
 * Exports how many messages wait in this service's dead-letter queue ({@code tickitecking_dlq_messages}). SQS is
 * asked on a schedule, not at each scrape, so a scrape never waits for SQS.
 */
public class DeadLetterMonitor {

    /** The reading is only a gauge: one slow SQS call must not hold up the next reading for long. */
    private static final AwsRequestOverrideConfiguration TIMEOUTS = SqsCallTimeouts.perAttempt(Duration.ofSeconds(1));

    private final SqsAsyncClient sqs;
    private final String dlqName;
    private volatile double depth = Double.NaN;

    public DeadLetterMonitor(SqsAsyncClient sqs, MessagingProperties properties, MeterRegistry meters) {
        this.sqs = sqs;
        EventQueue queue = properties.consumes();
        this.dlqName = queue.deadLetterQueueName(properties.queuePrefix());
        Gauge.builder("tickitecking.dlq.messages", this, DeadLetterMonitor::depth)
                .tag("queue", dlqName)
                .description("Messages in this service's dead-letter queue")
                .register(meters);
    }

    /** The DLQ's approximate depth at the last reading, or NaN when SQS could not be asked then. */
    public double depth() {
        return depth;
    }

    @Scheduled(fixedDelayString = "${tickitecking.messaging.dead-letter-check-interval:15s}")
    public void refresh() {
        depth = read();
    }

    private double read() {
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
