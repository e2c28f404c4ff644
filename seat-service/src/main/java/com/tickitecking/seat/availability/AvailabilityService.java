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

    /**
     * The availability and its version (the ETag's content; null when it has none, e.g. answered without Redis).
     * The version moves whenever the answer can have changed.
     */
    public record Versioned(SeatAvailability availability, String version) {
    }

    public SeatAvailability of(long concertId) {
        return versioned(concertId).availability();
    }

    public Versioned versioned(long concertId) {
        AvailabilityRepository.Cached cached = readCached(concertId);
        if (cached.bitmap() != null) {
            fromRedis.increment();
            int total = totals.of(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
            return new Versioned(SeatAvailability.of(concertId, SeatBitmap.fromBytes(total, cached.bitmap())),
                    cached.version());
        }
        // A miss asks the database whether the concert still stands (another instance may have seen it deleted).
        int total = totals.refresh(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
        return rebuild(concertId, total);
    }

    private AvailabilityRepository.Cached readCached(long concertId) {
        try {
            return bitmap.read(concertId);
        } catch (RuntimeException e) {
            log.warn("availability bitmap unreadable, answering from the database: {}", e.getMessage());
            return new AvailabilityRepository.Cached(null, null);
        }
    }

    private Versioned rebuild(long concertId, int total) {
        String changesBefore = null;
        try {
            changesBefore = bitmap.changeCount(concertId);
        } catch (RuntimeException e) {
            log.debug("Redis unavailable, the rebuilt bitmap will not be cached", e);
        }
        SeatBitmap bits = SeatBitmap.of(total, seats.unavailableIndexes(concertId));
        (changesBefore == null ? withoutRedis : rebuilds).increment();
        String version = null;
        if (changesBefore != null) {
            try {
                version = bitmap.storeIfUnchanged(concertId, bits.bytes(), changesBefore);
            } catch (RuntimeException e) {
                log.debug("could not cache the rebuilt bitmap", e);
            }
        }
        return new Versioned(SeatAvailability.of(concertId, bits), version);
    }
}
