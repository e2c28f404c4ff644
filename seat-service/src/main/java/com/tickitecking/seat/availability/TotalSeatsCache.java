package com.tickitecking.seat.availability;

import com.tickitecking.seat.concert.ConcertProjections;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seat counts of concerts, kept in memory: a concert's layout never changes, so its count is asked from the
 * database once per instance, and the hot path needs Redis alone. Forgotten when the concert is deleted.
 */
@Component
public class TotalSeatsCache {

    private final ConcertProjections concerts;
    private final Map<Long, Integer> totals = new ConcurrentHashMap<>();

    public TotalSeatsCache(ConcertProjections concerts) {
        this.concerts = concerts;
    }

    /** The seat count of a live concert, or empty for an unknown or deleted one. */
    public Optional<Integer> of(long concertId) {
        Integer known = totals.get(concertId);
        if (known != null) {
            return Optional.of(known);
        }
        return refresh(concertId);
    }

    /** Asks the database again. */
    public Optional<Integer> refresh(long concertId) {
        Optional<Integer> total = concerts.liveTotalSeats(concertId);
        total.ifPresentOrElse(t -> totals.put(concertId, t), () -> totals.remove(concertId));
        return total;
    }

    public void forget(long concertId) {
        totals.remove(concertId);
    }
}
