package com.tickitecking.platform.outbox;

import com.tickitecking.events.EventQueue;

/**
 * An event too large for one SQS message: it could never be delivered, so the change that produced it must not
 * be committed. The service that caused it explains to its caller what to make smaller.
 */
public class EventTooLargeException extends RuntimeException {

    private final String eventType;
    private final int bytes;

    public EventTooLargeException(String eventType, int bytes) {
        super(eventType + " would be " + bytes + " bytes; one SQS message holds at most " + EventQueue.MAX_MESSAGE_BYTES);
        this.eventType = eventType;
        this.bytes = bytes;
    }

    public String eventType() {
        return eventType;
    }

    public int bytes() {
        return bytes;
    }

    public int limit() {
        return EventQueue.MAX_MESSAGE_BYTES;
    }
}
