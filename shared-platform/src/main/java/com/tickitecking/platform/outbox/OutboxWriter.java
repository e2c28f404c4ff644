package com.tickitecking.platform.outbox;

import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.EventQueue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Records an event in the outbox, inside the caller's transaction: the event exists if and only if the change
 * it describes was committed. One row per subscribing queue, so each destination is retried on its own. An event
 * SQS could never take is refused here ({@link EventTooLargeException}), while the change can still be undone.
 */
public class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final Runnable wakeRelay;

    public OutboxWriter(JdbcTemplate jdbc, Runnable wakeRelay) {
        this.jdbc = jdbc;
        this.wakeRelay = wakeRelay;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(DomainEvent event) {
        String payload = EventJson.write(event);
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > EventQueue.MAX_MESSAGE_BYTES) {
            throw new EventTooLargeException(event.type(), bytes);
        }
        Timestamp now = Timestamp.from(Instant.now());
        // one statement for all destinations: a round trip to the database fewer per destination after the first
        StringBuilder sql = new StringBuilder("""
                INSERT INTO outbox_event (event_id, event_type, aggregate_id, destination, payload, status,
                                          attempts, created_at, next_attempt_at) VALUES """);
        List<Object> args = new ArrayList<>();
        for (EventQueue destination : EventQueue.subscribersOf(event)) {
            sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)");
            Collections.addAll(args, event.eventId().toString(), event.type(), event.aggregateId(), destination.name(), payload,
                    now, now);
        }
        jdbc.update(sql.toString(), args.toArray());
        // Publish right after commit instead of waiting for the relay's next poll: keeps event lag low.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        });
    }
}
