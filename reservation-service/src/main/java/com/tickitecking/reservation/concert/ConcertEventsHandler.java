package com.tickitecking.reservation.concert;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatEvent;
import com.tickitecking.events.SeatUnblocked;
import com.tickitecking.reservation.queue.WaitingRoomFlags;
import org.springframework.stereotype.Component;

/**
 * Applies concert-service's concert events and seat-service's block events to {@link ConcertRepository}, the
 * only writer of the projection. The repository ignores an event whose revision is not newer than what it has, so
 * events may arrive twice or out of order.
 */
@Component
public class ConcertEventsHandler {

    private final ConcertRepository concerts;
    private final WaitingRoomFlags waitingRoomFlags;

    public ConcertEventsHandler(ConcertRepository concerts, WaitingRoomFlags waitingRoomFlags) {
        this.concerts = concerts;
        this.waitingRoomFlags = waitingRoomFlags;
    }

    public void apply(ConcertEvent event) {
        switch (event) {
            case ConcertCreated created -> concerts.upsert(created.concertId(), created.revision(), created.details());
            case ConcertUpdated updated -> concerts.upsert(updated.concertId(), updated.revision(), updated.details());
            case ConcertDeleted deleted -> concerts.delete(deleted.concertId(), deleted.revision());
        }
        // the gateway's "needs an admission token" flag follows the concert as it now is (an older event changed nothing)
        waitingRoomFlags.follow(event.concertId(), concerts.find(event.concertId()).orElse(null));
    }

    public void apply(SeatEvent event) {
        switch (event) {
            case SeatBlocked blocked -> concerts.setBlocked(blocked.concertId(), blocked.seat(), true, blocked.revision());
            case SeatUnblocked unblocked -> concerts.setBlocked(unblocked.concertId(), unblocked.seat(), false, unblocked.revision());
        }
    }
}
