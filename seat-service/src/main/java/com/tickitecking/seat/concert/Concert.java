package com.tickitecking.seat.concert;

import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatIndex;
import com.tickitecking.events.SeatingLayout;

import java.time.Instant;
import java.util.List;

/**
 * What seat-service knows about a concert, from its events. {@code revision} is the highest concert revision
 * applied; {@code deletedAt} marks a tombstone.
 */
public record Concert(long concertId, long ownerId, String name, Instant startTime, long revision,
                                int totalSeats, SeatingLayout layout, List<SeatGrade> grades, Instant deletedAt) {

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public SeatIndex seatIndex() {
        return SeatIndex.of(layout);
    }
}
