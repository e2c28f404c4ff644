package com.tickitecking.seat.availability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tickitecking.seat.config.SeatProperties;
import com.tickitecking.seat.concert.ConcertRepository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Seat counts of concerts, kept in memory: a concert's layout never changes, so its count is asked from the
 * database once per instance, and the hot path needs Redis alone. Forgotten when the concert is deleted; at most
 * {@code tickitecking.seat.total-seats-cache-size} concerts are kept, the least used going first.
 */
@Component
public class TotalSeatsCache {

    private final ConcertRepository concerts;
    private final Cache<Long, Integer> totals;

    public TotalSeatsCache(ConcertRepository concerts, SeatProperties properties) {
        this.concerts = concerts;
        this.totals = Caffeine.newBuilder().maximumSize(properties.totalSeatsCacheSize()).build();
    }

    /** The seat count of a live concert, or empty for an unknown or deleted one. */
    public Optional<Integer> of(long concertId) {
        Integer known = totals.getIfPresent(concertId);
        if (known != null) {
            return Optional.of(known);
        }
        return refresh(concertId);
    }

    /** Asks the database again. */
    public Optional<Integer> refresh(long concertId) {
        Optional<Integer> total = concerts.liveTotalSeats(concertId);
        total.ifPresentOrElse(t -> totals.put(concertId, t), () -> totals.invalidate(concertId));
        return total;
    }

    public void forget(long concertId) {
        totals.invalidate(concertId);
    }
}
