package com.tickitecking.platform.outbox;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The relay's access to {@code outbox_event}. A row's {@code status} is PENDING (written by {@link OutboxWriter}),
 * PUBLISHED or FAILED.
 */
public class OutboxRepository {

    /** {@code last_error}'s column width. */
    private static final int MAX_ERROR = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    /** On the relay's own connections ({@link OutboxConnections}). */
    public OutboxRepository(OutboxConnections connections) {
        this(connections.jdbc(), connections.transactions());
    }

    public OutboxRepository(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        // READ COMMITTED, the pool's default (platform-defaults.properties): the claiming SELECT then locks only the
        // rows it returns. Under REPEATABLE READ it would also lock the index gap, and every transaction writing a new
        // event would wait for SQS to answer.
        this.transactions = transactions;
    }

    /**
     * Claims up to {@code limit} due PENDING rows and hands them to {@code work} in one transaction, which keeps
     * them locked until {@code work} has recorded what became of them. {@code SKIP LOCKED}: several instances
     * share the work without sending a row twice at once. Returns how many rows were claimed.
     */
    int claimDue(int limit, Consumer<List<OutboxRow>> work) {
        Integer claimed = transactions.execute(status -> {
            List<OutboxRow> rows = jdbc.query("""
                    SELECT id, event_id, destination, payload, attempts FROM outbox_event
                    WHERE status = 'PENDING' AND next_attempt_at <= ?
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> OutboxRow.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                    Timestamp.from(Instant.now()), limit);
            work.accept(rows);
            return rows.size();
        });
        return claimed == null ? 0 : claimed;
    }

    void markPublished(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("UPDATE outbox_event SET status = 'PUBLISHED', published_at = ?, attempts = attempts + 1 WHERE id = ?",
                rows, rows.size(), (ps, row) -> {
                    ps.setTimestamp(1, now);
                    ps.setLong(2, row.id());
                });
    }

    void scheduleRetry(OutboxRow row, String error, Instant nextAttempt) {
        jdbc.update("UPDATE outbox_event SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                truncate(error), Timestamp.from(nextAttempt), row.id());
    }

    /** FAILED rows are kept (the retention pruner deletes only PUBLISHED ones) and never claimed again. */
    void markFailed(OutboxRow row, String error) {
        jdbc.update("UPDATE outbox_event SET status = 'FAILED', attempts = attempts + 1, last_error = ?, failed_at = ? WHERE id = ?",
                truncate(error), Timestamp.from(Instant.now()), row.id());
    }

    /**
     * @param pending       rows not yet accepted by SQS
     * @param oldestPending when the oldest of them was written, or null when there is none
     * @param failed        rows SQS can never take
     */
    record Backlog(long pending, Instant oldestPending, long failed) {
    }

    Backlog backlog() {
        return jdbc.queryForObject("""
                SELECT COUNT(CASE WHEN status = 'PENDING' THEN 1 END), MIN(CASE WHEN status = 'PENDING' THEN created_at END),
                       COUNT(CASE WHEN status = 'FAILED' THEN 1 END)
                FROM outbox_event WHERE status IN ('PENDING', 'FAILED')""", (rs, i) -> {
            Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant(), rs.getLong(3));
        });
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
