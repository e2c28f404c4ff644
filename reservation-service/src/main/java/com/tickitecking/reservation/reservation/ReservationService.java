package com.tickitecking.reservation.reservation;

import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationConfirmed;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatIndex;
import com.tickitecking.platform.outbox.OutboxWriter;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.web.ApiException;
import com.tickitecking.reservation.concert.Concert;
import com.tickitecking.reservation.concert.ConcertRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The use cases: hold, confirm, cancel, look up. Holds go through {@link SeatGuard}. */
@Service
public class ReservationService {

    private static final int MAX_KEY_LENGTH = 100;
    private static final int WRITE_ATTEMPTS = 3;

    private final ReservationRepository reservations;
    private final ConcertRepository concerts;
    private final SeatGuard guard;
    private final HoldExpiry expiry;
    private final IdempotencyKeys idempotency;
    private final OutboxWriter outbox;
    private final ReservationProperties properties;
    private final ReservationMetrics metrics;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public ReservationService(ReservationRepository reservations, ConcertRepository concerts, SeatGuard guard,
                              HoldExpiry expiry, IdempotencyKeys idempotency, OutboxWriter outbox,
                              ReservationProperties properties, ReservationMetrics metrics, Clock clock,
                              PlatformTransactionManager transactionManager) {
        this.reservations = reservations;
        this.concerts = concerts;
        this.guard = guard;
        this.expiry = expiry;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        // Read committed: the hold transaction takes no gap locks, so holds of different seats never wait on each other.
        this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** A hold's result, and whether it is the answer to an earlier request with the same Idempotency-Key. */
    public record Hold(Reservation reservation, boolean replayed) {
    }

    /**
     * Holds all the seats or none, until now + hold time.
     *
     * @throws ApiException      400 (seats, Idempotency-Key), 404 (concert), 409 (concert started, seats blocked or
     *                           taken, same key in flight), 422 (key used for another request), 503 (Redis down)
     * @throws BuyerLimitReached when the seats would take the caller past the concert's tickets per buyer
     */
    public Hold hold(AuthenticatedUser caller, long concertId, String idempotencyKey, List<String> requestedSeats) {
        try {
            List<String> seats = validSeats(requestedSeats);
            requireKey(idempotencyKey);
            String requestHash = requestHash(concertId, seats);
            Optional<Long> earlier = idempotency.begin(caller.id(), idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return new Hold(get(caller, earlier.get()), true);
            }
            try {
                Reservation held = holdNew(caller.id(), concertId, idempotencyKey, requestHash, seats);
                idempotency.complete(caller.id(), idempotencyKey, requestHash, held.id());
                metrics.outcome("held");
                return new Hold(held, false);
            } catch (RuntimeException e) {
                idempotency.abandon(caller.id(), idempotencyKey, requestHash);
                throw e;
            }
        } catch (ApiException e) {
            metrics.outcome(outcomeOf(e));
            throw e;
        } catch (BuyerLimitReached e) {
            metrics.outcome("rejected_limit");
            throw e;
        }
    }

    private Reservation holdNew(long userId, long concertId, String key, String requestHash, List<String> seats) {
        Concert concert = concerts.find(concertId).orElseThrow(() -> ApiException.notFound("concert", concertId));
        Instant now = clock.instant();
        if (concert.hasStartedBy(now)) {
            throw ApiException.conflict("This concert has already started; it can no longer be reserved.")
                    .with("reason", "started");
        }
        List<Reservation.ReservedSeat> priced = price(concert, seats);
        Instant expiresAt = now.plus(properties.holdTime());
        BigDecimal total = priced.stream().map(Reservation.ReservedSeat::price).reduce(BigDecimal.ZERO, BigDecimal::add);
        long id = guard.hold(concertId, seats, expiresAt, token -> {
            // Checked once the guards let us through: a rush's losers never reach the database at all.
            requireNoneBlocked(concertId, seats);
            return writeHold(userId, concert, key, requestHash, seats, priced, total, now, expiresAt, token);
        });
        return reservations.find(id).orElseThrow();
    }

    private void requireNoneBlocked(long concertId, List<String> seats) {
        List<String> blocked = concerts.blockedAmong(concertId, seats);
        if (!blocked.isEmpty()) {
            throw ApiException.conflict("Seats not on sale: " + String.join(", ", blocked))
                    .with("reason", "blocked").with("seats", blocked);
        }
    }

    private long writeHold(long userId, Concert concert, String key, String requestHash, List<String> seats,
                           List<Reservation.ReservedSeat> priced, BigDecimal total, Instant now, Instant expiresAt,
                           String token) {
        long concertId = concert.id();
        return retryingLockFailures(() -> transactions.execute(status -> {
            // The buyer limit, in the transaction that takes the seats: one buyer's holds of this concert take
            // turns at the lock, so each counts what the ones before it committed. Only winners of the seat guards
            // get here; a refusal rolls back, and the guard gives the seats back in Redis.
            reservations.lockBuyer(concertId, userId, now);
            new TicketAllowance(concert.maxTicketsPerBuyer(), reservations.seatsOfBuyer(concertId, userId, now))
                    .claim(seats.size());
            // Lapsed holds on these seats stop blocking now: written down as EXPIRED before the insert.
            for (long lapsed : reservations.lapsedHoldsOccupying(concertId, seats, now)) {
                expiry.expire(lapsed, now);
            }
            long reservationId;
            try {
                reservationId = reservations.insertHold(concertId, userId, total, now, expiresAt, key, requestHash, token);
            } catch (DuplicateKeyException e) {
                throw ApiException.conflict("A request with this Idempotency-Key is still in progress.");
            }
            reservations.occupySeats(reservationId, concertId, priced);
            outbox.append(ReservationCreated.of(reservationId, concertId, userId, seats, 1, expiresAt));
            return reservationId;
        }));
    }

    /** Confirms the caller's hold (payment stands in here). A lapsed hold is expired instead: 409. */
    public Reservation confirm(AuthenticatedUser caller, long id) {
        Outcome outcome = transactions.execute(status -> {
            Reservation reservation = reservations.lock(id).filter(r -> r.userId() == caller.id())
                    .orElseThrow(() -> ApiException.notFound("reservation", id));
            Instant now = clock.instant();
            if (reservation.isLapsedHoldAt(now)) {
                expiry.expire(id, now);
                return Outcome.refused("This hold has expired; its seats were released.");
            }
            return switch (reservation.status()) {
                case CONFIRMED -> Outcome.done(reservation);
                case CANCELLED, EXPIRED -> Outcome.refused("This reservation is " + reservation.status() + ".");
                case HELD -> {
                    long revision = reservation.revision() + 1;
                    reservations.confirm(id, revision, now);
                    outbox.append(ReservationConfirmed.of(id, reservation.concertId(), reservation.userId(),
                            reservation.seatLabels(), revision));
                    afterCommit(() -> {
                        metrics.outcome("confirmed");
                        guard.markConfirmed(reservation.concertId(), reservation.seatLabels(), reservation.guardToken());
                    });
                    yield Outcome.done(reservations.find(id).orElseThrow());
                }
            };
        });
        return outcome.orThrow();
    }

    /** Cancels the caller's reservation (an admin may cancel any) and frees its seats. Cancelling twice is harmless. */
    public Reservation cancel(AuthenticatedUser caller, long id) {
        Outcome outcome = transactions.execute(status -> {
            Reservation reservation = reservations.lock(id).filter(r -> caller.owns(r.userId()))
                    .orElseThrow(() -> ApiException.notFound("reservation", id));
            Instant now = clock.instant();
            if (reservation.isLapsedHoldAt(now)) {
                expiry.expire(id, now);
                return Outcome.refused("This hold has already expired; its seats were released.");
            }
            return switch (reservation.status()) {
                case CANCELLED -> Outcome.done(reservation);
                case EXPIRED -> Outcome.refused("This hold has already expired; its seats were released.");
                case HELD, CONFIRMED -> {
                    long revision = reservation.revision() + 1;
                    reservations.end(id, ReservationStatus.CANCELLED, revision, now);
                    outbox.append(ReservationCancelled.of(id, reservation.concertId(), reservation.userId(),
                            reservation.seatLabels(), revision));
                    afterCommit(() -> {
                        metrics.outcome("cancelled");
                        guard.releaseQuietly(reservation.concertId(), reservation.seatLabels(), reservation.guardToken());
                    });
                    yield Outcome.done(reservations.find(id).orElseThrow());
                }
            };
        });
        return outcome.orThrow();
    }

    /** The caller's reservation, or any for an admin; someone else's is "not found", not "forbidden". */
    public Reservation get(AuthenticatedUser caller, long id) {
        return reservations.find(id).filter(r -> caller.owns(r.userId()))
                .orElseThrow(() -> ApiException.notFound("reservation", id));
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

    private List<String> validSeats(List<String> seats) {
        if (seats == null || seats.isEmpty() || seats.size() > properties.maxSeats()) {
            throw ApiException.badRequest("seats", "must name 1 to " + properties.maxSeats() + " seats");
        }
        Set<String> distinct = new HashSet<>();
        for (String seat : seats) {
            if (!SeatId.isValid(seat)) {
                throw ApiException.badRequest("seats", "not a seat label: " + seat + " (expected e.g. FLOOR-A-12)");
            }
            if (!distinct.add(seat)) {
                throw ApiException.badRequest("seats", "seat named twice: " + seat);
            }
        }
        return List.copyOf(seats);
    }

    private List<Reservation.ReservedSeat> price(Concert concert, List<String> seats) {
        List<String> unknown = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        List<Reservation.ReservedSeat> priced = new ArrayList<>();
        SeatIndex layout = SeatIndex.of(concert.layout());
        for (String label : seats) {
            SeatId seat = SeatId.parse(label);
            if (!layout.contains(seat)) {
                unknown.add(label);
                continue;
            }
            SeatGrade grade = concert.gradeOf(seat);
            if (grade == null) {
                unpriced.add(label);
            } else {
                priced.add(new Reservation.ReservedSeat(label, grade.name(), grade.price()));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("seats", "no such seats in this concert's layout: " + String.join(", ", unknown));
        }
        if (!unpriced.isEmpty()) {
            throw ApiException.badRequest("seats", "seats without a grade are not on sale: " + String.join(", ", unpriced));
        }
        return priced;
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ApiException.badRequest("Idempotency-Key", "header required, 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    /** The same seats in any order are the same request. */
    private static String requestHash(long concertId, List<String> seats) {
        String canonical = concertId + "|" + String.join(",", seats.stream().sorted().toList());
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

    private static String outcomeOf(ApiException e) {
        Object reason = e.properties().get("reason");
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            return "unavailable";
        }
        if ("taken".equals(reason) || "busy".equals(reason)) {
            return "rejected_taken";
        }
        if ("blocked".equals(reason)) {
            return "rejected_blocked";
        }
        return "rejected_invalid";
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** What a confirm or cancel transaction decided: committed either way, refused ones answer 409 afterwards. */
    private record Outcome(Reservation reservation, String refusal) {
        static Outcome done(Reservation reservation) {
            return new Outcome(reservation, null);
        }

        static Outcome refused(String refusal) {
            return new Outcome(null, refusal);
        }

        Reservation orThrow() {
            if (refusal != null) {
                throw ApiException.conflict(refusal);
            }
            return reservation;
        }
    }
}
