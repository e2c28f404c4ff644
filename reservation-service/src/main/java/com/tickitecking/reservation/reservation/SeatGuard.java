package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.redis.RedisKeys;
import org.redisson.api.RLock;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The three guards against selling one seat twice, in the order a hold meets them:
 * <ol>
 *   <li><b>Redis</b>: a hash per concert (seat → hold expiry and owner token), changed only by Lua scripts that
 *   take all requested seats or none. Almost every losing request of a rush ends here, before any lock or SQL.
 *   A hold that ran out no longer counts, so an expired hold never blocks a new one.</li>
 *   <li><b>Locks</b>: one Redisson lock per seat, taken together in sorted order (a multi-lock, with a lease)
 *   around the database write, so two writers of one seat never overlap.</li>
 *   <li><b>The database</b>: the unique index on (concert_id, seat_label, active_marker) of
 *   {@code reservation_seat}. It holds even when Redis was wiped.</li>
 * </ol>
 * If Redis lost a concert's hash (flush, restart), the hash is rebuilt from the database under a lock before it
 * is used again. Beside the hash the same scripts keep an expiry index (a sorted set, seat → expiry), so the
 * admission job counts the taken seats without reading them ({@link #takenCount}); the rebuild refills both. If
 * Redis cannot be reached the hold is refused at once ({@link ReservationsUnavailable}): nothing is written unguarded.
 */
@Component
public class SeatGuard {

    private static final Logger log = LoggerFactory.getLogger(SeatGuard.class);

    private static final int MAX_REBUILDS = 3;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** The ready marker's value once hash and expiry index are both built (an older '1' had no index: rebuilt once). */
    private static final String READY = "2";

    /** The Lua scripts that change a concert's seat hash, read once from {@code lua/} (their comments say what each takes). */
    private final String claimScript = lua("claim-seats");
    private final String updateOwnScript = lua("update-own-seats");
    private final String rebuildScript = lua("rebuild-seats");
    private final String takenScript = lua("taken-seats");
    private final String countScript = lua("count-seats");
    private final String holdersScript = lua("seat-holders");

    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final ReservationRepository reservations;
    private final ReservationProperties properties;
    private final ReservationMetrics metrics;
    private final Clock clock;

    public SeatGuard(RedissonClient redisson, RedisKeys keys, ReservationRepository reservations,
                     ReservationProperties properties, ReservationMetrics metrics, Clock clock) {
        this.redisson = redisson;
        this.keys = keys;
        this.reservations = reservations;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Takes the seats through all three guards and runs {@code write} (a committed database transaction that
     * inserts the reservation with the given guard token) while they are held. All seats or none: if any guard
     * refuses, or the write fails, whatever the guards took is given back.
     *
     * @throws SeatsTaken              naming the taken seats
     * @throws DomainException         a conflict ({@code reason: busy}) when the seats are being written by someone else
     * @throws ReservationsUnavailable when Redis cannot be reached or the guard is being rebuilt
     */
    public <T> T hold(long concertId, long userId, List<String> seats, Instant expiresAt, Function<String, T> write) {
        List<String> sorted = seats.stream().sorted().toList();
        String token = UUID.randomUUID().toString();
        claim(concertId, sorted, entry(expiresAt.toEpochMilli(), userId, token));
        boolean keepClaim = false;
        try {
            RLock locks = redis(() -> redisson.getMultiLock(sorted.stream()
                    .map(seat -> redisson.getLock(keys.key("reservation", tag(concertId), "seat-lock", seat)))
                    .toArray(RLock[]::new)));
            acquire(locks, sorted);
            try {
                T result = write.apply(token);
                keepClaim = true;
                return result;
            } catch (DuplicateKeyException e) {
                if (!String.valueOf(e.getMessage()).contains("uk_reservation_seat_active")) {
                    throw e;
                }
                metrics.rejected("database");
                List<String> occupied = reservations.occupiedAmong(concertId, sorted, clock.instant());
                throw new SeatsTaken(occupied.isEmpty() ? sorted : occupied);
            } finally {
                unlockQuietly(locks);
            }
        } finally {
            if (!keepClaim) {
                releaseQuietly(concertId, sorted, token);
            }
        }
    }

    /** Who holds a hold's seats, as {@link #holders} reads them: nothing is taken by reading. */
    public record Holders(Status status, List<String> taken) {

        public enum Status {
            /** No seat is held. */
            FREE,
            /** A seat is held by the caller, or by a hold whose entry does not say its owner. */
            OWN,
            /** Seats are held, all by others: {@code taken}. */
            TAKEN,
            /** The concert's hash is not there: {@link #hold} rebuilds it. */
            REBUILD
        }

        public boolean takenByOthers() {
            return status == Status.TAKEN;
        }
    }

    /**
     * Reads who holds the seats right now, sent at once (one round trip, beside whatever else the caller sends):
     * a hold whose seats others hold is refused on this alone ({@link #refusal}). Advice only; {@link #hold} decides.
     * The future fails with {@link ReservationsUnavailable} when Redis cannot be reached.
     */
    public CompletableFuture<Holders> holders(long concertId, long userId, List<String> seats) {
        List<Object> args = new ArrayList<>(seats.size() + 2);
        args.add(String.valueOf(clock.millis()));
        args.add(String.valueOf(userId));
        args.addAll(seats);
        CompletableFuture<List<String>> answer = redis(() -> script().<List<String>>evalAsync(RScript.Mode.READ_ONLY,
                holdersScript, RScript.ReturnType.LIST, List.of(seatsKey(concertId), readyKey(concertId)), args.toArray())
                .toCompletableFuture());
        return answer.handle((a, failure) -> {
            if (failure != null) {
                throw unavailable(failure);
            }
            return new Holders(Holders.Status.valueOf(a.getFirst()), List.copyOf(a.subList(1, a.size())));
        });
    }

    /** The refusal of a hold whose seats others hold ({@link Holders#takenByOthers()}), counted as the claim's is. */
    public SeatsTaken refusal(Holders holders) {
        metrics.rejected("redis");
        return new SeatsTaken(holders.taken());
    }

    /**
     * Which of these seats of the concert are taken right now, as the Redis guard knows them: advice for picking
     * seats, which the guard checks again when they are held. Reads only these seats, not the concert's whole hash.
     *
     * @throws ReservationsUnavailable when Redis cannot be reached or the guard is being rebuilt
     */
    public Set<String> takenAmong(long concertId, Collection<String> seats) {
        List<Object> args = new ArrayList<>(seats.size() + 1);
        args.add(null);
        args.addAll(seats);
        List<String> answer = readyAnswer(concertId, () -> {
            args.set(0, String.valueOf(clock.millis()));
            return script().eval(RScript.Mode.READ_ONLY, takenScript, RScript.ReturnType.LIST,
                    List.of(seatsKey(concertId), readyKey(concertId)), args.toArray());
        });
        return Set.copyOf(answer.subList(1, answer.size()));
    }

    /** How many of a concert's seats are taken now, and how many of those are only held (they may come free). */
    public record TakenCount(long taken, long held) {
    }

    /**
     * The concert's taken seats counted, as the Redis guard knows them: O(log n) from the guard's expiry index, for
     * the admission job every half second. A guard lost with Redis is rebuilt from the database first, as for a hold.
     *
     * @throws ReservationsUnavailable when Redis cannot be reached or the guard is being rebuilt
     */
    public TakenCount takenCount(long concertId) {
        List<String> answer = readyAnswer(concertId, () -> script().eval(RScript.Mode.READ_ONLY, countScript,
                RScript.ReturnType.LIST, List.of(readyKey(concertId), expiriesKey(concertId)), String.valueOf(clock.millis())));
        return new TakenCount(Long.parseLong(answer.get(1)), Long.parseLong(answer.get(2)));
    }

    /** Runs a read of the guard that answers {'OK', ...} or {'REBUILD'}, rebuilding the guard from the database as needed. */
    private List<String> readyAnswer(long concertId, Supplier<List<String>> read) {
        for (int attempt = 0; attempt <= MAX_REBUILDS; attempt++) {
            List<String> answer = redis(read);
            if (answer.getFirst().equals("OK")) {
                return answer;
            }
            rebuild(concertId);
        }
        throw new ReservationsUnavailable("The seat guard is being rebuilt; try again.");
    }

    /** After a confirmation: the seats stay taken by their owner, with no expiry. */
    public void markConfirmed(long concertId, long userId, Collection<String> seats, String token) {
        updateOwnQuietly(concertId, seats, token, entry(0, userId, token));
    }

    /**
     * A seat's entry in the concert's hash: until when it is held (0: confirmed), by whom, and the hold's token
     * (the scripts read the expiry before the first colon and the token after the last; seat-holders.lua the owner).
     */
    private static String entry(long expiresAtMillis, long userId, String token) {
        return expiresAtMillis + ":" + userId + ":" + token;
    }

    /** After a cancellation or expiry: frees the seats this hold still has in Redis (not someone else's). */
    public void releaseQuietly(long concertId, Collection<String> seats, String token) {
        updateOwnQuietly(concertId, seats, token, "");
    }

    private void claim(long concertId, List<String> seats, String value) {
        for (int attempt = 0; attempt <= MAX_REBUILDS; attempt++) {
            List<Object> args = new ArrayList<>(seats.size() + 2);
            args.add(String.valueOf(clock.millis()));
            args.add(value);
            args.addAll(seats);
            List<String> answer = redis(() -> script().eval(RScript.Mode.READ_WRITE, claimScript, RScript.ReturnType.LIST,
                    List.of(seatsKey(concertId), readyKey(concertId), expiriesKey(concertId)), args.toArray()));
            switch (answer.getFirst()) {
                case "OK" -> {
                    return;
                }
                case "TAKEN" -> {
                    metrics.rejected("redis");
                    throw new SeatsTaken(answer.subList(1, answer.size()));
                }
                default -> rebuild(concertId);
            }
        }
        throw new ReservationsUnavailable("The seat guard is being rebuilt; try again.");
    }

    /** Refills a concert's hash from the database's active reservations, once, under a lock. */
    private void rebuild(long concertId) {
        RLock lock = redisson.getLock(keys.key("reservation", tag(concertId), "rebuild-lock"));
        boolean locked = redis(() -> tryLock(lock, properties.lockWait(), properties.lockLease()));
        if (!locked) {
            return;
        }
        try {
            if (READY.equals(redis(() -> redisson.getBucket(readyKey(concertId), StringCodec.INSTANCE).get()))) {
                return;
            }
            List<Object> args = new ArrayList<>();
            for (var seat : reservations.activeSeats(concertId, clock.instant())) {
                long expiry = seat.status() == ReservationStatus.CONFIRMED ? 0 : seat.expiresAt().toEpochMilli();
                args.add(seat.seat());
                args.add(entry(expiry, seat.userId(), seat.guardToken()));
            }
            redis(() -> script().eval(RScript.Mode.READ_WRITE, rebuildScript, RScript.ReturnType.LONG,
                    List.of(seatsKey(concertId), readyKey(concertId), expiriesKey(concertId)), args.toArray()));
            log.info("rebuilt the Redis seat guard of concert {} from the database ({} seats taken)", concertId, args.size() / 2);
        } finally {
            unlockQuietly(lock);
        }
    }

    private void acquire(RLock locks, List<String> seats) {
        long started = System.nanoTime();
        boolean locked;
        try {
            locked = redis(() -> tryLock(locks, properties.lockWait(), properties.lockLease()));
        } finally {
            metrics.lockWaited(Duration.ofNanos(System.nanoTime() - started));
        }
        if (!locked) {
            metrics.rejected("lock");
            throw DomainException.conflict("These seats are being reserved by someone else right now; try again.")
                    .with("reason", "busy").with("seats", seats).retryAfter(RETRY_AFTER);
        }
    }

    private static boolean tryLock(RLock lock, Duration wait, Duration lease) {
        try {
            return lock.tryLock(wait.toMillis(), lease.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void updateOwnQuietly(long concertId, Collection<String> seats, String token, String newValue) {
        List<Object> args = new ArrayList<>(seats.size() + 2);
        args.add(token);
        args.add(newValue);
        args.addAll(seats);
        try {
            script().eval(RScript.Mode.READ_WRITE, updateOwnScript, RScript.ReturnType.LONG,
                    List.of(seatsKey(concertId), expiriesKey(concertId)), args.toArray());
        } catch (RedisException e) {
            // The database stays right; a stale Redis entry only makes a later hold go on to the database guard.
            log.warn("could not update the Redis seat guard of concert {} ({}): {}", concertId, seats, e.getMessage());
        }
    }

    private static void unlockQuietly(RLock lock) {
        try {
            lock.unlock();
        } catch (RuntimeException e) {
            // Lease ran out or Redis is gone: the lock frees itself when its lease ends.
            log.debug("seat lock release failed: {}", e.getMessage());
        }
    }

    private RScript script() {
        return redisson.getScript(StringCodec.INSTANCE);
    }

    /**
     * A Redis failure (unreachable, or an answer later than the response time-out) refuses the hold with a 503.
     * Redisson's multi-lock joins its per-lock futures, so its failures come wrapped in a CompletionException.
     */
    private static <T> T redis(Supplier<T> call) {
        try {
            return call.get();
        } catch (RedisException e) {
            throw new ReservationsUnavailable();
        } catch (CompletionException e) {
            // the multi-lock's tryLock reports a Redis time-out wrapped (seen as a 500 in bench onsale)
            throw unavailable(e);
        }
    }

    /** What an asynchronous call's failure means to the caller: Redis unreachable is a 503, anything else stays. */
    static RuntimeException unavailable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RedisException) {
            return new ReservationsUnavailable();
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private static String lua(String name) {
        try {
            return new ClassPathResource("lua/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the seat guard's script lua/" + name + ".lua is missing", e);
        }
    }

    /** Redis Cluster keeps keys with the same {tag} on one node, which the multi-key scripts need. */
    private static String tag(long concertId) {
        return "{" + concertId + "}";
    }

    private String seatsKey(long concertId) {
        return keys.key("reservation", tag(concertId), "seats");
    }

    private String readyKey(long concertId) {
        return keys.key("reservation", tag(concertId), "seats-ready");
    }

    /** Seat → hold expiry (ms; inf = confirmed), kept beside the hash by the same scripts, so taken seats are counted. */
    private String expiriesKey(long concertId) {
        return keys.key("reservation", tag(concertId), "seat-expiries");
    }
}
