package com.tickitecking.reservation.concert;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatingLayout;

import java.time.Instant;
import java.util.List;

/**
 * A concert as reservation-service knows it from concert-service's events: enough to price and check a hold.
 *
 * @param maxTicketsPerBuyer the most seats one account may hold and have confirmed of this concert at once
 * @param saleStartsAt       when holds open, {@code null} when on sale from the start
 * @param saleEndsAt         when holds close, {@code null} when they close at the start
 * @param waitingRoom        whether holds need an admission token from the waiting room
 */
public record Concert(long id, long ownerId, String name, Instant startTime, SeatingLayout layout,
                      List<SeatGrade> grades, int maxTicketsPerBuyer, long revision, Instant saleStartsAt,
                      Instant saleEndsAt, boolean waitingRoom) {

    /** A concert on sale from the start, without a waiting room. */
    public Concert(long id, long ownerId, String name, Instant startTime, SeatingLayout layout,
                   List<SeatGrade> grades, int maxTicketsPerBuyer, long revision) {
        this(id, ownerId, name, startTime, layout, grades, maxTicketsPerBuyer, revision, null, null, false);
    }

    public boolean saleOpenBy(Instant now) {
        return saleStartsAt == null || !saleStartsAt.isAfter(now);
    }

    public boolean saleEndedBy(Instant now) {
        return saleEndsAt != null && !saleEndsAt.isAfter(now);
    }

    public boolean hasStartedBy(Instant now) {
        return !startTime.isAfter(now);
    }

    /** The grade that prices the seat, or null when no grade covers it (the seat is not on sale). */
    public SeatGrade gradeOf(SeatId seat) {
        for (SeatGrade grade : grades) {
            if (grade.covers(seat)) {
                return grade;
            }
        }
        return null;
    }
}
