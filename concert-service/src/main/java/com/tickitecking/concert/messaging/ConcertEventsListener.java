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
import io.awspring.cloud.sqs.listener.acknowledgement.BatchAcknowledgement;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The concert-events queue: reservation and seat-block events (the remaining seats) and image events (the
 * poster). Messages come in batches of what one receive returned ({@code tickitecking.concerts.events.*}, as
 * seat-service's listener); a batch is applied in one transaction with its inbox records
 * ({@link EventInbox#receiveAll}), its reservation events counted together. Each message is applied once; one
 * whose handler throws, or that is no event, is not acknowledged, so SQS delivers it again and after five receives
 * moves it to the DLQ, while the rest of its batch is applied and acknowledged.
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

    @SqsListener(value = "${tickitecking.messaging.queue-prefix}concert-events",
            maxMessagesPerPoll = "${tickitecking.concerts.events.max-messages-per-poll}",
            maxConcurrentMessages = "${tickitecking.concerts.events.max-concurrent-messages}",
            acknowledgementMode = "MANUAL")
    public void on(List<Message<String>> messages, BatchAcknowledgement<String> acknowledgement) {
        List<Message<String>> done = inbox.receiveAll(messages, Message::getPayload, this::applyAll);
        if (!done.isEmpty()) {
            acknowledgement.acknowledge(done);
        }
    }

    /** One batch's events in one transaction: the reservation events counted together, the rest one by one. */
    private void applyAll(List<DomainEvent> events) {
        List<ReservationEvent> reservations = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            if (event instanceof ReservationEvent reservation) {
                reservations.add(reservation);
            } else {
                apply(event);
            }
        }
        availability.applyAll(reservations);
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
