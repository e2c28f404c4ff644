package com.tickitecking.events;

import java.util.EnumSet;
import java.util.Set;

/**
 * The queues events travel on: one per consuming service, each with a dead-letter queue. There is no topic in
 * between, so a publisher sends each event to every queue that subscribes to it ({@link #subscribersOf}).
 * Real names are {@code <prefix><name>} (prefix {@code tickitecking-} by default; tests use their own).
 */
public enum EventQueue {
    SEAT("seat-events"),
    CONCERT("concert-events"),
    RESERVATION("reservation-events"),
    MEDIA("media-events");

    /** Receives after which SQS moves a message that keeps failing to the dead-letter queue. */
    public static final int MAX_RECEIVE_COUNT = 5;

    /**
     * The most one SQS message may hold, body and message attributes counted in UTF-8 bytes (256 KiB), and the
     * most one batch may hold in total. The local stand-in refuses more, the outbox never sends more, and events
     * whose size depends on input (a concert's layout and grades) are checked against it where they are written.
     */
    public static final int MAX_MESSAGE_BYTES = 262_144;

    private final String suffix;

    EventQueue(String suffix) {
        this.suffix = suffix;
    }

    public String queueName(String prefix) {
        return prefix + suffix;
    }

    public String deadLetterQueueName(String prefix) {
        return prefix + suffix + "-dlq";
    }

    public static Set<EventQueue> subscribersOf(DomainEvent event) {
        return switch (event) {
            case ConcertEvent ignored -> EnumSet.of(SEAT, RESERVATION, MEDIA);
            case ReservationEvent ignored -> EnumSet.of(SEAT, CONCERT);
            case SeatEvent ignored -> EnumSet.of(RESERVATION, CONCERT);
            case ImageEvent ignored -> EnumSet.of(CONCERT);
        };
    }
}
