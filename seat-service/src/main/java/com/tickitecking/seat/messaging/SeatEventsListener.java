package com.tickitecking.seat.messaging;

import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.ImageEvent;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatEvent;
import com.tickitecking.platform.messaging.EventInbox;
import com.tickitecking.seat.concert.ConcertEventsHandler;
import com.tickitecking.seat.reservation.ReservationEventsHandler;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.stereotype.Component;

/**
 * The seat-events queue: concert events (the seats and the projection) and reservation events (seat statuses).
 * Each message is applied once, in one transaction with its inbox record; a handler that throws leaves the
 * message to be redelivered.
 */
@Component
public class SeatEventsListener {

    private final EventInbox inbox;
    private final ConcertEventsHandler concerts;
    private final ReservationEventsHandler reservations;

    public SeatEventsListener(EventInbox inbox, ConcertEventsHandler concerts, ReservationEventsHandler reservations) {
        this.inbox = inbox;
        this.concerts = concerts;
        this.reservations = reservations;
    }

    @SqsListener("${tickitecking.messaging.queue-prefix}seat-events")
    public void on(String message) {
        inbox.receive(message, this::apply);
    }

    /** Exhaustive over the event families, no default: a new family does not compile until it is decided here. */
    private void apply(DomainEvent event) {
        switch (event) {
            case ConcertEvent concert -> concerts.apply(concert);
            case ReservationEvent reservation -> reservations.apply(reservation);
            case SeatEvent _, ImageEvent _ -> inbox.notForThisService(event);
        }
    }
}
