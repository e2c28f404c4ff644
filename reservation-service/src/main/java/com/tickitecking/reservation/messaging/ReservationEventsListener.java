package com.tickitecking.reservation.messaging;

import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.ImageEvent;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatEvent;
import com.tickitecking.platform.messaging.EventInbox;
import com.tickitecking.reservation.concert.ConcertEventsHandler;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.stereotype.Component;

/**
 * The reservation-events queue: concert and seat events, which keep the concert projection up to date. Each
 * event is applied once ({@link EventInbox}), in one transaction with its inbox record; a message that cannot be
 * parsed or applied is retried and, after five receives, parked in the dead-letter queue without stopping the others.
 */
@Component
public class ReservationEventsListener {

    private final EventInbox inbox;
    private final ConcertEventsHandler concerts;

    public ReservationEventsListener(EventInbox inbox, ConcertEventsHandler concerts) {
        this.inbox = inbox;
        this.concerts = concerts;
    }

    @SqsListener("${tickitecking.messaging.queue-prefix}reservation-events")
    public void on(String message) {
        inbox.receive(message, this::apply);
    }

    /** Exhaustive over the event families, without a default: a new family does not compile until it is placed here. */
    void apply(DomainEvent event) {
        switch (event) {
            case ConcertEvent concert -> concerts.apply(concert);
            case SeatEvent seat -> concerts.apply(seat);
            // Our own events, were a queue ever misrouted: acknowledged, not applied.
            case ReservationEvent reservation -> inbox.notForThisService(reservation);
            case ImageEvent image -> inbox.notForThisService(image);
        }
    }
}
