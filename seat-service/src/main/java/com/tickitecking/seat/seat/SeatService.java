package com.tickitecking.seat.seat;

import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatId;
import com.tickitecking.events.SeatUnblocked;
import com.tickitecking.platform.outbox.OutboxWriter;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.web.ApiException;
import com.tickitecking.seat.availability.AvailabilityUpdates;
import com.tickitecking.seat.concert.Concert;
import com.tickitecking.seat.concert.ConcertRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    /** The current revision of a live concert (what the ETag is made of); 404 otherwise. */
    @Transactional(readOnly = true)
    public long revision(long concertId) {
        return concerts.liveRevision(concertId).orElseThrow(() -> ApiException.notFound("concert", concertId));
    }

    @Transactional(readOnly = true)
    public SeatMap seatMap(long concertId) {
        Concert concert = concerts.find(concertId).filter(c -> !c.isDeleted())
                .orElseThrow(() -> ApiException.notFound("concert", concertId));
        return SeatMap.of(concert);
    }

    /**
     * Blocks or unblocks a seat. Only the concert's owner (or an admin) may; a seat someone holds or reserved
     * cannot be blocked or unblocked (409). Setting the status a seat already has changes nothing and publishes
     * nothing.
     */
    @Transactional
    public SeatRequests.SeatView changeStatus(AuthenticatedUser caller, long concertId, String seatLabel, SeatStatus target) {
        if (target != SeatStatus.BLOCKED && target != SeatStatus.AVAILABLE) {
            throw ApiException.badRequest("status", "must be BLOCKED or AVAILABLE");
        }
        if (!SeatId.isValid(seatLabel)) {
            throw ApiException.badRequest("seat", "must be a seat label like FLOOR-B-12");
        }
        Concert concert = concerts.findForUpdate(concertId).filter(c -> !c.isDeleted())
                .orElseThrow(() -> ApiException.notFound("concert", concertId));
        if (!caller.owns(concert.ownerId())) {
            throw ApiException.forbidden("Only the concert's owner can block or unblock its seats.");
        }
        int index = concert.seatIndex().indexOf(SeatId.parse(seatLabel));
        SeatRepository.LockedSeat seat = (index < 0 ? java.util.Optional.<SeatRepository.LockedSeat>empty() : seats.lock(concertId, index))
                .orElseThrow(() -> ApiException.notFound("seat", seatLabel));
        if (seat.status().isTaken()) {
            throw ApiException.conflict("Seat " + seatLabel + " is " + seat.status() + " by a reservation.")
                    .with("seatStatus", seat.status().name());
        }
        if (seat.status() == target) {
            return new SeatRequests.SeatView(concertId, seatLabel, target, seat.blockRevision());
        }
        long revision = seat.blockRevision() + 1;
        seats.changeBlockStatus(concertId, index, target, revision);
        outbox.append(target == SeatStatus.BLOCKED
                ? SeatBlocked.of(concertId, seatLabel, revision)
                : SeatUnblocked.of(concertId, seatLabel, revision));
        availability.afterCommit(concertId, Map.of(index, target));
        return new SeatRequests.SeatView(concertId, seatLabel, target, revision);
    }
}
