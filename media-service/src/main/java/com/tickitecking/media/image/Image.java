package com.tickitecking.media.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An image of a concert: where its bytes are in the bucket, and what we checked about them on upload. */
@Entity
@Table(name = "image")
public class Image {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "concert_id", nullable = false)
    private long concertId;

    @Column(name = "object_key", nullable = false)
    private String objectKey;

    @Column(name = "original_name", nullable = false)
    private String originalName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(name = "uploader_id", nullable = false)
    private long uploaderId;

    @Column(nullable = false)
    private String sha256;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImageKind kind;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Image() {
    }

    Image(long concertId, String objectKey, String originalName, String contentType, long sizeBytes,
          int width, int height, long uploaderId, String sha256, ImageKind kind) {
        this.concertId = concertId;
        this.objectKey = objectKey;
        this.originalName = originalName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.width = width;
        this.height = height;
        this.uploaderId = uploaderId;
        this.sha256 = sha256;
        this.kind = kind;
        this.createdAt = Instant.now();
    }

    /** The stable path that redirects to the image, whatever its presigned URL is at the moment. */
    public String path() {
        return "/api/v1/images/" + id;
    }

    public long getId() {
        return id;
    }

    public long getConcertId() {
        return concertId;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public String getOriginalName() {
        return originalName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public long getUploaderId() {
        return uploaderId;
    }

    public String getSha256() {
        return sha256;
    }

    public ImageKind getKind() {
        return kind;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
