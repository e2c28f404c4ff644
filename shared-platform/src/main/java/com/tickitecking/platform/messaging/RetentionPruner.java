package com.tickitecking.platform.messaging;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Deletes what the messaging tables no longer need: outbox rows SQS accepted and inbox ids older than their
 * retention. Unpublished and FAILED outbox rows stay. Each DELETE takes at most one batch and commits on its
 * own, so a big backlog never holds many locks at once.
 *
 * <p>It runs on the outbox relay's thread, between relay passes ({@link #pruneIfDue}): the one background
 * worker the platform has, so there is no second scheduling mechanism, and one pass deletes at most one batch
 * per table before the relay publishes again.
 */
public class RetentionPruner {

    private final JdbcTemplate jdbc;
    private final MessagingProperties.Retention retention;
    private Instant due = Instant.EPOCH;

    public RetentionPruner(JdbcTemplate jdbc, MessagingProperties properties) {
        this.jdbc = jdbc;
        this.retention = properties.retention();
    }

    /** Deletes one batch from each table when pruning is due; when nothing more is left, waits an interval. */
    public void pruneIfDue() {
        if (Instant.now().isBefore(due)) {
            return;
        }
        if (!pruneBatch()) {
            due = Instant.now().plus(retention.interval());
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
