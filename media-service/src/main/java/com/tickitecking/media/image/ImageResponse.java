package com.tickitecking.media.image;

import com.tickitecking.media.storage.ObjectStore;

import java.time.Instant;

/**
 * An image as clients see it. {@code path} is stable; {@code url} is a presigned S3 URL valid until
 * {@code urlExpiresAt}.
 */
public record ImageResponse(long id, long concertId, ImageKind kind, String contentType, long size,
                            int width, int height, String originalName, String sha256, Instant createdAt,
                            String path, String url, Instant urlExpiresAt) {

    static ImageResponse of(Image image, ObjectStore.PresignedUrl url) {
        return new ImageResponse(image.getId(), image.getConcertId(), image.getKind(), image.getContentType(),
                image.getSizeBytes(), image.getWidth(), image.getHeight(), image.getOriginalName(), image.getSha256(),
                image.getCreatedAt(), image.path(), url.url(), url.expiresAt());
    }
}
