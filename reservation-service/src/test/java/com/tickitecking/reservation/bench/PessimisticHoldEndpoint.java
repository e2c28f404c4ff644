package com.tickitecking.reservation.bench;

import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatId;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.outbox.OutboxWriter;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.reservation.concert.Concert;
import com.tickitecking.reservation.concert.ConcertRepository;
import com.tickitecking.reservation.reservation.HoldRequest;
import com.tickitecking.reservation.reservation.IdempotencyKeys;
import com.tickitecking.reservation.reservation.Reservation;
import com.tickitecking.reservation.reservation.ReservationRepository;
import com.tickitecking.reservation.reservation.SeatsTaken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The comparison strategy for the benchmark only: no Redis, no distributed locks, just the database. A hold
 * locks the requested rows of {@code bench_seat} with {@code SELECT … FOR UPDATE} (in sorted order) and writes
 * the same reservation, seats and outbox rows as the real path. Every competing request waits on the row locks.
 * It sits in the test sources under the service's package, so it exists only when the bench switches it on.
 */
@RestController
@ConditionalOnProperty(name = "tickitecking.bench.pessimistic-endpoint", havingValue = "true")
public class PessimisticHoldEndpoint {

    static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS bench_seat (
                concert_id     BIGINT      NOT NULL,
                seat_label     VARCHAR(32) NOT NULL,
                reservation_id BIGINT      NULL,
                PRIMARY KEY (concert_id, seat_label)
            )""";

    private final ConcertRepository concerts;
    private final ReservationRepository reservations;
    private final OutboxWriter outbox;
    private final IdempotencyKeys idempotency;
    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public PessimisticHoldEndpoint(ConcertRepository concerts, ReservationRepository reservations, OutboxWriter outbox,
                                   IdempotencyKeys idempotency, JdbcTemplate jdbc,
                                   PlatformTransactionManager transactionManager) {
        this.idempotency = idempotency;
        this.concerts = concerts;
        this.reservations = reservations;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @PostMapping("/bench/pessimistic/concerts/{concertId}/reservations")
    public ResponseEntity<Map<String, Object>> hold(AuthenticatedUser caller, @PathVariable long concertId,
                                                    @RequestHeader("Idempotency-Key") String key,
                                                    @RequestBody HoldRequest request) {
        Concert concert = concerts.find(concertId).orElse(null);
        if (concert == null) {
            return ResponseEntity.status(404).build();
        }
        // The same surroundings as the real path (idempotency record, blocked-seat check), only the guard differs.
        String requestHash = Integer.toHexString(request.seats().hashCode());
        if (idempotency.begin(caller.id(), key, requestHash).isPresent()) {
            return ResponseEntity.status(201).build();
        }
        if (!concerts.blockedAmong(concertId, request.seats()).isEmpty()) {
            idempotency.abandon(caller.id(), key, requestHash);
            throw DomainException.conflict("Seats not on sale").with("reason", "blocked");
        }
        List<String> seats = request.seats().stream().sorted().toList();
        List<Reservation.ReservedSeat> priced = new ArrayList<>();
        for (String label : seats) {
            SeatGrade grade = concert.gradeOf(SeatId.parse(label));
            priced.add(new Reservation.ReservedSeat(label, grade.name(), grade.price()));
        }
        BigDecimal total = priced.stream().map(Reservation.ReservedSeat::price).reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant now = Instant.now();
        Long id;
        try {
            id = transactions.execute(status -> {
            List<String> taken = lockTakenAmong(concertId, seats);
            if (!taken.isEmpty()) {
                throw new SeatsTaken(taken);
            }
            long reservationId = reservations.insertHold(concertId, caller.id(), total, now, now.plus(Duration.ofHours(1)),
                    key, requestHash, UUID.randomUUID().toString());
            reservations.occupySeats(reservationId, concertId, priced);
            named.update("UPDATE bench_seat SET reservation_id = :id WHERE concert_id = :concert AND seat_label IN (:seats)",
                    new MapSqlParameterSource("id", reservationId).addValue("concert", concertId).addValue("seats", seats));
            outbox.append(ReservationCreated.of(reservationId, concertId, caller.id(), seats, 1, now.plus(Duration.ofHours(1))));
            return reservationId;
            });
        } catch (DomainException e) {
            idempotency.abandon(caller.id(), key, requestHash);
            throw e; // answered as problem+json, as the real path answers
        }
        idempotency.complete(caller.id(), key, requestHash, id);
        return ResponseEntity.status(201).body(Map.of("id", id));
    }

    /**
     * What this strategy spends to refuse a taken seat: a transaction that locks the seat rows and finds them
     * taken. True when any of the seats is taken.
     */
    boolean refuses(long concertId, List<String> seats) {
        return Boolean.TRUE.equals(transactions.execute(status -> !lockTakenAmong(concertId, seats).isEmpty()));
    }

    /** Locks the seats' rows (in label order) and returns those already reserved. */
    private List<String> lockTakenAmong(long concertId, List<String> seats) {
        return named.query("""
                SELECT seat_label, reservation_id FROM bench_seat WHERE concert_id = :concert AND seat_label IN (:seats)
                ORDER BY seat_label FOR UPDATE""",
                new MapSqlParameterSource("concert", concertId).addValue("seats", seats),
                (rs, i) -> rs.getObject(2) == null ? null : rs.getString(1)).stream().filter(t -> t != null).toList();
    }

    /** One unlocked row per seat of the concert. */
    void seatRows(long concertId, List<String> seats) {
        jdbc.execute(SCHEMA);
        jdbc.batchUpdate("INSERT INTO bench_seat (concert_id, seat_label) VALUES (?, ?)", seats, 500, (ps, seat) -> {
            ps.setLong(1, concertId);
            ps.setString(2, seat);
        });
    }
}
