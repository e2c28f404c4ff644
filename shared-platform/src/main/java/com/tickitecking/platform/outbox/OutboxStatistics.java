package com.tickitecking.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's gauges, read from the table every few seconds rather than at each scrape: how many rows wait for
 * SQS, how old the oldest is, and how many SQS can never take.
 */
public class OutboxStatistics {

    private static final Logger log = LoggerFactory.getLogger(OutboxStatistics.class);

    private final OutboxRepository outbox;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong failedRows = new AtomicLong();

    public OutboxStatistics(OutboxRepository outbox, MeterRegistry meters) {
        this.outbox = outbox;
        Gauge.builder("tickitecking.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet accepted by SQS").register(meters);
        Gauge.builder("tickitecking.outbox.oldest.age", oldestAgeMillis, v -> v.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest outbox row waiting for SQS").register(meters);
        Gauge.builder("tickitecking.outbox.failed", failedRows, AtomicLong::get)
                .description("Outbox rows SQS can never take (FAILED): not retried, kept until someone deals with them")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${tickitecking.messaging.relay.statistics-interval:5s}")
    public void refresh() {
        try {
            OutboxRepository.Backlog now = outbox.backlog();
            backlog.set(now.pending());
            oldestAgeMillis.set(now.oldestPending() == null ? 0
                    : Math.max(0, System.currentTimeMillis() - now.oldestPending().toEpochMilli()));
            failedRows.set(now.failed());
        } catch (RuntimeException e) {
            log.warn("outbox statistics not refreshed, keeping the last: {}", RootCause.of(e));
        }
    }
}
