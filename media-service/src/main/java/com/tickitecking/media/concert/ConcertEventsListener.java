package com.tickitecking.media.concert;

import com.tickitecking.platform.messaging.EventInbox;
import io.awspring.cloud.sqs.annotation.SqsListener;
import org.springframework.stereotype.Component;

/** Reads media-service's queue: concert events, each applied once (the inbox de-duplicates by event id). */
@Component
class ConcertEventsListener {

    private final EventInbox inbox;
    private final ConcertProjection projection;

    ConcertEventsListener(EventInbox inbox, ConcertProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @SqsListener("${tickitecking.messaging.queue-prefix}media-events")
    public void on(String message) {
        inbox.receive(message, projection::apply);
    }
}
