package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.redis.RedisKeys;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Gives Redis back its memory of the Idempotency-Keys after it lost it (a flush, a restart, a fresh machine), so
 * that a new key costs no database look-up for the 24 h the watermark would otherwise need to grow old
 * ({@link IdempotencyKeys}): the keys of the reservations held within the last TTL are read from the reservation
 * table, page by page in id order, and written into Redis as {@link IdempotencyKeys#complete} writes them
 * ({@code DONE:<hash>:<id>}, for what is left of their TTL, only where Redis knows nothing of the key); then each
 * young shard's watermark is moved back to (scan start − TTL). Started at start-up and whenever a request finds a
 * young watermark, in the background (the request does not wait), one at a time per instance and, through a
 * Redisson lock, across instances.
 *
 * <p>Why moving the watermark is safe — the races:
 * <ul>
 *   <li>A key used after the watermark was written and before the scan started is in Redis already: its request
 *       set it in begin-request (and {@code DONE} after its commit); if that write failed, its row is read by the
 *       scan, which starts a TTL (plus {@link #CLOCK_MARGIN}) before the scan.</li>
 *   <li>A row that commits during the scan may be missed by the pages (its id may be below the cursor); its request
 *       took its key in Redis before it inserted and writes {@code DONE} after the commit, so Redis knows it. Only if
 *       Redis was flushed between that request's begin and its {@code DONE} is the key unknown for that moment; a
 *       repeat then is told "new" and meets the unique key {@code (user_id, idempotency_key)} at the insert, which
 *       answers it with the earlier reservation (as for any key Redis lost while the watermark stayed).</li>
 *   <li>A second flush during the scan wipes the keys restored so far: the watermark is then gone or was written
 *       anew by a request, and {@code move-watermark.lua} moves it only if it is still the value read before the
 *       scan (compare-and-set), so it stays young and the next young watermark starts another restore.</li>
 *   <li>Several instances: the lock lets one restore at a time; another instance skips (its requests keep asking
 *       the database until the watermark moves). A second restore over the same rows is harmless (SET NX), and if
 *       the lock's holder dies its watchdog lease runs out and the next young watermark starts a restore again.</li>
 * </ul>
 */
@Component
public class IdempotencyKeysRestore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeysRestore.class);
    /** Rows are stamped by the service's clock and the watermark by Redis's: restore this much more than a TTL. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final IdempotencyKeys idempotencyKeys;
    private final ReservationRepository reservations;
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final ReservationProperties properties;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong restoredKeys = new AtomicLong();
    private final AtomicLong youngShards = new AtomicLong(IdempotencyKeys.SHARDS);

    public IdempotencyKeysRestore(IdempotencyKeys idempotencyKeys, ReservationRepository reservations,
                                  RedissonClient redisson, RedisKeys keys, ReservationProperties properties,
                                  Clock clock, MeterRegistry registry) {
        this.idempotencyKeys = idempotencyKeys;
        this.reservations = reservations;
        this.redisson = redisson;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("tickitecking.idempotency.restored.keys", restoredKeys, AtomicLong::get)
                .description("Idempotency-Keys the running restore has written into Redis so far").register(registry);
        Gauge.builder("tickitecking.idempotency.young.shards", youngShards, AtomicLong::get)
                .description("Idempotency shards whose watermark was young at the last restore (0: Redis tells new keys alone)")
                .register(registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        startInBackground();
    }

    @EventListener
    void onMemoryTooShort(IdempotencyKeys.MemoryTooShort event) {
        startInBackground();
    }

    /** Starts a restore on a thread of its own unless one is running here; returns at once. */
    public void startInBackground() {
        if (!properties.idempotencyRestore() || !running.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("idempotency-restore").start(() -> {
            try {
                restore();
            } catch (RuntimeException e) {
                log.warn("restoring the Idempotency-Keys into Redis failed, retried when a request finds a young watermark: {}",
                        e.toString());
            } finally {
                running.set(false);
            }
        });
    }

    /** Whether a restore runs on this instance now. */
    boolean running() {
        return running.get();
    }

    /** Restores the keys of the young shards and moves their watermarks back; returns how many moved. */
    int restore() {
        RLock lock = redisson.getLock(keys.key("reservation", "idempotency", "restore-lock"));
        if (!lock.tryLock()) {
            return 0; // another instance restores
        }
        try {
            List<IdempotencyKeys.Watermark> young = IntStream.range(0, IdempotencyKeys.SHARDS)
                    .mapToObj(idempotencyKeys::watermark).filter(idempotencyKeys::young).toList();
            youngShards.set(young.size());
            if (young.isEmpty()) {
                return 0;
            }
            long scanStart = young.stream().mapToLong(IdempotencyKeys.Watermark::now).min().orElseThrow();
            long rememberedSince = scanStart - properties.idempotencyTtl().toMillis();
            Instant since = Instant.ofEpochMilli(rememberedSince).minus(CLOCK_MARGIN);
            Set<Integer> shards = young.stream().map(IdempotencyKeys.Watermark::shard).collect(Collectors.toSet());
            log.info("restoring the Idempotency-Keys of {} shard(s) held since {} into Redis", shards.size(), since);
            restoredKeys.set(0);
            long afterId = 0;
            int pages = 0;
            List<ReservationRepository.UsedKey> page;
            do {
                page = reservations.keysUsedSince(since, afterId, properties.idempotencyRestorePage());
                if (!page.isEmpty()) {
                    var ofYoungShards = page.stream().filter(k -> shards.contains(IdempotencyKeys.shardOf(k.userId()))).toList();
                    idempotencyKeys.restore(ofYoungShards, clock.instant());
                    restoredKeys.addAndGet(ofYoungShards.size());
                    afterId = page.getLast().id();
                    if (++pages % 100 == 0) {
                        log.info("restoring the Idempotency-Keys: {} written, at reservation id {}", restoredKeys.get(), afterId);
                    }
                }
            } while (page.size() == properties.idempotencyRestorePage());
            int moved = 0;
            for (var watermark : young) {
                moved += idempotencyKeys.moveWatermark(watermark, rememberedSince) ? 1 : 0;
            }
            youngShards.set(young.size() - moved);
            log.info("restored {} Idempotency-Keys into Redis; {} of {} watermark(s) moved back to {} ({} changed meanwhile: left young)",
                    restoredKeys.get(), moved, young.size(), Instant.ofEpochMilli(rememberedSince), young.size() - moved);
            return moved;
        } finally {
            if (lock.isHeldByCurrentThread()) { // a flush during the restore deletes the lock too
                lock.unlock();
            }
        }
    }
}
