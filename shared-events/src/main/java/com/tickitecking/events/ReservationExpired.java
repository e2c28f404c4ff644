package com.tickitecking.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hold ran out before it was confirmed: its seats are free again. */
public record ReservationExpired(UUID eventId, String type, int version, Instant occurredAt,
                                long reservationId, long concertId, long userId, List<String> seats,
                                long revision) implements ReservationEvent {

    public static final String TYPE = "ReservationExpired";

    public ReservationExpired {
        type = TYPE;
        seats = List.copyOf(seats);
    }

    public static ReservationExpired of(long reservationId, long concertId, long userId, List<String> seats,
                                       long revision) {
        return new ReservationExpired(UUID.randomUUID(), TYPE, 1, Instant.now(), reservationId, concertId, userId,
                seats, revision);
    }
}
