package com.tickitecking.concert.availability;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * The counted reservations ({@code reservation_seats}), the blocked seats ({@code blocked_seat}) and the
 * counters and remaining seat count they keep on each concert row.
 */
@Repository
public class AvailabilityRepository {

    private final JdbcTemplate jdbc;

    public AvailabilityRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the handlers of one concert, so that reading a row's old state and moving the counters by the
     * difference cannot interleave with another event of the same concert.
     */
    public void lockConcert(long concertId) {
        jdbc.queryForList("SELECT id FROM concert WHERE id = ? FOR UPDATE", Long.class, concertId);
    }

    public Optional<CountedReservation> findReservation(long reservationId) {
        return jdbc.query("SELECT status, seat_count, revision FROM reservation_seats WHERE reservation_id = ?",
                (rs, i) -> new CountedReservation(ReservationState.valueOf(rs.getString(1)), rs.getInt(2), rs.getLong(3)),
                reservationId).stream().findFirst();
    }

    public void saveReservation(long reservationId, long concertId, CountedReservation reservation) {
        jdbc.update("""
                INSERT INTO reservation_seats (reservation_id, concert_id, seat_count, status, revision) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE seat_count = VALUES(seat_count), status = VALUES(status), revision = VALUES(revision)""",
                reservationId, concertId, reservation.seats(), reservation.state().name(), reservation.revision());
    }

    public Optional<BlockedSeat> findBlockedSeat(long concertId, String seat) {
        return jdbc.query("SELECT blocked, revision FROM blocked_seat WHERE concert_id = ? AND seat = ?",
                (rs, i) -> new BlockedSeat(rs.getBoolean(1), rs.getLong(2)), concertId, seat).stream().findFirst();
    }

    public void saveBlockedSeat(long concertId, String seat, BlockedSeat block) {
        jdbc.update("""
                INSERT INTO blocked_seat (concert_id, seat, blocked, revision) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE blocked = VALUES(blocked), revision = VALUES(revision)""",
                concertId, seat, block.blocked(), block.revision());
    }

    public void adjustCounters(long concertId, int taken, int blocked) {
        jdbc.update("UPDATE concert SET taken_seats = taken_seats + ?, blocked_seats = blocked_seats + ? WHERE id = ?",
                taken, blocked, concertId);
    }

    /**
     * Recomputes one concert's count from its counters, e.g. after its total changed (call with the row locked;
     * the caller forgets the cached concert).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recount(long concertId) {
        jdbc.update("UPDATE concert SET remaining_seats = GREATEST(0, total_seats - taken_seats - blocked_seats) WHERE id = ?",
                concertId);
    }
}
