package com.tickitecking.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Deletes what the messaging tables no longer need: outbox rows SQS accepted and inbox ids older than their
 * retention. Unpublished and FAILED outbox rows stay. Each DELETE takes at most one batch and commits on its
 * own, so a big backlog never holds many locks at once.
 */
public class RetentionPruner {

    private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);

    private final JdbcTemplate jdbc;
    private final MessagingProperties.Retention retention;

    public RetentionPruner(JdbcTemplate jdbc, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.retention = properties.retention();
    }

    /** Deletes batch after batch until nothing expired is left; then waits an interval. */
    @Scheduled(fixedDelayString = "${tickitecking.messaging.retention.interval:1h}")
    public void prune() {
        try {
            boolean more;
            do {
                more = pruneBatch();
            } while (more);
        } catch (RuntimeException e) {
            log.warn("retention pruning failed, trying again in an interval: {}", e.getMessage());
        }
    }

    /** Deletes one batch of expired rows from each table; returns whether more may be left. */
    public boolean pruneBatch() {
        Instant now = Instant.now();
        int published = jdbc.update("DELETE FROM outbox_event WHERE status = 'PUBLISHED' AND published_at < ? LIMIT ?",
                Timestamp.from(now.minus(retention.publishedEvents())), retention.batchSize());
        int processed = jdbc.update("DELETE FROM processed_event WHERE processed_at < ? LIMIT ?",
                Timestamp.from(now.minus(retention.processedEvents())), retention.batchSize());
        return published == retention.batchSize() || processed == retention.batchSize();
    }
}
