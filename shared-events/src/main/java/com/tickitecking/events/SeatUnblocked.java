package com.tickitecking.events;

import java.time.Instant;
import java.util.UUID;

/** A blocked seat is on sale again. */
public record SeatUnblocked(UUID eventId, String type, int version, Instant occurredAt,
                     long concertId, String seat, long revision) implements SeatEvent {

    public static final String TYPE = "SeatUnblocked";

    public SeatUnblocked {
        type = TYPE;
    }

    public static SeatUnblocked of(long concertId, String seat, long revision) {
        return new SeatUnblocked(UUID.randomUUID(), TYPE, 1, Instant.now(), concertId, seat, revision);
    }
}
