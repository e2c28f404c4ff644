package com.tickitecking.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Seats were held for a user until {@code expiresAt}. */
public record ReservationCreated(UUID eventId, String type, int version, Instant occurredAt,
                                long reservationId, long concertId, long userId, List<String> seats,
                                long revision, Instant expiresAt) implements ReservationEvent {

    public static final String TYPE = "ReservationCreated";

    public ReservationCreated {
        type = TYPE;
        seats = List.copyOf(seats);
    }

    public static ReservationCreated of(long reservationId, long concertId, long userId, List<String> seats,
                                       long revision, Instant expiresAt) {
        return new ReservationCreated(UUID.randomUUID(), TYPE, 1, Instant.now(), reservationId, concertId, userId,
                seats, revision, expiresAt);
    }
}
