package com.tickitecking.concert.availability;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The same for the concerts of a batch, locked in id order so that two batches cannot wait for each other. */
    public void lockConcerts(Collection<Long> concertIds) {
        jdbc.queryForList("SELECT id FROM concert WHERE id IN (" + placeholders(concertIds.size()) + ") ORDER BY id FOR UPDATE",
                Long.class, concertIds.toArray());
    }

    /** The counted reservations among these (those counted before), by id. */
    public Map<Long, CountedReservation> findReservations(Collection<Long> reservationIds) {
        Map<Long, CountedReservation> found = new HashMap<>();
        jdbc.query("SELECT reservation_id, status, seat_count, revision FROM reservation_seats WHERE reservation_id IN ("
                        + placeholders(reservationIds.size()) + ")",
                rs -> {
                    found.put(rs.getLong(1), new CountedReservation(ReservationState.valueOf(rs.getString(2)), rs.getInt(3), rs.getLong(4)));
                }, reservationIds.toArray());
        return found;
    }

    /** Writes these reservations' counted states (by reservation id), new or not, in one statement. */
    public void saveReservations(Map<Long, Counted> reservations) {
        List<Object> params = new ArrayList<>(reservations.size() * 5);
        reservations.forEach((reservationId, counted) -> {
            params.add(reservationId);
            params.add(counted.concertId());
            params.add(counted.reservation().seats());
            params.add(counted.reservation().state().name());
            params.add(counted.reservation().revision());
        });
        jdbc.update("INSERT INTO reservation_seats (reservation_id, concert_id, seat_count, status, revision) VALUES "
                + String.join(", ", Collections.nCopies(reservations.size(), "(?, ?, ?, ?, ?)"))
                + " ON DUPLICATE KEY UPDATE seat_count = VALUES(seat_count), status = VALUES(status), revision = VALUES(revision)",
                params.toArray());
    }

    /** A reservation as counted, and its concert. */
    record Counted(long concertId, CountedReservation reservation) {
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
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
