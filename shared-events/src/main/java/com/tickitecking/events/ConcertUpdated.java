package com.tickitecking.events;

import java.time.Instant;
import java.util.UUID;

/** A concert changed (name, time, grades or prices); carries the full new state, so it can be applied alone. */
public record ConcertUpdated(UUID eventId, String type, int version, Instant occurredAt,
                             long concertId, long revision, ConcertDetails details) implements ConcertEvent {

    public static final String TYPE = "ConcertUpdated";

    public ConcertUpdated {
        type = TYPE;
    }

    public static ConcertUpdated of(long concertId, long revision, ConcertDetails details) {
        return new ConcertUpdated(UUID.randomUUID(), TYPE, 1, Instant.now(), concertId, revision, details);
    }
}
