package com.tickitecking.concert.messaging;

import com.tickitecking.concert.availability.AvailabilityEventsHandler;
import com.tickitecking.concert.poster.PosterEventsHandler;
import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.ImageEvent;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatEvent;
import com.tickitecking.platform.messaging.EventInbox;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.stereotype.Component;

/**
 * The concert-events queue: reservation and seat-block events (the remaining seats) and image events (the
 * poster). Each message is applied once, in one transaction with its inbox record; a handler that throws leaves
 * the message to be redelivered, and after five receives it goes to the DLQ.
 */
@Component
public class ConcertEventsListener {

    private final EventInbox inbox;
    private final AvailabilityEventsHandler availability;
    private final PosterEventsHandler posters;

    public ConcertEventsListener(EventInbox inbox, AvailabilityEventsHandler availability, PosterEventsHandler posters) {
        this.inbox = inbox;
        this.availability = availability;
        this.posters = posters;
    }

    @SqsListener("${tickitecking.messaging.queue-prefix}concert-events")
    public void on(String message) {
        inbox.receive(message, this::apply);
    }

    /** Exhaustive over the event families, without a default: a new family does not compile until it is routed. */
    private void apply(DomainEvent event) {
        switch (event) {
            case ReservationEvent reservation -> availability.apply(reservation);
            case SeatEvent seat -> availability.apply(seat);
            case ImageEvent image -> posters.apply(image);
            // our own events, never routed to this queue
            case ConcertEvent concert -> inbox.notForThisService(concert);
        }
    }
}
