package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.redis.RedisKeys;
import org.redisson.api.RBatch;
import org.redisson.api.RBucket;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers, per user and Idempotency-Key, which request it was used for and what came of it. Redis answers
 * quickly and knows which requests are still in flight ({@code PENDING:<hash>}, then {@code DONE:<hash>:<id>});
 * the reservation row keeps the key too (unique per user), so a repeat is recognised even after Redis lost it.
 * A request that failed gives its key back: the client may retry with the same key.
 *
 * <p>A new key costs no database query as long as Redis can tell it is new: each shard of keys has a watermark,
 * the time since which Redis has remembered every key of the shard ({@code begin-request.lua}); it is written
 * when absent, so it starts again whenever Redis lost its data (flush, restart). Once it is older than the
 * idempotency TTL, a key Redis does not know was not used within the TTL, and the request goes on without asking
 * the database; before that, the database is asked. A key older than the TTL (or one Redis lost while the
 * watermark stayed) is caught by the unique key on the row when the request reaches the insert
 * ({@link #earlierRequest}).
 */
@Component
public class IdempotencyKeys {

    private static final String PENDING = "PENDING:";
    private static final String DONE = "DONE:";
    /** How long a repeat is asked to wait while the first request under its key is still in flight. */
    private static final Duration RETRY_IN_FLIGHT = Duration.ofSeconds(1);
    /**
     * Keys are spread over this many shards, each with its own watermark: a script may only touch keys of one
     * Redis Cluster slot, and one watermark for all would put every key on one node.
     */
    static final int SHARDS = 16;

    private final String beginScript = lua("begin-request");
    private final String peekScript = lua("peek-request");
    private final String readWatermarkScript = lua("read-watermark");
    private final String moveWatermarkScript = lua("move-watermark");

    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final ReservationRepository reservations;
    private final ReservationProperties properties;
    private final ApplicationEventPublisher events;

    public IdempotencyKeys(RedissonClient redisson, RedisKeys keys, ReservationRepository reservations,
                           ReservationProperties properties, ApplicationEventPublisher events) {
        this.redisson = redisson;
        this.keys = keys;
        this.reservations = reservations;
        this.properties = properties;
        this.events = events;
    }

    /**
     * Published on the request's thread when Redis could not tell a key is new: {@link IdempotencyKeysRestore}
     * starts restoring the keys in the background (at most one restore at a time), the request does not wait.
     */
    public record MemoryTooShort() {
    }

    /**
     * Starts a request under the key: empty when it is new (the caller must then {@link #complete} or
     * {@link #abandon}), the earlier reservation's id when it is a repeat of a finished one.
     *
     * @throws DomainException unprocessable when the key was used for a different request, a conflict when that
     *                         request is in flight, {@link ReservationsUnavailable} when Redis cannot be reached
     */
    public Optional<Long> begin(long userId, String key, String requestHash) {
        List<String> answer;
        try {
            answer = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, beginScript,
                    RScript.ReturnType.LIST, List.of(entryKey(userId, key), watermarkKey(userId)),
                    PENDING + requestHash, properties.inFlightTtl().toMillis(), properties.idempotencyTtl().toMillis());
        } catch (RedisException e) {
            throw new ReservationsUnavailable();
        }
        return switch (answer.getFirst()) {
            case "NEW" -> Optional.empty();
            case "UNSURE" -> {
                events.publishEvent(new MemoryTooShort());
                yield finishedInDatabase(userId, key, requestHash, true);
            }
            default -> seen(answer.get(1), requestHash);
        };
    }

    /** What Redis remembers of a key, read by {@link #peek} without taking it. */
    public record Known(Status status, String value) {

        public enum Status {
            /** In flight or done: {@code value} says which. */
            SEEN,
            /** Not used within the idempotency TTL. */
            NEW,
            /** Redis cannot tell: the database knows. */
            UNSURE
        }
    }

    /**
     * Reads what Redis remembers of the key without taking it, sent at once (one round trip, beside whatever else
     * the caller sends). The future fails with {@link ReservationsUnavailable} when Redis cannot be reached.
     */
    public CompletableFuture<Known> peek(long userId, String key) {
        CompletableFuture<List<String>> answer;
        try {
            answer = redisson.getScript(StringCodec.INSTANCE).<List<String>>evalAsync(RScript.Mode.READ_WRITE, peekScript,
                    RScript.ReturnType.LIST, List.of(entryKey(userId, key), watermarkKey(userId)),
                    properties.idempotencyTtl().toMillis()).toCompletableFuture();
        } catch (RedisException e) {
            throw new ReservationsUnavailable();
        }
        return answer.handle((a, failure) -> {
            if (failure != null) {
                throw SeatGuard.unavailable(failure);
            }
            return new Known(Known.Status.valueOf(a.getFirst()), a.size() > 1 ? a.get(1) : null);
        });
    }

    /**
     * For a request under a key that was {@link #peek}ed, not taken, and will not be run: the earlier reservation's
     * id when it repeats a finished request (asking the database when Redis cannot tell), empty when it is new.
     *
     * @throws DomainException unprocessable when the key was used for a different request, a conflict when that
     *                         request is in flight
     */
    public Optional<Long> earlierRequest(long userId, String key, String requestHash, Known known) {
        return switch (known.status()) {
            case SEEN -> seen(known.value(), requestHash);
            case NEW -> Optional.empty();
            case UNSURE -> {
                events.publishEvent(new MemoryTooShort());
                yield finishedInDatabase(userId, key, requestHash, false);
            }
        };
    }

    /** What Redis remembers of the key: a request in flight, or the reservation a finished one made. */
    private static Optional<Long> seen(String value, String requestHash) {
        if (value.startsWith(PENDING)) {
            requireSameRequest(value.substring(PENDING.length()), requestHash);
            throw stillInProgress().retryAfter(RETRY_IN_FLIGHT);
        }
        String[] done = value.substring(DONE.length()).split(":");
        requireSameRequest(done[0], requestHash);
        return Optional.of(Long.parseLong(done[1]));
    }

    /**
     * After the reservation row's unique key refused a second row for the key (a repeat Redis did not know of):
     * the earlier reservation's id when it is the same request.
     *
     * @throws DomainException unprocessable when the key was used for a different request
     */
    public long earlierRequest(long userId, String key, String requestHash) {
        var earlier = reservations.findByIdempotencyKey(userId, key).orElseThrow(IdempotencyKeys::stillInProgress);
        requireSameRequest(earlier.getValue(), requestHash);
        return earlier.getKey();
    }

    public void complete(long userId, String key, String requestHash, long reservationId) {
        try {
            bucket(userId, key).set(DONE + requestHash + ":" + reservationId, properties.idempotencyTtl());
        } catch (RedisException e) {
            // The reservation row carries the key as well; a repeat is still recognised.
        }
    }

    public void abandon(long userId, String key, String requestHash) {
        try {
            bucket(userId, key).compareAndSet(PENDING + requestHash, null);
        } catch (RedisException e) {
            // The in-flight marker expires by itself after inFlightTtl.
        }
    }

    /** {@code taken}: this request holds the key (begin), and gives it back when refused. */
    private Optional<Long> finishedInDatabase(long userId, String key, String requestHash, boolean taken) {
        var earlier = reservations.findByIdempotencyKey(userId, key);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().getValue().equals(requestHash)) {
            if (taken) {
                abandon(userId, key, requestHash);
            }
            throw differentRequest();
        }
        complete(userId, key, requestHash, earlier.get().getKey());
        return Optional.of(earlier.get().getKey());
    }

    private static void requireSameRequest(String seenHash, String requestHash) {
        if (!seenHash.equals(requestHash)) {
            throw differentRequest();
        }
    }

    /** The key's first request has not finished yet (or its database insert lost to a parallel repeat). */
    static DomainException stillInProgress() {
        return DomainException.conflict("A request with this Idempotency-Key is still in progress.");
    }

    private static DomainException differentRequest() {
        return new DomainException(DomainException.Kind.UNPROCESSABLE, "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different request.");
    }

    /** A shard's watermark as the restore reads it, and Redis's time then (ms); the watermark is written if absent. */
    record Watermark(int shard, long since, long now) {
    }

    Watermark watermark(int shard) {
        List<String> answer = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, readWatermarkScript,
                RScript.ReturnType.LIST, List.of(watermarkKey(shard)));
        return new Watermark(shard, Long.parseLong(answer.get(0)), Long.parseLong(answer.get(1)));
    }

    /** Whether the watermark is too young for Redis to tell a key is new (the database is asked then). */
    boolean young(Watermark watermark) {
        return watermark.now() - watermark.since() < properties.idempotencyTtl().toMillis();
    }

    /**
     * Writes finished keys read from the reservation table as {@link #complete} would have, each for what is left
     * of its TTL, in one pipelined batch; a key Redis knows (a request in flight, or done) is left alone.
     */
    void restore(Collection<ReservationRepository.UsedKey> used, Instant now) {
        RBatch batch = redisson.createBatch();
        int queued = 0;
        for (var key : used) {
            Duration left = Duration.between(now, key.heldAt().plus(properties.idempotencyTtl()));
            if (left.toMillis() > 0) {
                batch.<String>getBucket(entryKey(key.userId(), key.key()), StringCodec.INSTANCE)
                        .setIfAbsentAsync(DONE + key.requestHash() + ":" + key.id(), left);
                queued++;
            }
        }
        if (queued > 0) {
            batch.execute();
        }
    }

    /** Moves the watermark back to {@code to} if it is still {@code expected} (compare-and-set); whether it moved. */
    boolean moveWatermark(Watermark expected, long to) {
        Long moved = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, moveWatermarkScript,
                RScript.ReturnType.LONG, List.of(watermarkKey(expected.shard())),
                String.valueOf(expected.since()), String.valueOf(to));
        return moved == 1L;
    }

    private RBucket<String> bucket(long userId, String key) {
        return redisson.getBucket(entryKey(userId, key), StringCodec.INSTANCE);
    }

    private String entryKey(long userId, String key) {
        return keys.key("reservation", "idempotency", shard(userId), String.valueOf(userId), key);
    }

    private String watermarkKey(long userId) {
        return watermarkKey(shardOf(userId));
    }

    private String watermarkKey(int shard) {
        return keys.key("reservation", "idempotency", tag(shard), "remembered-since");
    }

    static int shardOf(long userId) {
        return Math.floorMod(userId, SHARDS);
    }

    /** The {tag} that keeps a user's keys and their watermark in one Redis Cluster slot. */
    private static String shard(long userId) {
        return tag(shardOf(userId));
    }

    private static String tag(int shard) {
        return "{idempotency-" + shard + "}";
    }

    private static String lua(String name) {
        try {
            return new ClassPathResource("lua/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the script lua/" + name + ".lua is missing", e);
        }
    }
}
