package com.tickitecking.seat.reservation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The highest revision seen per reservation (table reservation_state). */
@Repository
public class ReservationStateRepository {

    private final JdbcTemplate jdbc;

    public ReservationStateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event's revision if it is newer than any seen for the reservation; returns false for an event
     * that is older than (or as old as) what was already applied. Two first events of one reservation racing each
     * other: the loser hits the primary key, throws and is redelivered.
     */
    public boolean advance(long reservationId, long concertId, long revision, String status) {
        List<Long> seen = jdbc.queryForList("SELECT revision FROM reservation_state WHERE reservation_id = ? FOR UPDATE",
                Long.class, reservationId);
        Timestamp now = Timestamp.from(Instant.now());
        if (seen.isEmpty()) {
            jdbc.update("INSERT INTO reservation_state (reservation_id, concert_id, revision, status, updated_at) VALUES (?, ?, ?, ?, ?)",
                    reservationId, concertId, revision, status, now);
            return true;
        }
        if (seen.getFirst() >= revision) {
            return false;
        }
        jdbc.update("UPDATE reservation_state SET revision = ?, status = ?, updated_at = ? WHERE reservation_id = ?",
                revision, status, now, reservationId);
        return true;
    }
}
