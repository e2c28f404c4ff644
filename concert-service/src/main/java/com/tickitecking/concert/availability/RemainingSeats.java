package com.tickitecking.concert.availability;

import com.tickitecking.concert.concert.ConcertCache;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The remaining seat count of each concert, derived from reservation and seat-block events:
 * {@code total − seats of HELD/CONFIRMED reservations − blocked seats}, the last two kept as counters on the
 * concert so that one event costs the same however many reservations the concert already has.
 *
 * <p>Events may come twice (the inbox drops the second) and out of order: each reservation and each blocked seat
 * keeps the revision it was last set from, and an event only wins over a lower one. A Cancelled arriving before
 * its Created therefore stays cancelled. A winning event moves the counters by the difference between the row's
 * old and new state.
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
        List<StoredReservation> stored = jdbc.query(
                "SELECT status, seat_count, revision FROM reservation_seats WHERE reservation_id = ?",
                (rs, i) -> new StoredReservation(ReservationState.valueOf(rs.getString(1)), rs.getInt(2), rs.getLong(3)),
                event.reservationId());
        if (!stored.isEmpty() && stored.getFirst().revision() >= event.revision()) {
            return;
        }
        ReservationState state = ReservationState.after(event);
        int seats = event.seats().size();
        jdbc.update("""
                INSERT INTO reservation_seats (reservation_id, concert_id, seat_count, status, revision) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE seat_count = VALUES(seat_count), status = VALUES(status), revision = VALUES(revision)""",
                event.reservationId(), event.concertId(), seats, state.name(), event.revision());
        int takenBefore = stored.isEmpty() ? 0 : stored.getFirst().seatsTaken();
        int takenAfter = state.takesSeats() ? seats : 0;
        adjust(event.concertId(), takenAfter - takenBefore, 0);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(SeatEvent event) {
        lockConcert(event.concertId());
        List<StoredBlock> stored = jdbc.query(
                "SELECT blocked, revision FROM blocked_seat WHERE concert_id = ? AND seat = ?",
                (rs, i) -> new StoredBlock(rs.getBoolean(1), rs.getLong(2)), event.concertId(), event.seat());
        if (!stored.isEmpty() && stored.getFirst().revision() >= event.revision()) {
            return;
        }
        boolean blocked = event instanceof SeatBlocked;
        jdbc.update("""
                INSERT INTO blocked_seat (concert_id, seat, blocked, revision) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE blocked = VALUES(blocked), revision = VALUES(revision)""",
                event.concertId(), event.seat(), blocked, event.revision());
        boolean blockedBefore = !stored.isEmpty() && stored.getFirst().blocked();
        adjust(event.concertId(), 0, (blocked ? 1 : 0) - (blockedBefore ? 1 : 0));
    }

    /** Recomputes one concert's count from its counters, e.g. after its total changed (call with the row locked). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recount(long concertId) {
        jdbc.update("UPDATE concert SET remaining_seats = GREATEST(0, total_seats - taken_seats - blocked_seats) WHERE id = ?",
                concertId);
        cache.evict(concertId);
    }

    private void adjust(long concertId, int taken, int blocked) {
        if (taken == 0 && blocked == 0) {
            return;
        }
        jdbc.update("UPDATE concert SET taken_seats = taken_seats + ?, blocked_seats = blocked_seats + ? WHERE id = ?",
                taken, blocked, concertId);
        recount(concertId);
    }

    /**
     * Serialises the handlers of one concert, so that reading a row's old state and moving the counters by the
     * difference cannot interleave with another event of the same concert.
     */
    private void lockConcert(long concertId) {
        jdbc.queryForList("SELECT id FROM concert WHERE id = ? FOR UPDATE", Long.class, concertId);
    }

    private record StoredReservation(ReservationState state, int seatCount, long revision) {
        int seatsTaken() {
            return state.takesSeats() ? seatCount : 0;
        }
    }

    private record StoredBlock(boolean blocked, long revision) {
    }
}
