package com.tickitecking.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An image of a concert was stored. {@code kind} is POSTER or GALLERY; {@code path} is the gateway path that
 * redirects to the image (e.g. {@code /api/v1/images/42}), stable while presigned URLs come and go.
 */
public record ImageUploaded(UUID eventId, String type, int version, Instant occurredAt,
                            long imageId, long concertId, String kind, String path) implements ImageEvent {

    public static final String TYPE = "ImageUploaded";

    public ImageUploaded {
        type = TYPE;
    }

    public static ImageUploaded of(long imageId, long concertId, String kind, String path) {
        return new ImageUploaded(UUID.randomUUID(), TYPE, 1, Instant.now(), imageId, concertId, kind, path);
    }
}
