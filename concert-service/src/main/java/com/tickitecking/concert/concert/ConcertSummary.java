package com.tickitecking.concert.concert;

import com.tickitecking.events.SeatGrade;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A concert in the listing: enough to choose one, and to know when it goes on sale; the detail has the rest. */
public record ConcertSummary(long id, String name, Instant startTime, long auditoriumId, String venueName,
                             BigDecimal lowestPrice, int totalSeats, int remainingSeats, @Nullable Instant saleStartsAt,
                             @Nullable Instant saleEndsAt, boolean waitingRoom, @Nullable String posterUrl) {

    static ConcertSummary of(Concert concert, String venueName) {
        BigDecimal lowest = concert.getGrades().stream().map(SeatGrade::price).min(BigDecimal::compareTo).orElse(null);
        return new ConcertSummary(concert.getId(), concert.getName(), concert.getStartTime(), concert.getAuditoriumId(),
                venueName, lowest, concert.getTotalSeats(), concert.getRemainingSeats(), concert.getSale().startsAt(),
                concert.getSale().endsAt(), concert.getSale().waitingRoom(), concert.getPosterUrl());
    }
}
