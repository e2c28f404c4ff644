package com.tickitecking.seat.messaging;

import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.ImageEvent;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatEvent;
import com.tickitecking.platform.messaging.EventInbox;
import com.tickitecking.seat.concert.ConcertEventsHandler;
import com.tickitecking.seat.reservation.ReservationEventsHandler;
import io.awspring.cloud.sqs.annotation.SqsListener;
import io.awspring.cloud.sqs.listener.acknowledgement.BatchAcknowledgement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The seat-events queue: concert events (the seats and the projection) and reservation events (seat statuses).
 *
 * <p>Messages come in batches of what one receive returned (up to
 * {@code tickitecking.seat.events.max-messages-per-poll}, with {@code max-concurrent-messages} in flight, so a
 * few batches at once). The reservation events of a batch, the bulk of a sale, are applied in one transaction
 * with their inbox records ({@link EventInbox#receiveAll}); a concert event has a transaction of its own, as a
 * ConcertCreated writes every seat of a venue. Each message is applied once; one that cannot be applied (its
 * handler throws, or it is no event) is not acknowledged, so SQS delivers it again and after five receives moves
 * it to the DLQ, while the rest of its batch is applied and acknowledged.
 */
@Component
public class SeatEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SeatEventsListener.class);

    private final EventInbox inbox;
    private final ConcertEventsHandler concerts;
    private final ReservationEventsHandler reservations;

    public SeatEventsListener(EventInbox inbox, ConcertEventsHandler concerts, ReservationEventsHandler reservations) {
        this.inbox = inbox;
        this.concerts = concerts;
        this.reservations = reservations;
    }

    @SqsListener(value = "${tickitecking.messaging.queue-prefix}seat-events",
            maxMessagesPerPoll = "${tickitecking.seat.events.max-messages-per-poll}",
            maxConcurrentMessages = "${tickitecking.seat.events.max-concurrent-messages}",
            acknowledgementMode = "MANUAL")
    public void on(List<Message<String>> messages, BatchAcknowledgement<String> acknowledgement) {
        List<Message<String>> done = new ArrayList<>(messages.size());
        List<Message<String>> batched = new ArrayList<>(messages.size());
        for (Message<String> message : messages) {
            if (isConcertEvent(message.getPayload())) {
                alone(message, done);
            } else {
                batched.add(message);
            }
        }
        done.addAll(inbox.receiveAll(batched, Message::getPayload, this::applyAll));
        if (!done.isEmpty()) {
            acknowledgement.acknowledge(done);
        }
    }

    /** One message in a transaction of its own; throws when it cannot be applied (the seat bench drives it so too). */
    public void receive(String message) {
        inbox.receive(message, this::apply);
    }

    private void alone(Message<String> message, List<Message<String>> done) {
        try {
            receive(message.getPayload());
            done.add(message);
        } catch (RuntimeException e) {
            log.warn("a concert event is left to SQS (retried, then the DLQ)", e);
        }
    }

    /** Only a concert event needs a transaction of its own; anything else, even a message that is no event, is batched. */
    private static boolean isConcertEvent(String message) {
        try {
            return EventJson.read(message) instanceof ConcertEvent;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** One batch's events in one transaction: the reservation events together, the rest one by one. */
    private void applyAll(List<DomainEvent> events) {
        List<ReservationEvent> reservationEvents = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            if (event instanceof ReservationEvent reservation) {
                reservationEvents.add(reservation);
            } else {
                apply(event);
            }
        }
        reservations.applyAll(reservationEvents);
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
