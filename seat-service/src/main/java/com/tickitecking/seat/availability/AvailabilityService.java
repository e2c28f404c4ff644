package com.tickitecking.seat.availability;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.seat.seat.SeatRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The availability hot path: one Redis GET per request. On a miss the bitmap is rebuilt with one indexed query
 * and cached. The rebuild deliberately reads the source database (no read-only transaction): a bitmap built from
 * a lagging replica would be cached and served stale. If Redis is down, every request takes the rebuild query.
 */
@Service
public class AvailabilityService {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityService.class);

    private final AvailabilityRepository bitmap;
    private final TotalSeatsCache totals;
    private final SeatRepository seats;
    private final Counter fromRedis;
    private final Counter rebuilds;
    private final Counter withoutRedis;

    public AvailabilityService(AvailabilityRepository bitmap, TotalSeatsCache totals, SeatRepository seats, MeterRegistry meters) {
        this.bitmap = bitmap;
        this.totals = totals;
        this.seats = seats;
        this.fromRedis = lookups(meters, "redis");
        this.rebuilds = lookups(meters, "rebuild");
        this.withoutRedis = lookups(meters, "database");
    }

    /** tickitecking.seat.availability.lookups{source}: how often the hot path needed the database. */
    private static Counter lookups(MeterRegistry meters, String source) {
        return Counter.builder("tickitecking.seat.availability.lookups")
                .description("Availability lookups by where the bitmap came from")
                .tag("source", source).register(meters);
    }

    public SeatAvailability of(long concertId) {
        byte[] cached = readCached(concertId);
        if (cached != null) {
            fromRedis.increment();
            int total = totals.of(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
            return SeatAvailability.of(concertId, SeatBitmap.fromBytes(total, cached));
        }
        // A miss asks the database whether the concert still stands (another instance may have seen it deleted).
        int total = totals.refresh(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
        return SeatAvailability.of(concertId, rebuild(concertId, total));
    }

    private byte[] readCached(long concertId) {
        try {
            return bitmap.read(concertId);
        } catch (RuntimeException e) {
            log.warn("availability bitmap unreadable, answering from the database: {}", e.getMessage());
            return null;
        }
    }

    private SeatBitmap rebuild(long concertId, int total) {
        String changesBefore = null;
        try {
            changesBefore = bitmap.changeCount(concertId);
        } catch (RuntimeException e) {
            log.debug("Redis unavailable, the rebuilt bitmap will not be cached", e);
        }
        SeatBitmap bits = SeatBitmap.of(total, seats.unavailableIndexes(concertId));
        (changesBefore == null ? withoutRedis : rebuilds).increment();
        if (changesBefore != null) {
            try {
                bitmap.storeIfUnchanged(concertId, bits.bytes(), changesBefore);
            } catch (RuntimeException e) {
                log.debug("could not cache the rebuilt bitmap", e);
            }
        }
        return bits;
    }
}
