package com.tickitecking.concert.availability;

import com.tickitecking.concert.concert.ConcertCache;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The remaining seat count of each concert, derived from reservation and seat-block events:
 * {@code total − seats of HELD/CONFIRMED reservations − blocked seats}.
 *
 * <p>Events may come twice (the inbox drops the second) and out of order: each reservation and each blocked seat
 * keeps the revision it was last set from, and an event only wins over a lower one. A Cancelled arriving before
 * its Created therefore stays cancelled. The count is then recomputed from those rows with one indexed query.
 */
@Component
public class RemainingSeats {

    private final JdbcTemplate jdbc;
    private final ConcertCache cache;

    public RemainingSeats(JdbcTemplate jdbc, ConcertCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(ReservationEvent event) {
        lockConcert(event.concertId());
        // Columns are assigned left to right, so revision goes last: the IFs still compare with the old one.
        int changed = jdbc.update("""
                INSERT INTO reservation_seats (reservation_id, concert_id, seat_count, status, revision)
                VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE
                    concert_id = IF(VALUES(revision) > revision, VALUES(concert_id), concert_id),
                    seat_count = IF(VALUES(revision) > revision, VALUES(seat_count), seat_count),
                    status     = IF(VALUES(revision) > revision, VALUES(status), status),
                    revision   = GREATEST(revision, VALUES(revision))""",
                event.reservationId(), event.concertId(), event.seats().size(),
                ReservationState.after(event).name(), event.revision());
        if (changed > 0) {
            recount(event.concertId());
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(SeatEvent event) {
        lockConcert(event.concertId());
        int changed = jdbc.update("""
                INSERT INTO blocked_seat (concert_id, seat, blocked, revision) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE
                    blocked  = IF(VALUES(revision) > revision, VALUES(blocked), blocked),
                    revision = GREATEST(revision, VALUES(revision))""",
                event.concertId(), event.seat(), event instanceof SeatBlocked, event.revision());
        if (changed > 0) {
            recount(event.concertId());
        }
    }

    /** Recomputes one concert's count from the read-model rows (call with the concert row locked). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recount(long concertId) {
        jdbc.update("""
                UPDATE concert SET remaining_seats = GREATEST(0, total_seats
                    - (SELECT COALESCE(SUM(r.seat_count), 0) FROM reservation_seats r
                       WHERE r.concert_id = ? AND r.status IN ('HELD', 'CONFIRMED'))
                    - (SELECT COUNT(*) FROM blocked_seat b WHERE b.concert_id = ? AND b.blocked))
                WHERE id = ?""", concertId, concertId, concertId);
        cache.evict(concertId);
    }

    /**
     * Serialises the handlers of one concert: the next one's recount then sees this one's committed row, so two
     * concurrent events cannot each count without the other.
     */
    private void lockConcert(long concertId) {
        jdbc.queryForList("SELECT id FROM concert WHERE id = ? FOR UPDATE", Long.class, concertId);
    }
}
