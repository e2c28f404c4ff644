package com.tickitecking.platform.outbox;

import com.tickitecking.events.EventQueue;
import com.tickitecking.platform.messaging.MessagingProperties;
import com.tickitecking.platform.messaging.RetentionPruner;
import com.tickitecking.platform.messaging.SqsCallTimeouts;
import com.tickitecking.platform.retry.Backoff;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends outbox rows to SQS. A row's {@code status} is PENDING (written by {@link OutboxWriter}), PUBLISHED or
 * FAILED. Each pass claims due PENDING rows with {@code FOR UPDATE SKIP LOCKED}, so several instances
 * share the work without sending a row twice at once; rows SQS accepted become PUBLISHED, the others are
 * retried later with exponential back-off. SQS delivery is at-least-once anyway, and consumers de-duplicate.
 * A row SQS can never take (larger than {@link EventQueue#MAX_MESSAGE_BYTES}, or refused as the sender's fault)
 * becomes FAILED instead: kept, counted by {@code tickitecking.outbox.failed}, not retried, and not pruned
 * (the retention pruner deletes only PUBLISHED rows).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** SQS takes at most 10 messages per batch, and {@link EventQueue#MAX_MESSAGE_BYTES} in all. */
    private static final int SQS_BATCH_MESSAGES = 10;
    /** The wait before the first retry of a row SQS refused; it doubles up to the relay's max-backoff. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration STATS_INTERVAL = Duration.ofSeconds(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SqsAsyncClient sqs;
    private final MessagingProperties properties;
    private final RetentionPruner pruner;
    private final AwsRequestOverrideConfiguration timeouts;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong failedRows = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean running;
    private Instant statsDue = Instant.EPOCH;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, SqsAsyncClient sqs,
                       MessagingProperties properties, RetentionPruner pruner, MeterRegistry meters) {
        this.jdbc = jdbc;
        // READ COMMITTED: the claiming SELECT then locks only the rows it returns. Under REPEATABLE READ it would
        // also lock the index gap, and every transaction writing a new event would wait for SQS to answer.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.sqs = sqs;
        this.properties = properties;
        this.pruner = pruner;
        this.timeouts = SqsCallTimeouts.perAttempt(properties.relay().sendTimeout());
        Gauge.builder("tickitecking.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet accepted by SQS").register(meters);
        Gauge.builder("tickitecking.outbox.oldest.age", oldestAgeMillis, v -> v.get() / 1000.0)
                .baseUnit("seconds").description("Age of the oldest outbox row waiting for SQS").register(meters);
        Gauge.builder("tickitecking.outbox.failed", failedRows, AtomicLong::get)
                .description("Outbox rows SQS can never take (FAILED): not retried, kept until someone deals with them")
                .register(meters);
    }

    /** Asks the relay to run a pass now (called after a transaction that wrote events commits). */
    public void wakeUp() {
        wakeUps.release();
    }

    /** One pass: claims due rows, sends them, records the outcome. Returns how many rows were claimed. */
    public int publishDue() {
        Integer claimed = transactions.execute(status -> {
            List<Row> rows = jdbc.query("""
                    SELECT id, event_id, destination, payload, attempts FROM outbox_event
                    WHERE status = 'PENDING' AND next_attempt_at <= ?
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""",
                    (rs, i) -> Row.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                    Timestamp.from(Instant.now()), properties.relay().batchSize());
            Map<String, List<Row>> byDestination = new LinkedHashMap<>();
            for (Row row : rows) {
                if (row.bytes() > EventQueue.MAX_MESSAGE_BYTES) {
                    markFailed(row, "message of " + row.bytes() + " bytes: SQS takes at most " + EventQueue.MAX_MESSAGE_BYTES);
                } else {
                    byDestination.computeIfAbsent(row.destination(), d -> new ArrayList<>()).add(row);
                }
            }
            send(byDestination);
            return rows.size();
        });
        return claimed == null ? 0 : claimed;
    }

    /**
     * Sends every batch of the pass at once and waits for all of them, so a pass waits about one SQS round trip
     * instead of one per batch (sending them one by one kept the relay behind on a busy machine).
     */
    private void send(Map<String, List<Row>> byDestination) {
        Set<Row> sent = ConcurrentHashMap.newKeySet();
        Map<Row, String> failed = new ConcurrentHashMap<>();
        Map<Row, String> refused = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        byDestination.forEach((destination, rows) -> {
            String queueUrl;
            try {
                queueUrl = queueUrl(EventQueue.valueOf(destination));
            } catch (RuntimeException e) {
                rows.forEach(row -> failed.put(row, rootMessage(e)));
                return;
            }
            for (List<Row> batch : batches(rows)) {
                inFlight.add(sendBatch(queueUrl, batch)
                        .thenAccept(response -> {
                            response.successful().forEach(ok -> sent.add(batch.get(Integer.parseInt(ok.id()))));
                            // The sender's fault (the message itself is invalid) will not change on a retry.
                            response.failed().forEach(ko -> (Boolean.TRUE.equals(ko.senderFault()) ? refused : failed)
                                    .put(batch.get(Integer.parseInt(ko.id())), ko.code() + ": " + ko.message()));
                        })
                        .exceptionally(e -> {
                            batch.forEach(row -> failed.put(row, rootMessage(e)));
                            return null;
                        }));
            }
        });
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        markPublished(List.copyOf(sent));
        failed.forEach(this::scheduleRetry);
        refused.forEach(this::markFailed);
    }

    private CompletableFuture<SendMessageBatchResponse> sendBatch(String queueUrl, List<Row> batch) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(batch.get(i).payload()).build());
        }
        return sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries).overrideConfiguration(timeouts));
    }

    private List<List<Row>> batches(List<Row> rows) {
        List<List<Row>> batches = new ArrayList<>();
        List<Row> current = new ArrayList<>();
        int bytes = 0;
        for (Row row : rows) {
            int size = row.bytes();
            if (!current.isEmpty() && (current.size() == SQS_BATCH_MESSAGES || bytes + size > EventQueue.MAX_MESSAGE_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(row);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private String queueUrl(EventQueue queue) {
        return queueUrls.computeIfAbsent(queue.name(), name -> sqs.getQueueUrl(b -> b.queueName(properties.queueName(queue))
                .overrideConfiguration(timeouts)).join().queueUrl());
    }

    private void markPublished(List<Row> rows) {
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

    private void scheduleRetry(Row row, String error) {
        Duration maxBackoff = properties.relay().maxBackoff();
        Duration firstRetry = FIRST_RETRY.compareTo(maxBackoff) < 0 ? FIRST_RETRY : maxBackoff;
        long backoffMillis = new Backoff(0, firstRetry, maxBackoff).waitAfter(row.attempts() + 1L).toMillis();
        jdbc.update("UPDATE outbox_event SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                truncate(error), Timestamp.from(Instant.now().plusMillis(backoffMillis)), row.id());
        log.warn("outbox row {} (event {}) not accepted by SQS, retrying in {} ms: {}", row.id(), row.eventId(), backoffMillis, error);
    }

    private void markFailed(Row row, String error) {
        jdbc.update("UPDATE outbox_event SET status = 'FAILED', attempts = attempts + 1, last_error = ?, failed_at = ? WHERE id = ?",
                truncate(error), Timestamp.from(Instant.now()), row.id());
        log.error("outbox row {} (event {} to {}) can never be sent, marked FAILED: {}", row.id(), row.eventId(),
                row.destination(), error);
    }

    private void refreshStatistics() {
        if (Instant.now().isBefore(statsDue)) {
            return;
        }
        statsDue = Instant.now().plus(STATS_INTERVAL);
        jdbc.query("""
                SELECT COUNT(CASE WHEN status = 'PENDING' THEN 1 END), MIN(CASE WHEN status = 'PENDING' THEN created_at END),
                       COUNT(CASE WHEN status = 'FAILED' THEN 1 END)
                FROM outbox_event WHERE status IN ('PENDING', 'FAILED')""", rs -> {
            backlog.set(rs.getLong(1));
            Timestamp oldest = rs.getTimestamp(2);
            oldestAgeMillis.set(oldest == null ? 0 : Math.max(0, System.currentTimeMillis() - oldest.getTime()));
            failedRows.set(rs.getLong(3));
        });
    }

    private void loop() {
        while (running) {
            try {
                int claimed = publishDue();
                refreshStatistics();
                pruner.pruneIfDue();
                if (claimed < properties.relay().batchSize()) {
                    wakeUps.tryAcquire(properties.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("outbox relay pass failed, retrying: {}", rootMessage(e));
                sleepQuietly(properties.relay().pollInterval());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    /** @param bytes the payload's size as SQS counts it */
    private record Row(long id, String eventId, String destination, String payload, int attempts, int bytes) {
        static Row of(long id, String eventId, String destination, String payload, int attempts) {
            return new Row(id, eventId, destination, payload, attempts, payload.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
