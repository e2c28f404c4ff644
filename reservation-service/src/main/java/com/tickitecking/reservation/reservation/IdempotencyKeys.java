package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.redis.RedisKeys;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Remembers, per user and Idempotency-Key, which request it was used for and what came of it. Redis answers
 * quickly and knows which requests are still in flight ({@code PENDING:<hash>}, then {@code DONE:<hash>:<id>});
 * the reservation row keeps the key too (unique per user), so a repeat is recognised even after Redis lost it.
 * A request that failed gives its key back: the client may retry with the same key.
 */
@Component
public class IdempotencyKeys {

    private static final String PENDING = "PENDING:";
    private static final String DONE = "DONE:";
    /** How long a repeat is asked to wait while the first request under its key is still in flight. */
    private static final Duration RETRY_IN_FLIGHT = Duration.ofSeconds(1);

    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final ReservationRepository reservations;
    private final ReservationProperties properties;

    public IdempotencyKeys(RedissonClient redisson, RedisKeys keys, ReservationRepository reservations,
                           ReservationProperties properties) {
        this.redisson = redisson;
        this.keys = keys;
        this.reservations = reservations;
        this.properties = properties;
    }

    /**
     * Starts a request under the key: empty when it is new (the caller must then {@link #complete} or
     * {@link #abandon}), the earlier reservation's id when it is a repeat of a finished one.
     *
     * @throws DomainException unprocessable when the key was used for a different request, a conflict when that
     *                         request is in flight, {@link ReservationsUnavailable} when Redis cannot be reached
     */
    public Optional<Long> begin(long userId, String key, String requestHash) {
        RBucket<String> bucket = bucket(userId, key);
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                if (bucket.setIfAbsent(PENDING + requestHash, properties.inFlightTtl())) {
                    return finishedInDatabase(userId, key, requestHash, bucket);
                }
                String seen = bucket.get();
                if (seen == null) {
                    continue; // expired between the two calls
                }
                if (seen.startsWith(PENDING)) {
                    requireSameRequest(seen.substring(PENDING.length()), requestHash);
                    throw stillInProgress().retryAfter(RETRY_IN_FLIGHT);
                }
                String[] done = seen.substring(DONE.length()).split(":");
                requireSameRequest(done[0], requestHash);
                return Optional.of(Long.parseLong(done[1]));
            }
            throw stillInProgress();
        } catch (RedisException e) {
            throw new ReservationsUnavailable();
        }
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

    private Optional<Long> finishedInDatabase(long userId, String key, String requestHash, RBucket<String> bucket) {
        var earlier = reservations.findByIdempotencyKey(userId, key);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().getValue().equals(requestHash)) {
            bucket.delete();
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

    private RBucket<String> bucket(long userId, String key) {
        return redisson.getBucket(keys.key("reservation", "idempotency", String.valueOf(userId), key), StringCodec.INSTANCE);
    }
}
