package com.tickitecking.concert.events;

import com.tickitecking.concert.availability.RemainingSeats;
import com.tickitecking.concert.poster.ConcertPosters;
import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.ImageDeleted;
import com.tickitecking.events.ImageUploaded;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatEvent;
import com.tickitecking.platform.messaging.EventInbox;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.stereotype.Component;

/**
 * Reads this service's queue (reservation, seat-block and image events) and hands each event, once, to the read
 * model it feeds. A handler that throws leaves the message for a retry; after five receives it goes to the DLQ.
 */
@Component
public class ConcertQueueListener {

    private final EventInbox inbox;
    private final RemainingSeats remainingSeats;
    private final ConcertPosters posters;

    public ConcertQueueListener(EventInbox inbox, RemainingSeats remainingSeats, ConcertPosters posters) {
        this.inbox = inbox;
        this.remainingSeats = remainingSeats;
        this.posters = posters;
    }

    @SqsListener("${tickitecking.messaging.queue-prefix}concert-events")
    public void on(String message) {
        inbox.receive(message, event -> {
            switch (event) {
                case ReservationEvent reservation -> remainingSeats.apply(reservation);
                case SeatEvent seat -> remainingSeats.apply(seat);
                case ImageUploaded image -> posters.uploaded(image);
                case ImageDeleted image -> posters.deleted(image);
                case ConcertEvent ignored -> {
                    // our own events are never routed to this queue
                }
            }
        });
    }
}
