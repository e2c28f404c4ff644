package com.tickitecking.platform.messaging;

import com.tickitecking.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pruning with the default retention (7 days published, 14 days processed), run by the relay in batches of 2. */
@IntegrationTest
@TestPropertySource(properties = {
        "tickitecking.messaging.retention.interval=200ms",
        "tickitecking.messaging.retention.batch-size=2"})
class RetentionPrunerIT {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void prunesOldPublishedAndProcessedEventsAndKeepsRecentUnpublishedAndFailedOnes() {
        for (int i = 0; i < 5; i++) {
            outboxRow("old-published-" + i, "PUBLISHED", daysAgo(8));
            processed("old-processed-" + i, daysAgo(15));
        }
        outboxRow("recent-published", "PUBLISHED", daysAgo(6));
        outboxRow("old-pending", "PENDING", null);
        outboxRow("old-failed", "FAILED", null);
        processed("recent-processed", daysAgo(13));

        await().atMost(Duration.ofSeconds(30)).until(() -> outboxIds().size() == 3 && processedIds().size() == 1);

        assertThat(outboxIds()).containsExactlyInAnyOrder("recent-published", "old-pending", "old-failed");
        assertThat(processedIds()).containsExactly("recent-processed");
    }

    private void outboxRow(String aggregate, String status, Instant publishedAt) {
        Timestamp longAgo = Timestamp.from(daysAgo(30));
        // next attempt far ahead: the relay leaves the pending row alone, so only pruning could remove it
        jdbc.update("""
                INSERT INTO outbox_event (event_id, event_type, aggregate_id, destination, payload, status, attempts,
                                          created_at, next_attempt_at, published_at, failed_at)
                VALUES (?, 'ConcertDeleted', ?, 'SEAT', '{}', ?, 1, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(), aggregate, status, longAgo, Timestamp.from(Instant.now().plus(Duration.ofDays(1))),
                publishedAt == null ? null : Timestamp.from(publishedAt), "FAILED".equals(status) ? longAgo : null);
    }

    private void processed(String type, Instant at) {
        jdbc.update("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)",
                UUID.randomUUID().toString(), type, Timestamp.from(at));
    }

    private List<String> outboxIds() {
        return jdbc.queryForList("SELECT aggregate_id FROM outbox_event", String.class);
    }

    private List<String> processedIds() {
        return jdbc.queryForList("SELECT event_type FROM processed_event", String.class);
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }
}
