package com.tickitecking.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the other services need to know about a concert, without calling concert-service: who owns it, when it
 * starts, the venue's seating layout and the grades with their prices. A 60,000-seat stadium travels as a few
 * hundred row descriptions, well under SQS's 256 KB limit.
 */
public record ConcertDetails(
        long ownerId,
        String name,
        Instant startTime,
        long auditoriumId,
        String auditoriumName,
        SeatingLayout layout,
        List<SeatGrade> grades) {

    public ConcertDetails {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(layout, "layout");
        grades = List.copyOf(grades);
    }

    /** The grade that covers the seat, or {@code null} when no grade covers it. */
    public SeatGrade gradeOf(SeatId seat) {
        for (SeatGrade grade : grades) {
            if (grade.covers(seat)) {
                return grade;
            }
        }
        return null;
    }
}
