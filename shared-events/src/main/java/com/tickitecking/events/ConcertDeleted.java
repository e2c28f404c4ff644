package com.tickitecking.events;

import java.time.Instant;
import java.util.UUID;

/** A concert was withdrawn: its seats, images and holds go with it. */
public record ConcertDeleted(UUID eventId, String type, int version, Instant occurredAt,
                             long concertId, long revision) implements ConcertEvent {

    public static final String TYPE = "ConcertDeleted";

    public ConcertDeleted {
        type = TYPE;
    }

    public static ConcertDeleted of(long concertId, long revision) {
        return new ConcertDeleted(UUID.randomUUID(), TYPE, 1, Instant.now(), concertId, revision);
    }
}
