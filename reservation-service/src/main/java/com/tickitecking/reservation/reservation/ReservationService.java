package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.outbox.OutboxWriter;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.reservation.concert.Concert;
import com.tickitecking.reservation.concert.ConcertRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The use cases: hold, confirm, cancel, expire, look up. The rules are the domain's ({@link NewHold},
 * {@link Reservation}); this class loads, asks the domain, writes down what it decided and its event (the
 * outbox), and after the commit tells the Redis seat guard. Holds go through {@link SeatGuard}.
 */
@Service
public class ReservationService {

    private static final int MAX_KEY_LENGTH = 100;
    private static final int WRITE_ATTEMPTS = 3;

    private final ReservationRepository reservations;
    private final ConcertRepository concerts;
    private final SeatGuard guard;
    private final IdempotencyKeys idempotency;
    private final OutboxWriter outbox;
    private final ReservationProperties properties;
    private final ReservationMetrics metrics;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public ReservationService(ReservationRepository reservations, ConcertRepository concerts, SeatGuard guard,
                              IdempotencyKeys idempotency, OutboxWriter outbox, ReservationProperties properties,
                              ReservationMetrics metrics, Clock clock, PlatformTransactionManager transactionManager) {
        this.reservations = reservations;
        this.concerts = concerts;
        this.guard = guard;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        // READ COMMITTED, the pool's default (platform-defaults.properties): the hold transaction takes no gap locks,
        // so holds of different seats never wait on each other. Asked for here, it would cost two SETs per transaction.
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A hold's result, and whether it is the answer to an earlier request with the same Idempotency-Key. */
    public record Hold(Reservation reservation, boolean replayed) {
    }

    /**
     * Holds all the seats or none, until now + hold time.
     *
     * @throws DomainException invalid seats or Idempotency-Key, unknown concert, {@link ConcertAlreadyStarted},
     *                         {@link NotOnSaleYet}, {@link SaleEnded},
     *                         {@link SeatsNotOnSale}, {@link SeatsTaken}, seats busy, {@link BuyerLimitReached}, the
     *                         same key in flight or used for another request, {@link ReservationsUnavailable}
     */
    public Hold hold(AuthenticatedUser caller, long concertId, String idempotencyKey, List<String> requestedSeats) {
        return idempotent(caller, concertId, idempotencyKey, () -> {
            List<String> seats = NewHold.validSeats(requestedSeats, properties.maxSeats());
            String requestHash = requestHash(concertId, String.join(",", seats.stream().sorted().toList()));
            return new Attempt(requestHash, seats, () -> holdNew(caller.id(), concertId, idempotencyKey, requestHash, seats));
        });
    }

    /**
     * Holds the best block of adjacent free seats of a grade ({@link BestSeats}) through the same guards as
     * {@link #hold}; a block lost to a rival between the pick and the hold gives way to the next best, up to
     * {@code tickitecking.reservation.best-seat-attempts} blocks in all.
     *
     * @throws DomainException as {@link #hold}, invalid {@code best.count} or {@code best.grade}, or a conflict
     *                         ({@code reason: no-adjacent-seats}) when no block of that size is free
     */
    public Hold holdBest(AuthenticatedUser caller, long concertId, String idempotencyKey, BestSeats requested) {
        return idempotent(caller, concertId, idempotencyKey, () -> {
            BestSeats best = requested.checked(properties.maxSeats());
            String requestHash = requestHash(concertId, "best:" + best.count() + ":" + best.grade());
            return new Attempt(requestHash, null, () -> holdBestBlock(caller, concertId, idempotencyKey, requestHash, best));
        });
    }

    private Reservation holdBestBlock(AuthenticatedUser caller, long concertId, String idempotencyKey,
                                      String requestHash, BestSeats requested) {
        Concert concert = concerts.find(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
        NewHold.assertOnSale(concert, clock.instant());
        Set<String> blocked = Set.copyOf(concerts.blockedSeats(concertId));
        BestSeats.Unavailable unavailable = seats -> {
            Set<String> taken = new HashSet<>(guard.takenAmong(concertId, seats));
            seats.stream().filter(blocked::contains).forEach(taken::add);
            return taken;
        };
        SeatsTaken lost = null;
        for (List<String> block : requested.blocks(concert, unavailable, properties.bestSeatAttempts())) {
            try {
                return holdNew(caller.id(), concertId, idempotencyKey, requestHash, block);
            } catch (SeatsTaken e) {
                lost = e; // a rival took a seat of it since the pick: the next best block
            }
        }
        if (lost != null) {
            throw lost;
        }
        throw DomainException.conflict("No " + requested.count() + " adjacent free seats of grade "
                + requested.grade() + " are left.").with("reason", "no-adjacent-seats");
    }

    /**
     * A checked hold request: its hash for the Idempotency-Key, the seats it names (null when the hold picks
     * them), and the hold itself.
     */
    private record Attempt(String requestHash, List<String> seats, Supplier<Reservation> hold) {
    }

    /**
     * Runs a hold once per Idempotency-Key: {@code check} validates the request; an earlier request with the key
     * answers its reservation again. Counts the outcome either way.
     */
    private Hold idempotent(AuthenticatedUser caller, long concertId, String idempotencyKey, Supplier<Attempt> check) {
        try {
            Attempt attempt = check.get();
            String requestHash = attempt.requestHash();
            requireKey(idempotencyKey);
            if (attempt.seats() != null) {
                Optional<Hold> answered = answeredInOneRoundTrip(caller, concertId, idempotencyKey, attempt);
                if (answered.isPresent()) {
                    return answered.get();
                }
            }
            Optional<Long> earlier = idempotency.begin(caller.id(), idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return new Hold(get(caller, earlier.get()), true);
            }
            try {
                Reservation held = attempt.hold().get();
                idempotency.complete(caller.id(), idempotencyKey, requestHash, held.id());
                metrics.outcome("held");
                return new Hold(held, false);
            } catch (RepeatedRequest repeat) {
                idempotency.complete(caller.id(), idempotencyKey, requestHash, repeat.reservationId());
                return new Hold(get(caller, repeat.reservationId()), true);
            } catch (RuntimeException e) {
                idempotency.abandon(caller.id(), idempotencyKey, requestHash);
                throw e;
            }
        } catch (DomainException e) {
            metrics.outcome(outcomeOf(e));
            throw e;
        }
    }

    /**
     * What a rush's losers get without taking anything: one round trip reads, side by side, what Redis remembers of
     * the key and who holds the seats. A repeat is answered as {@link IdempotencyKeys#begin} would answer it; seats
     * held, all by others, refuse a new request (a request Redis cannot tell is new is looked up in the database
     * first: it may repeat a hold whose seats were given up and taken since). Empty when the request must go the
     * whole way: seats free, or held by the caller (a repeat of the hold that took them, or a hold of the caller's
     * own seats: {@link IdempotencyKeys#begin} and the claim decide, as without this step). Refusals keep the
     * order of the whole way: a repeat's answer, then the concert's rules ({@link NewHold#of}), then the seats.
     */
    private Optional<Hold> answeredInOneRoundTrip(AuthenticatedUser caller, long concertId, String key, Attempt attempt) {
        CompletableFuture<IdempotencyKeys.Known> known = idempotency.peek(caller.id(), key);
        CompletableFuture<SeatGuard.Holders> holders = guard.holders(concertId, caller.id(), attempt.seats());
        IdempotencyKeys.Known keyState = joined(known);
        SeatGuard.Holders seatState = joined(holders);
        if (keyState.status() != IdempotencyKeys.Known.Status.SEEN && !seatState.takenByOthers()) {
            return Optional.empty();
        }
        Optional<Long> earlier = idempotency.earlierRequest(caller.id(), key, attempt.requestHash(), keyState);
        if (earlier.isPresent()) {
            return Optional.of(new Hold(get(caller, earlier.get()), true));
        }
        // the concert's refusals come before the seat guard's, as on the whole way (unknown, started, not on sale)
        Concert concert = concerts.find(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
        NewHold.of(caller.id(), concert, attempt.seats(), clock.instant(), properties.holdTime());
        throw guard.refusal(seatState);
    }

    private static <T> T joined(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw SeatGuard.unavailable(e);
        }
    }

    private Reservation holdNew(long userId, long concertId, String key, String requestHash, List<String> seats) {
        Concert concert = concerts.find(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
        NewHold hold = NewHold.of(userId, concert, seats, clock.instant(), properties.holdTime());
        // answered from what was written, not read back: the same as reading it (ReservationIT)
        return guard.hold(concertId, userId, seats, hold.expiresAt(),
                token -> hold.reservation(writeHold(hold, key, requestHash, token), token));
    }

    private long writeHold(NewHold hold, String key, String requestHash, String token) {
        long concertId = hold.concert().id();
        long userId = hold.buyerId();
        Instant now = hold.heldAt();
        return retryingLockFailures(() -> transactions.execute(status -> {
            // Checked once the guards let us through: a rush's losers never reach the database at all.
            hold.refuseBlocked(concerts.blockedAmong(concertId, hold.seatLabels()));
            // The buyer limit, in the transaction that takes the seats: one buyer's holds of this concert take
            // turns at the lock, so each counts what the ones before it committed. Only winners of the seat guards
            // get here; a refusal rolls back, and the guard gives the seats back in Redis.
            reservations.lockBuyer(concertId, userId, now);
            hold.claimAllowance(reservations.seatsOfBuyer(concertId, userId, now));
            // Lapsed holds on these seats stop blocking now: written down as EXPIRED before the insert.
            for (long lapsed : reservations.lapsedHoldsOccupying(concertId, hold.seatLabels(), now)) {
                expireIfLapsed(lapsed, now);
            }
            long reservationId;
            try {
                reservationId = reservations.insertHold(concertId, userId, hold.total(), now, hold.expiresAt(), key,
                        requestHash, token);
            } catch (DuplicateKeyException e) {
                // uk_reservation_idempotency: this key has a row already, which Redis did not know of. The same
                // request is answered with that reservation (a replay), another one is refused.
                throw new RepeatedRequest(idempotency.earlierRequest(userId, key, requestHash));
            }
            reservations.occupySeats(reservationId, concertId, hold.seats());
            outbox.append(hold.created(reservationId));
            return reservationId;
        }));
    }

    /** Confirms the caller's hold (payment stands in here). A lapsed hold is expired instead: 409. */
    public Reservation confirm(AuthenticatedUser caller, long id) {
        return change(id, r -> r.userId() == caller.id(), Reservation::confirm);
    }

    /** Cancels the caller's reservation (an admin may cancel any) and frees its seats. Cancelling twice is harmless. */
    public Reservation cancel(AuthenticatedUser caller, long id) {
        return change(id, r -> caller.owns(r.userId()), Reservation::cancel);
    }

    /**
     * Expires the reservation if it is still a lapsed hold once locked, in the caller's transaction (the sweeper's,
     * or a new hold's that needs the seats); returns whether it did.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean expireIfLapsed(long id, Instant now) {
        Optional<ReservationChange> expiry = reservations.lock(id).flatMap(hold -> hold.expire(now));
        expiry.ifPresent(this::record);
        return expiry.isPresent();
    }

    /**
     * Locks the reservation, lets the domain decide, and writes the decision down, in one transaction. A refusal
     * that comes with an expiry (the hold ran out just now) commits the expiry and answers the refusal after.
     */
    private Reservation change(long id, Predicate<Reservation> mayChange,
                               BiFunction<Reservation, Instant, Optional<ReservationChange>> decide) {
        Outcome outcome = transactions.execute(status -> {
            Reservation reservation = reservations.lock(id).filter(mayChange)
                    .orElseThrow(() -> DomainException.notFound("reservation", id));
            try {
                Optional<ReservationChange> change = decide.apply(reservation, clock.instant());
                change.ifPresent(this::record);
                return new Outcome(change.isEmpty() ? reservation : reservations.find(id).orElseThrow(), null);
            } catch (ReservationAlreadyEnded refusal) {
                refusal.expiry().ifPresent(this::record);
                return new Outcome(null, refusal);
            }
        });
        return outcome.orThrow();
    }

    /** A change the domain decided: the row and its event now, the Redis seat guard and the metric after the commit. */
    private void record(ReservationChange change) {
        Reservation after = change.after();
        Runnable afterCommit = switch (after.status()) {
            case CONFIRMED -> () -> {
                metrics.outcome("confirmed");
                guard.markConfirmed(after.concertId(), after.userId(), after.seatLabels(), after.guardToken());
            };
            case CANCELLED -> () -> {
                metrics.outcome("cancelled");
                guard.releaseQuietly(after.concertId(), after.seatLabels(), after.guardToken());
            };
            case EXPIRED -> () -> {
                metrics.holdExpired();
                guard.releaseQuietly(after.concertId(), after.seatLabels(), after.guardToken());
            };
            case HELD -> throw new IllegalArgumentException("a hold is written by hold(), not as a change");
        };
        reservations.update(after);
        outbox.append(change.event());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
    }

    /** The caller's reservation, or any for an admin; someone else's is "not found", not "forbidden". */
    public Reservation get(AuthenticatedUser caller, long id) {
        return reservations.find(id).filter(r -> caller.owns(r.userId()))
                .orElseThrow(() -> DomainException.notFound("reservation", id));
    }

    public Page mine(AuthenticatedUser caller, int page, int size) {
        return new Page(reservations.pageOfUser(caller.id(), page, size), page, size, reservations.countOfUser(caller.id()));
    }

    public Page all(Long concertId, int page, int size) {
        return new Page(reservations.page(concertId, page, size), page, size, reservations.count(concertId));
    }

    /** One page of reservations, newest first. */
    public record Page(List<Reservation> content, int page, int size, long total) {
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw DomainException.invalid("Idempotency-Key", "header required, 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    /** The same seats in any order are the same request: {@code what} is canonical (seats sorted). */
    private static String requestHash(long concertId, String what) {
        String canonical = concertId + "|" + what;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deadlock or lock timeout rolls the whole transaction back; running it again is safe. */
    private static <T> T retryingLockFailures(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The outcome a refused hold is counted under, by the problem's {@code reason}. */
    private static String outcomeOf(DomainException e) {
        if (e.kind() == DomainException.Kind.UNAVAILABLE) {
            return "unavailable";
        }
        return switch (String.valueOf(e.properties().get("reason"))) {
            case "taken", "busy" -> "rejected_taken";
            case "blocked" -> "rejected_blocked";
            case "limit" -> "rejected_limit";
            case "not-on-sale-yet", "sale-ended" -> "rejected_not_on_sale";
            default -> "rejected_invalid";
        };
    }

    /** What a confirm or cancel transaction decided: committed either way, a refusal is thrown afterwards. */
    private record Outcome(Reservation reservation, DomainException refusal) {
        Reservation orThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return reservation;
        }
    }
}
