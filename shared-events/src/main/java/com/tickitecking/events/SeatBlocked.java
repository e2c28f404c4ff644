package com.tickitecking.events;

import java.time.Instant;
import java.util.UUID;

/** The owner took a seat off sale (a broken seat, a camera position): reservations must refuse it. */
public record SeatBlocked(UUID eventId, String type, int version, Instant occurredAt,
                     long concertId, String seat, long revision) implements SeatEvent {

    public static final String TYPE = "SeatBlocked";

    public SeatBlocked {
        type = TYPE;
    }

    public static SeatBlocked of(long concertId, String seat, long revision) {
        return new SeatBlocked(UUID.randomUUID(), TYPE, 1, Instant.now(), concertId, seat, revision);
    }
}
