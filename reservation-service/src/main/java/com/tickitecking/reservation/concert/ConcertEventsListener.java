package com.tickitecking.reservation.concert;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDeleted;
import com.tickitecking.events.ConcertUpdated;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.SeatBlocked;
import com.tickitecking.events.SeatUnblocked;
import com.tickitecking.platform.messaging.EventInbox;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ConcertProjection} up to date from the reservation-events queue (concert and seat events). Each
 * event is applied once ({@link EventInbox}); a message that cannot be applied is retried and, after five
 * receives, parked in the dead-letter queue without stopping the others.
 */
@Component
public class ConcertEventsListener {

    private final EventInbox inbox;
    private final ConcertProjection concerts;

    public ConcertEventsListener(EventInbox inbox, ConcertProjection concerts) {
        this.inbox = inbox;
        this.concerts = concerts;
    }

    @SqsListener("${tickitecking.messaging.queue-prefix}reservation-events")
    public void on(String message) {
        inbox.receive(message, this::apply);
    }

    void apply(DomainEvent event) {
        switch (event) {
            case ConcertCreated created -> concerts.upsert(created.concertId(), created.revision(), created.details());
            case ConcertUpdated updated -> concerts.upsert(updated.concertId(), updated.revision(), updated.details());
            case ConcertDeleted deleted -> concerts.delete(deleted.concertId(), deleted.revision());
            case SeatBlocked blocked -> concerts.setBlocked(blocked.concertId(), blocked.seat(), true, blocked.revision());
            case SeatUnblocked unblocked -> concerts.setBlocked(unblocked.concertId(), unblocked.seat(), false, unblocked.revision());
            default -> {
                // Not ours to act on (e.g. our own reservation events if a queue were misrouted): acknowledged and dropped.
            }
        }
    }
}
