package com.tickitecking.reservation.sales;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads behind a concert's sales, each a range of one index on the concert: {@code ix_reservation_concert}
 * (concert_id, status, expires_at; id comes with it) for the counts and for the live reservations, whose seats are
 * then read by reservation id; {@code ix_reservation_concert_latest} (concert_id, id) for the latest ones. The index
 * is named where MariaDB would rather walk the primary key backwards through every other concert's reservations
 * (ORDER BY id LIMIT: 0.3 s instead of 1 ms for 220,000 reservations). A hold past its {@code expires_at} counts as
 * expired, as its reservation reads to its buyer, before the sweeper writes it down.
 */
@Repository
class SalesRepository {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SalesRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** The concert's reservations by their status as of {@code now} (HELD, CONFIRMED, CANCELLED, EXPIRED). */
    Map<String, Long> reservationsByStatus(long concertId, Instant now) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("""
                SELECT CASE WHEN status = 'HELD' AND expires_at <= ? THEN 'EXPIRED' ELSE status END AS now_status,
                       COUNT(*) FROM reservation WHERE concert_id = ? GROUP BY now_status""",
                rs -> {
                    counts.merge(rs.getString(1), rs.getLong(2), Long::sum);
                }, Timestamp.from(now), concertId);
        return counts;
    }

    /** Seats of live reservations, by grade and by whether they are sold (CONFIRMED) or held, with their sums. */
    record GradeSeats(String grade, boolean sold, int seats, BigDecimal amount) {
    }

    List<GradeSeats> activeSeatsByGrade(long concertId, Instant now) {
        return jdbc.query("""
                SELECT s.grade, r.status = 'CONFIRMED' AS sold, COUNT(*), COALESCE(SUM(s.price), 0)
                FROM reservation r FORCE INDEX (ix_reservation_concert)
                JOIN reservation_seat s ON s.reservation_id = r.id
                WHERE r.concert_id = ? AND (r.status = 'CONFIRMED' OR (r.status = 'HELD' AND r.expires_at > ?))
                  AND s.active_marker = 1
                GROUP BY s.grade, sold""",
                (rs, i) -> new GradeSeats(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getBigDecimal(4)),
                concertId, Timestamp.from(now));
    }

    /** One reservation as the owner sees it: no Idempotency-Key, no guard token. */
    record Line(long id, long userId, String status, BigDecimal total, Instant heldAt, Instant expiresAt,
                Instant confirmedAt, Instant endedAt, List<String> seats) {
    }

    /** The concert's reservations, newest first; the ids from the index, then only that page's rows and seats. */
    List<Line> latest(long concertId, int page, int size) {
        List<Long> ids = jdbc.queryForList("""
                SELECT id FROM reservation FORCE INDEX (ix_reservation_concert_latest)
                WHERE concert_id = ? ORDER BY id DESC LIMIT ? OFFSET ?""",
                Long.class, concertId, size, (long) page * size);
        if (ids.isEmpty()) {
            return List.of();
        }
        var params = new MapSqlParameterSource("ids", ids);
        Map<Long, List<String>> seats = new HashMap<>();
        named.query("SELECT reservation_id, seat_label FROM reservation_seat WHERE reservation_id IN (:ids) ORDER BY id",
                params, rs -> {
                    seats.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return named.query("""
                SELECT id, user_id, status, total_price, held_at, expires_at, confirmed_at, ended_at FROM reservation
                WHERE id IN (:ids) ORDER BY id DESC""", params,
                (rs, i) -> new Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)),
                        instant(rs.getTimestamp(8)), List.copyOf(seats.getOrDefault(rs.getLong(1), List.of()))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
