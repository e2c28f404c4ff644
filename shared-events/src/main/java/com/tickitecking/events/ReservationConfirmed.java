package com.tickitecking.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hold was paid for: its seats are sold. */
public record ReservationConfirmed(UUID eventId, String type, int version, Instant occurredAt,
                                long reservationId, long concertId, long userId, List<String> seats,
                                long revision) implements ReservationEvent {

    public static final String TYPE = "ReservationConfirmed";

    public ReservationConfirmed {
        type = TYPE;
        seats = List.copyOf(seats);
    }

    public static ReservationConfirmed of(long reservationId, long concertId, long userId, List<String> seats,
                                       long revision) {
        return new ReservationConfirmed(UUID.randomUUID(), TYPE, 1, Instant.now(), reservationId, concertId, userId,
                seats, revision);
    }
}
