package com.tickitecking.reservation.queue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** What the admission job reads from the database: which waiting rooms run, and how many seats are blocked. */
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

    /** Seats the owner took off sale: few, counted on the primary key's range of the concert. */
    long blockedSeats(long concertId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM blocked_seat WHERE concert_id = ? AND blocked = TRUE",
                Long.class, concertId);
    }
}
