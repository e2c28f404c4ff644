package com.tickitecking.platform.messaging;

import com.tickitecking.events.EventQueue;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where events go and how the outbox relay behaves.
 *
 * @param queuePrefix prefix of every queue name ({@code tickitecking-}; tests use their own)
 * @param consumes    the queue this service reads, if any (its DLQ depth is exported as a metric, read every
 *                    {@code tickitecking.messaging.dead-letter-check-interval}, 15 s)
 * @param relay       outbox relay tuning
 * @param retention   how long delivered events are remembered before they are pruned
 */
@ConfigurationProperties("tickitecking.messaging")
public record MessagingProperties(String queuePrefix, EventQueue consumes, Relay relay, Retention retention) {

    public MessagingProperties {
        queuePrefix = queuePrefix == null ? "tickitecking-" : queuePrefix;
        relay = relay == null ? new Relay(0, null, null, null) : relay;
        retention = retention == null ? new Retention(null, null, 0) : retention;
    }

    /**
     * How often the relay polls and its statistics refresh are scheduling settings, read where they are scheduled
     * ({@code tickitecking.messaging.relay.poll-interval}, 500 ms, and {@code .statistics-interval}, 5 s).
     *
     * @param batchSize    rows claimed per transaction
     * @param maxBackoff   longest wait before retrying a row SQS refused
     * @param sendTimeout  longest one attempt to hand a batch to SQS may take before it is abandoned and retried
     * @param connections  the relay's own database connections, apart from the service's pool so that a pass never
     *                     queues behind request threads (2: one pass at a time, and the statistics); 0 shares the
     *                     service's pool
     */
    public record Relay(int batchSize, Duration maxBackoff, Duration sendTimeout, Integer connections) {
        public Relay {
            connections = connections == null || connections < 0 ? 2 : connections;
            batchSize = batchSize <= 0 ? 100 : batchSize;
            maxBackoff = maxBackoff == null || !maxBackoff.isPositive() ? Duration.ofSeconds(30) : maxBackoff;
            sendTimeout = sendTimeout == null ? Duration.ofSeconds(2) : sendTimeout;
        }
    }

    /**
     * What {@link RetentionPruner} deletes, and how. FAILED outbox rows are never pruned: someone has to look.
     * How often pruning starts ({@code tickitecking.messaging.retention.interval}, 1 h) is read where it is
     * scheduled; a run goes on batch after batch until nothing is left.
     *
     * @param publishedEvents how long outbox rows SQS accepted are kept for inspection
     * @param processedEvents how long the inbox remembers an applied event id. At least SQS's longest message
     *                        retention (14 days, the dead-letter queues'): a message redriven from a DLQ later
     *                        than this would be applied again
     * @param batchSize       rows per DELETE, so a big table is never locked for long
     */
    public record Retention(Duration publishedEvents, Duration processedEvents, int batchSize) {
        public Retention {
            publishedEvents = publishedEvents == null ? Duration.ofDays(7) : publishedEvents;
            processedEvents = processedEvents == null ? Duration.ofDays(14) : processedEvents;
            batchSize = batchSize <= 0 ? 1_000 : batchSize;
        }
    }

    public String queueName(EventQueue queue) {
        return queue.queueName(queuePrefix);
    }
}
