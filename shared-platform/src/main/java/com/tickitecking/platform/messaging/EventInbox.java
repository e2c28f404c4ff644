package com.tickitecking.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies each incoming event at most once: the event id goes into {@code processed_event} in the same
 * transaction as the handler's writes, so a redelivered message changes nothing. A handler that throws rolls
 * both back; the message becomes visible again, and after five failed receives SQS moves it to the DLQ.
 *
 * <p>{@link #receiveAll} does the same for a batch of messages in one transaction (one multi-row insert of the
 * ids, one call of the handler), and falls back to one transaction per message when the batch cannot be applied
 * as a whole, so that one bad message costs the others nothing but a retry of their own.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final String consumer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Timer lag;
    private final MeterRegistry meters;

    public EventInbox(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters, String consumer) {
        this.consumer = consumer;
        this.jdbc = jdbc;
        // READ COMMITTED, whatever the pool's default. Nothing here needs REPEATABLE READ: the inbox's once-only rests
        // on processed_event's primary key (INSERT IGNORE checks it against the latest commit at any level), and the
        // handlers take turns on locking reads of rows that exist (a concert's row first), which see the latest
        // commit at any level too. What REPEATABLE READ added was gap locks: a FOR UPDATE of a reservation state
        // not written yet locked the gap after the last one, and two batches of different concerts, each inserting
        // into that gap, deadlocked (SeatEventsBatchIT: 27 of 80 parallel batches before).
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.lag = Timer.builder("tickitecking.event.lag")
                .description("From the event happening to this consumer applying it")
                .tag("consumer", consumer)
                .publishPercentileHistogram()
                .register(meters);
        this.meters = meters;
    }

    /** Parses a message and applies it once; returns false when it had been applied before. */
    public boolean receive(String message, Consumer<DomainEvent> handler) {
        DomainEvent event = EventJson.read(message);
        Boolean applied = transactions.execute(status -> {
            int inserted = jdbc.update("INSERT IGNORE INTO processed_event (event_id, event_type, processed_at) VALUES (?, ?, ?)",
                    event.eventId().toString(), event.type(), Timestamp.from(Instant.now()));
            if (inserted == 0) {
                return false;
            }
            handler.accept(event);
            return true;
        });
        if (Boolean.TRUE.equals(applied)) {
            lag.record(Duration.between(event.occurredAt(), Instant.now()));
        }
        return Boolean.TRUE.equals(applied);
    }

    /**
     * Applies a batch of messages at most once each; returns the messages to acknowledge (those applied now, those
     * applied before, and copies of one event in the batch). First the whole batch in one transaction: the ids of
     * its events in one {@code INSERT IGNORE}, then {@code handler} once with every event, in the order received.
     * If that fails (a handler threw, or the insert found an id already there, which a redelivery does and which
     * says not which one), it is rolled back and each message is applied alone with {@link #receive}, the handler
     * given a list of one: a message whose handler still throws, or that is no event, is not returned, so SQS
     * delivers it again and after five receives moves it to the DLQ, as with {@link #receive}.
     */
    public <M> List<M> receiveAll(List<M> messages, Function<M, String> body, Consumer<List<DomainEvent>> handler) {
        Map<UUID, DomainEvent> events = new LinkedHashMap<>();
        List<M> parsed = new ArrayList<>(messages.size());
        for (M message : messages) {
            try {
                DomainEvent event = EventJson.read(body.apply(message));
                events.putIfAbsent(event.eventId(), event);
                parsed.add(message);
            } catch (RuntimeException e) {
                log.warn("{}: a message that is no event is left to SQS (retried, then the DLQ): {}", consumer, e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return parsed;
        }
        List<DomainEvent> batch = List.copyOf(events.values());
        try {
            transactions.executeWithoutResult(status -> {
                if (recordAll(batch) < batch.size()) {
                    throw new SeenBefore();
                }
                handler.accept(batch);
            });
            Instant now = Instant.now();
            batch.forEach(event -> lag.record(Duration.between(event.occurredAt(), now)));
            return parsed;
        } catch (RuntimeException e) {
            splitBatches(e).increment();
            log.info("{}: a batch of {} events is applied one by one: {}", consumer, batch.size(), e.toString());
        }
        List<M> done = new ArrayList<>(parsed.size());
        for (M message : parsed) {
            try {
                receive(body.apply(message), event -> handler.accept(List.of(event)));
                done.add(message);
            } catch (RuntimeException e) {
                log.warn("{}: a message is left to SQS (retried, then the DLQ)", consumer, e);
            }
        }
        return done;
    }

    /** Inserts the batch's ids in one statement (in id order, so two batches lock them in one order); how many were new. */
    private int recordAll(List<DomainEvent> batch) {
        List<DomainEvent> byId = new ArrayList<>(batch);
        byId.sort((a, b) -> a.eventId().toString().compareTo(b.eventId().toString()));
        Timestamp now = Timestamp.from(Instant.now());
        List<Object> params = new ArrayList<>(byId.size() * 3);
        for (DomainEvent event : byId) {
            params.add(event.eventId().toString());
            params.add(event.type());
            params.add(now);
        }
        return jdbc.update("INSERT IGNORE INTO processed_event (event_id, event_type, processed_at) VALUES "
                + String.join(", ", Collections.nCopies(byId.size(), "(?, ?, ?)")), params.toArray());
    }

    /**
     * Counts the batches applied one by one, by why: {@code redelivered} (an event of it was applied before),
     * {@code lock} (a deadlock or lock wait time-out: two consumer transactions in each other's way) or
     * {@code failed} (a handler threw). A steady {@code lock} count is a locking bug, not bad luck.
     */
    private Counter splitBatches(RuntimeException cause) {
        String reason = cause instanceof SeenBefore ? "redelivered"
                : cause instanceof PessimisticLockingFailureException ? "lock" : "failed";
        return Counter.builder("tickitecking.event.batches.split")
                .description("Batches rolled back and applied one message at a time")
                .tag("consumer", consumer)
                .tag("reason", reason)
                .register(meters);
    }

    /** The batch has an event applied before: it is rolled back and applied one message at a time. */
    private static final class SeenBefore extends RuntimeException {
        SeenBefore() {
            super("an event of the batch was applied before", null, false, false);
        }
    }

    /**
     * The one answer to a known event this consumer does not use: it is acknowledged (recorded as processed) and
     * logged at debug. Listeners switch exhaustively over the event families, so a new family is a compile error
     * rather than a silent drop; a message that cannot be parsed at all throws in {@link #receive} and ends in the DLQ.
     */
    public void notForThisService(DomainEvent event) {
        log.debug("{} {} is not for {}; acknowledged", event.type(), event.eventId(), consumer);
    }
}
