package com.tickitecking.events;

import java.time.Instant;
import java.util.UUID;

/** An image of a concert was removed. */
public record ImageDeleted(UUID eventId, String type, int version, Instant occurredAt,
                           long imageId, long concertId) implements ImageEvent {

    public static final String TYPE = "ImageDeleted";

    public ImageDeleted {
        type = TYPE;
    }

    public static ImageDeleted of(long imageId, long concertId) {
        return new ImageDeleted(UUID.randomUUID(), TYPE, 1, Instant.now(), imageId, concertId);
    }
}
