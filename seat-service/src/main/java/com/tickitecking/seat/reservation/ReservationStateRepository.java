package com.tickitecking.seat.reservation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The latest state applied per reservation (table reservation_state). */
@Repository
public class ReservationStateRepository {

    private final JdbcTemplate jdbc;

    public ReservationStateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The states of these reservations (those applied before), locked for a change. */
    public List<ReservationState> findAllForUpdate(Collection<Long> reservationIds) {
        if (reservationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT reservation_id, concert_id, revision, status FROM reservation_state WHERE reservation_id IN ("
                        + placeholders(reservationIds.size()) + ") ORDER BY reservation_id FOR UPDATE",
                (rs, n) -> new ReservationState(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        ReservationStatus.valueOf(rs.getString(4))),
                reservationIds.toArray());
    }

    /**
     * Writes the latest state of each of these reservations, new or not, in one statement. The caller read them
     * with {@link #findAllForUpdate} under their concerts' locks, so no other transaction writes them meanwhile.
     */
    public void saveAll(Collection<ReservationState> states) {
        if (states.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object> params = new ArrayList<>(states.size() * 5);
        for (ReservationState state : states) {
            params.add(state.reservationId());
            params.add(state.concertId());
            params.add(state.revision());
            params.add(state.status().name());
            params.add(now);
        }
        jdbc.update("INSERT INTO reservation_state (reservation_id, concert_id, revision, status, updated_at) VALUES "
                + String.join(", ", Collections.nCopies(states.size(), "(?, ?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE revision = VALUES(revision), status = VALUES(status), updated_at = VALUES(updated_at)",
                params.toArray());
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
