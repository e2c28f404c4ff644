package com.tickitecking.seat.reservation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The latest state applied per reservation (table reservation_state). */
@Repository
public class ReservationStateRepository {

    private final JdbcTemplate jdbc;

    public ReservationStateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReservationState> findForUpdate(long reservationId) {
        return jdbc.query("SELECT reservation_id, concert_id, revision, status FROM reservation_state WHERE reservation_id = ? FOR UPDATE",
                (rs, n) -> new ReservationState(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        ReservationStatus.valueOf(rs.getString(4))),
                reservationId).stream().findFirst();
    }

    /**
     * The reservation's first state. Two first events of one reservation racing each other: the loser hits the
     * primary key, throws and is redelivered.
     */
    public void insert(ReservationState state) {
        jdbc.update("INSERT INTO reservation_state (reservation_id, concert_id, revision, status, updated_at) VALUES (?, ?, ?, ?, ?)",
                state.reservationId(), state.concertId(), state.revision(), state.status().name(), Timestamp.from(Instant.now()));
    }

    public void update(ReservationState state) {
        jdbc.update("UPDATE reservation_state SET revision = ?, status = ?, updated_at = ? WHERE reservation_id = ?",
                state.revision(), state.status().name(), Timestamp.from(Instant.now()), state.reservationId());
    }
}
