package com.tickitecking.seat.availability;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.seat.concert.ConcertRepository;
import com.tickitecking.seat.seat.SeatRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Every seat's status for the concert's owner (or an admin). Its version is the availability bitmap's change counter,
 * which moves after every committed seat change (HELD to RESERVED too, although the bit stays): read before the
 * query, it can only be older than the answer, never newer, so a client that sends it back misses no change. Not in a
 * read-only transaction on purpose: those go to the replica, whose lag could make an answer older than its version.
 */
@Service
public class OwnerSeatStatuses {

    private static final Logger log = LoggerFactory.getLogger(OwnerSeatStatuses.class);

    private final ConcertRepository concerts;
    private final SeatRepository seats;
    private final AvailabilityRepository bitmap;

    public OwnerSeatStatuses(ConcertRepository concerts, SeatRepository seats, AvailabilityRepository bitmap) {
        this.concerts = concerts;
        this.seats = seats;
        this.bitmap = bitmap;
    }

    /** The owner's check, then the statuses' version: null when Redis has none (no ETag then). */
    public String version(AuthenticatedUser caller, long concertId) {
        var concert = concerts.liveOwnership(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
        if (!caller.owns(concert.ownerId())) {
            throw DomainException.forbidden("Only the concert's owner can see its seats' statuses.");
        }
        try {
            String count = bitmap.changeCount(concertId);
            return count.isEmpty() ? null : count;
        } catch (RuntimeException e) {
            log.debug("Redis unavailable: the seat statuses go without an ETag", e);
            return null;
        }
    }

    /** The statuses now, after {@link #version}. */
    public SeatStatuses read(long concertId) {
        int total = concerts.liveOwnership(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId))
                .totalSeats();
        SeatStatusMap map = new SeatStatusMap(total);
        for (SeatRepository.Unavailable seat : seats.unavailableStatuses(concertId)) {
            if (seat.index() < total) {
                map.set(seat.index(), seat.status());
            }
        }
        return SeatStatuses.of(concertId, map);
    }
}
