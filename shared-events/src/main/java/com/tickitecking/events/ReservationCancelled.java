package com.tickitecking.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user cancelled a hold or a confirmed reservation: its seats are free again. */
public record ReservationCancelled(UUID eventId, String type, int version, Instant occurredAt,
                                long reservationId, long concertId, long userId, List<String> seats,
                                long revision) implements ReservationEvent {

    public static final String TYPE = "ReservationCancelled";

    public ReservationCancelled {
        type = TYPE;
        seats = List.copyOf(seats);
    }

    public static ReservationCancelled of(long reservationId, long concertId, long userId, List<String> seats,
                                       long revision) {
        return new ReservationCancelled(UUID.randomUUID(), TYPE, 1, Instant.now(), reservationId, concertId, userId,
                seats, revision);
    }
}
