package com.tickitecking.media.messaging;

import com.tickitecking.events.ConcertEvent;
import com.tickitecking.events.ImageEvent;
import com.tickitecking.events.ReservationEvent;
import com.tickitecking.events.SeatEvent;
import com.tickitecking.media.concert.ConcertEventsHandler;
import com.tickitecking.platform.messaging.EventInbox;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.stereotype.Component;

/**
 * Reads media-service's queue, each event applied once (the inbox de-duplicates by event id) and handed to the
 * feature it concerns. The switch is exhaustive without a default: a new event family is a compile error here.
 */
@Component
class MediaEventsListener {

    private final EventInbox inbox;
    private final ConcertEventsHandler concerts;

    MediaEventsListener(EventInbox inbox, ConcertEventsHandler concerts) {
        this.inbox = inbox;
        this.concerts = concerts;
    }

    @SqsListener("${tickitecking.messaging.queue-prefix}media-events")
    public void on(String message) {
        inbox.receive(message, event -> {
            switch (event) {
                case ConcertEvent e -> concerts.on(e);
                case SeatEvent e -> inbox.notForThisService(e);
                case ReservationEvent e -> inbox.notForThisService(e);
                case ImageEvent e -> inbox.notForThisService(e);
            }
        });
    }
}
