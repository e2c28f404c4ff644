package com.tickitecking.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Applies each incoming event at most once: the event id goes into {@code processed_event} in the same
 * transaction as the handler's writes, so a redelivered message changes nothing. A handler that throws rolls
 * both back; the message becomes visible again, and after five failed receives SQS moves it to the DLQ.
 */
public class EventInbox {

    private static final Logger log = LoggerFactory.getLogger(EventInbox.class);

    private final String consumer;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Timer lag;

    public EventInbox(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters, String consumer) {
        this.consumer = consumer;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lag = Timer.builder("tickitecking.event.lag")
                .description("From the event happening to this consumer applying it")
                .tag("consumer", consumer)
                .publishPercentileHistogram()
                .register(meters);
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
     * The one answer to a known event this consumer does not use: it is acknowledged (recorded as processed) and
     * logged at debug. Listeners switch exhaustively over the event families, so a new family is a compile error
     * rather than a silent drop; a message that cannot be parsed at all throws in {@link #receive} and ends in the DLQ.
     */
    public void notForThisService(DomainEvent event) {
        log.debug("{} {} is not for {}; acknowledged", event.type(), event.eventId(), consumer);
    }
}
