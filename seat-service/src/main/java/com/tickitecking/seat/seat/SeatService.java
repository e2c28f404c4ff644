package com.tickitecking.seat.seat;

import com.tickitecking.events.SeatId;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.outbox.OutboxWriter;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.seat.availability.AvailabilityUpdates;
import com.tickitecking.seat.concert.Concert;
import com.tickitecking.seat.concert.ConcertRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/** The seat map, and the owner's blocking and unblocking of seats. */
@Service
public class SeatService {

    private final ConcertRepository concerts;
    private final SeatRepository seats;
    private final OutboxWriter outbox;
    private final AvailabilityUpdates availability;

    public SeatService(ConcertRepository concerts, SeatRepository seats, OutboxWriter outbox, AvailabilityUpdates availability) {
        this.concerts = concerts;
        this.seats = seats;
        this.outbox = outbox;
        this.availability = availability;
    }

    /** The current revision of a live concert (what the ETag is made of); not found otherwise. */
    @Transactional(readOnly = true)
    public long revision(long concertId) {
        return concerts.liveRevision(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
    }

    @Transactional(readOnly = true)
    public SeatMap seatMap(long concertId) {
        Concert concert = concerts.find(concertId).filter(c -> !c.isDeleted())
                .orElseThrow(() -> DomainException.notFound("concert", concertId));
        return SeatMap.of(concert);
    }

    /**
     * Blocks or unblocks a seat (the rules are {@link Seat#changeBlock}'s). Only the concert's owner (or an admin)
     * may. The input is checked before anything is looked up.
     */
    @Transactional
    public SeatRequests.SeatView changeStatus(AuthenticatedUser caller, long concertId, String seatLabel, SeatStatus target) {
        Seat.checkBlockTarget(target);
        if (!SeatId.isValid(seatLabel)) {
            throw DomainException.invalid("seat", "must be a seat label like FLOOR-B-12");
        }
        Concert concert = concerts.findForUpdate(concertId).filter(c -> !c.isDeleted())
                .orElseThrow(() -> DomainException.notFound("concert", concertId));
        if (!caller.owns(concert.ownerId())) {
            throw DomainException.forbidden("Only the concert's owner can block or unblock its seats.");
        }
        int index = concert.indexOf(seatLabel);
        Seat seat = (index < 0 ? List.<Seat>of() : seats.lock(concertId, List.of(index))).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("seat", seatLabel));
        Seat.BlockChange change = seat.changeBlock(target);
        Seat after = change.seat();
        change.event().ifPresent(event -> {
            seats.save(List.of(after));
            outbox.append(event);
            availability.afterCommit(concertId, Map.of(index, after.status()));
        });
        return new SeatRequests.SeatView(concertId, seatLabel, after.status(), after.blockRevision());
    }
}
