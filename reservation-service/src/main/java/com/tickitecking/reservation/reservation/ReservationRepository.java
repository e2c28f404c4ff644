package com.tickitecking.reservation.reservation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reservations and their seats, in plain SQL: the hot path of a hold is a handful of statements whose locking
 * we want to see. {@code reservation_seat.active_marker} is 1 exactly while the reservation occupies its seats.
 */
@Repository
public class ReservationRepository {

    private static final String SELECT = """
            SELECT r.id, r.concert_id, c.name AS concert_name, c.start_time AS concert_start, r.user_id, r.status,
                   r.total_price, r.revision, r.held_at, r.expires_at, r.confirmed_at, r.ended_at, r.guard_token
            FROM reservation r LEFT JOIN concert c ON c.id = r.concert_id
            """;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public ReservationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** A new HELD reservation (revision 1); returns its id. */
    public long insertHold(long concertId, long userId, BigDecimal total, Instant heldAt, Instant expiresAt,
                           String idempotencyKey, String requestHash, String guardToken) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO reservation (concert_id, user_id, status, total_price, revision, held_at, expires_at,
                                             idempotency_key, request_hash, guard_token)
                    VALUES (?, ?, 'HELD', ?, 1, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            statement.setLong(1, concertId);
            statement.setLong(2, userId);
            statement.setBigDecimal(3, total);
            statement.setTimestamp(4, Timestamp.from(heldAt));
            statement.setTimestamp(5, Timestamp.from(expiresAt));
            statement.setString(6, idempotencyKey);
            statement.setString(7, requestHash);
            statement.setString(8, guardToken);
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }

    /**
     * Locks the buyer's allowance of the concert until the transaction ends, creating it on the buyer's first hold.
     * An upsert rather than a read: on an existing row it takes the exclusive lock at once, so parallel holds of
     * one buyer queue here instead of sharing a read lock and deadlocking over who upgrades it first.
     */
    public void lockBuyer(long concertId, long userId, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                INSERT INTO buyer_allowance (concert_id, user_id, locked_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE locked_at = ?""", concertId, userId, at, at);
    }

    /** The buyer's seats of the concert in confirmed reservations and holds that have not run out. */
    public int seatsOfBuyer(long concertId, long userId, Instant now) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM reservation r JOIN reservation_seat s ON s.reservation_id = r.id
                WHERE r.user_id = ? AND r.concert_id = ? AND r.status IN ('HELD', 'CONFIRMED') AND s.active_marker = 1
                  AND (r.status = 'CONFIRMED' OR r.expires_at > ?)""",
                Integer.class, userId, concertId, Timestamp.from(now));
    }

    /**
     * Occupies the seats in one statement; the unique index on (concert_id, seat_label, active_marker) refuses it
     * as a whole when any seat is actively reserved already.
     */
    public void occupySeats(long reservationId, long concertId, List<Reservation.ReservedSeat> seats) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO reservation_seat (reservation_id, concert_id, seat_label, grade, price, active_marker) VALUES ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, 1)");
            var seat = seats.get(i);
            args.addAll(List.of(reservationId, concertId, seat.seat(), seat.grade(), seat.price()));
        }
        jdbc.update(sql.toString(), args.toArray());
    }

    public Optional<Reservation> find(long id) {
        return withSeats(jdbc.query(SELECT + " WHERE r.id = ?", this::row, id)).stream().findFirst();
    }

    /** The reservation, its row locked until the transaction ends. */
    public Optional<Reservation> lock(long id) {
        List<Long> locked = jdbc.queryForList("SELECT id FROM reservation WHERE id = ? FOR UPDATE", Long.class, id);
        return locked.isEmpty() ? Optional.empty() : find(id);
    }

    /** The reservation made earlier with this Idempotency-Key, as (id, request hash). */
    public Optional<Map.Entry<Long, String>> findByIdempotencyKey(long userId, String key) {
        return jdbc.query("SELECT id, request_hash FROM reservation WHERE user_id = ? AND idempotency_key = ?",
                (rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)), userId, key).stream().findFirst();
    }

    /** One row's Idempotency-Key as the restore of Redis's memory reads it ({@link IdempotencyKeysRestore}). */
    public record UsedKey(long id, long userId, String key, String requestHash, Instant heldAt) {
    }

    /**
     * The keys of reservations held since {@code since}, after the id {@code afterId}, in id order, at most
     * {@code limit}: one page of the restore. Walks the primary key (there is no index on held_at, and one would
     * cost every insert), so a page reads at most a page's worth of rows beyond the ones it keeps.
     */
    public List<UsedKey> keysUsedSince(Instant since, long afterId, int limit) {
        return jdbc.query("""
                SELECT id, user_id, idempotency_key, request_hash, held_at FROM reservation
                WHERE id > ? AND held_at >= ? ORDER BY id LIMIT ?""",
                (rs, i) -> new UsedKey(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                afterId, Timestamp.from(since), limit);
    }

    /** HELD reservations that ran out but still occupy one of these seats: a new hold frees them first. */
    public List<Long> lapsedHoldsOccupying(long concertId, Collection<String> seats, Instant now) {
        return named.queryForList("""
                SELECT DISTINCT r.id FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                WHERE s.concert_id = :concert AND s.seat_label IN (:seats) AND s.active_marker = 1
                  AND r.status = 'HELD' AND r.expires_at <= :now
                ORDER BY r.id""",
                new MapSqlParameterSource("concert", concertId).addValue("seats", seats)
                        .addValue("now", Timestamp.from(now)), Long.class);
    }

    /** Which of these seats an active reservation occupies (a lapsed hold does not). */
    public List<String> occupiedAmong(long concertId, Collection<String> seats, Instant now) {
        return named.queryForList("""
                SELECT s.seat_label FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                WHERE s.concert_id = :concert AND s.seat_label IN (:seats) AND s.active_marker = 1
                  AND (r.status = 'CONFIRMED' OR r.expires_at > :now)
                ORDER BY s.seat_label""",
                new MapSqlParameterSource("concert", concertId).addValue("seats", seats)
                        .addValue("now", Timestamp.from(now)), String.class);
    }

    /** Claims due holds for this transaction; other sweepers skip them instead of waiting. */
    public List<Long> claimLapsedHolds(Instant now, int limit) {
        return jdbc.queryForList("""
                SELECT id FROM reservation WHERE status = 'HELD' AND expires_at <= ?
                ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""", Long.class, Timestamp.from(now), limit);
    }

    /** Every seat of the concert an active reservation occupies, for rebuilding the Redis guard. */
    public List<ActiveSeat> activeSeats(long concertId, Instant now) {
        return jdbc.query("""
                SELECT s.seat_label, r.status, r.expires_at, r.guard_token, r.user_id
                FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                WHERE s.concert_id = ? AND s.active_marker = 1 AND (r.status = 'CONFIRMED' OR r.expires_at > ?)""",
                (rs, i) -> new ActiveSeat(rs.getString(1), ReservationStatus.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getLong(5)),
                concertId, Timestamp.from(now));
    }

    public record ActiveSeat(String seat, ReservationStatus status, Instant expiresAt, String guardToken, long userId) {
    }

    /** Writes down a state change the domain decided (see {@link Reservation#confirm} and the others). */
    public void update(Reservation changed) {
        switch (changed.status()) {
            case CONFIRMED -> confirm(changed.id(), changed.revision(), changed.confirmedAt());
            case CANCELLED, EXPIRED -> end(changed.id(), changed.status(), changed.revision(), changed.endedAt());
            case HELD -> throw new IllegalArgumentException("a hold is inserted (insertHold), never updated back to HELD");
        }
    }

    private void confirm(long id, long revision, Instant at) {
        jdbc.update("UPDATE reservation SET status = 'CONFIRMED', revision = ?, confirmed_at = ? WHERE id = ?",
                revision, Timestamp.from(at), id);
    }

    /** Ends the reservation (CANCELLED or EXPIRED) and frees its seats. */
    private void end(long id, ReservationStatus status, long revision, Instant at) {
        jdbc.update("UPDATE reservation SET status = ?, revision = ?, ended_at = ? WHERE id = ?",
                status.name(), revision, Timestamp.from(at), id);
        jdbc.update("UPDATE reservation_seat SET active_marker = NULL WHERE reservation_id = ?", id);
    }

    public List<Reservation> pageOfUser(long userId, int page, int size) {
        return withSeats(jdbc.query(SELECT + " WHERE r.user_id = ? ORDER BY r.id DESC LIMIT ? OFFSET ?",
                this::row, userId, size, (long) page * size));
    }

    public long countOfUser(long userId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE user_id = ?", Long.class, userId);
    }

    public List<Reservation> page(Long concertId, int page, int size) {
        if (concertId == null) {
            return withSeats(jdbc.query(SELECT + " ORDER BY r.id DESC LIMIT ? OFFSET ?", this::row, size, (long) page * size));
        }
        return withSeats(jdbc.query(SELECT + " WHERE r.concert_id = ? ORDER BY r.id DESC LIMIT ? OFFSET ?",
                this::row, concertId, size, (long) page * size));
    }

    public long count(Long concertId) {
        return concertId == null
                ? jdbc.queryForObject("SELECT COUNT(*) FROM reservation", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE concert_id = ?", Long.class, concertId);
    }

    private List<Reservation> withSeats(List<Reservation> reservations) {
        if (reservations.isEmpty()) {
            return reservations;
        }
        Map<Long, List<Reservation.ReservedSeat>> seats = new HashMap<>();
        named.query("""
                SELECT reservation_id, seat_label, grade, price FROM reservation_seat
                WHERE reservation_id IN (:ids) ORDER BY id""",
                new MapSqlParameterSource("ids", reservations.stream().map(Reservation::id).toList()),
                rs -> {
                    seats.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Reservation.ReservedSeat(rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
                });
        return reservations.stream().map(r -> new Reservation(r.id(), r.concertId(), r.concertName(),
                r.concertStartTime(), r.userId(), r.status(), r.totalPrice(), r.revision(), r.heldAt(), r.expiresAt(),
                r.confirmedAt(), r.endedAt(), r.guardToken(), List.copyOf(seats.getOrDefault(r.id(), List.of()))))
                .toList();
    }

    private Reservation row(ResultSet rs, int i) throws SQLException {
        return new Reservation(rs.getLong("id"), rs.getLong("concert_id"), rs.getString("concert_name"),
                instant(rs.getTimestamp("concert_start")), rs.getLong("user_id"),
                ReservationStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total_price"),
                rs.getLong("revision"), instant(rs.getTimestamp("held_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("confirmed_at")), instant(rs.getTimestamp("ended_at")),
                rs.getString("guard_token"), List.of());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
