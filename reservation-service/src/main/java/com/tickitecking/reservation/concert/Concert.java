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
 */
public record Concert(long id, long ownerId, String name, Instant startTime, SeatingLayout layout,
                      List<SeatGrade> grades, int maxTicketsPerBuyer, long revision) {

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
