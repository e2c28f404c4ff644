package com.tickitecking.reservation.queue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** What the admission job reads from the database: which waiting rooms run, and how many seats are taken. */
@Repository
class WaitingRoomRepository {

    private final JdbcTemplate jdbc;

    WaitingRoomRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Concerts with a waiting room whose sale has not ended (nor the concert started). */
    List<Long> waitingRoomsOnSale(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.queryForList("""
                SELECT id FROM concert
                WHERE waiting_room = TRUE AND deleted = FALSE AND start_time > ? AND (sale_ends_at IS NULL OR sale_ends_at > ?)""",
                Long.class, at, at);
    }

    /**
     * Seats of the concert that are not free: confirmed, held and not lapsed, or blocked; and of those, how many
     * are only held (pending: they come free again if the hold lapses). One index range scan of the concert's
     * active seats (uk_reservation_seat_active starts with concert_id) and one of its blocked seats.
     */
    Taken taken(long concertId, Instant now) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) AS taken, COALESCE(SUM(r.status = 'HELD'), 0) AS held,
                       (SELECT COUNT(*) FROM blocked_seat b WHERE b.concert_id = ? AND b.blocked = TRUE) AS blocked
                FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                WHERE s.concert_id = ? AND s.active_marker = 1 AND (r.status = 'CONFIRMED' OR r.expires_at > ?)""",
                (rs, i) -> new Taken(rs.getLong("taken") + rs.getLong("blocked"), rs.getLong("held")),
                concertId, concertId, Timestamp.from(now));
    }

    /** @param seats seats not free (confirmed, pending holds, blocked); @param held of them, the pending holds */
    record Taken(long seats, long held) {
    }
}
