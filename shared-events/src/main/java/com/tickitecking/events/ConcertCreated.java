package com.tickitecking.events;

import java.time.Instant;
import java.util.UUID;

/** A concert was put on sale; its seats are derived from {@link ConcertDetails#layout()}. */
public record ConcertCreated(UUID eventId, String type, int version, Instant occurredAt,
                             long concertId, long revision, ConcertDetails details) implements ConcertEvent {

    public static final String TYPE = "ConcertCreated";

    public ConcertCreated {
        type = TYPE;
    }

    public static ConcertCreated of(long concertId, long revision, ConcertDetails details) {
        return new ConcertCreated(UUID.randomUUID(), TYPE, 1, Instant.now(), concertId, revision, details);
    }
}
