package com.tickitecking.platform.messaging;

import com.tickitecking.events.EventQueue;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where events go and how the outbox relay behaves.
 *
 * @param queuePrefix prefix of every queue name ({@code tickitecking-}; tests use their own)
 * @param consumes    the queue this service reads, if any (its DLQ depth is exported as a metric)
 * @param relay       outbox relay tuning
 */
@ConfigurationProperties("tickitecking.messaging")
public record MessagingProperties(String queuePrefix, EventQueue consumes, Relay relay) {

    public MessagingProperties {
        queuePrefix = queuePrefix == null ? "tickitecking-" : queuePrefix;
        relay = relay == null ? new Relay(null, 0, null, null, null) : relay;
    }

    /**
     * @param pollInterval how long the relay sleeps when nothing was committed meanwhile
     * @param batchSize    rows claimed per transaction
     * @param maxBackoff   longest wait before retrying a row SQS refused
     * @param retention    how long published rows are kept for inspection
     * @param sendTimeout  longest one attempt to hand a batch to SQS may take before it is abandoned and retried
     */
    public record Relay(Duration pollInterval, int batchSize, Duration maxBackoff, Duration retention, Duration sendTimeout) {
        public Relay {
            pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
            batchSize = batchSize <= 0 ? 100 : batchSize;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
            retention = retention == null ? Duration.ofDays(7) : retention;
            sendTimeout = sendTimeout == null ? Duration.ofSeconds(2) : sendTimeout;
        }
    }

    public String queueName(EventQueue queue) {
        return queue.queueName(queuePrefix);
    }
}
