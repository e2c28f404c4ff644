-- Who owns each concert, learnt from concert-service's events. A deleted concert stays as a tombstone
-- (owner unknown when the deletion arrived first) so that late events cannot revive it.
CREATE TABLE concert (
    id         BIGINT       NOT NULL PRIMARY KEY,
    owner_id   BIGINT       NULL,
    revision   BIGINT       NOT NULL,
    deleted    BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMP(6) NOT NULL
);

CREATE TABLE image (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    concert_id    BIGINT       NOT NULL,
    object_key    VARCHAR(255) NOT NULL,
    original_name VARCHAR(255) NOT NULL,
    content_type  VARCHAR(32)  NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    width         INT          NOT NULL,
    height        INT          NOT NULL,
    uploader_id   BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_image_object_key UNIQUE (object_key),
    CONSTRAINT fk_image_concert FOREIGN KEY (concert_id) REFERENCES concert (id)
);

CREATE INDEX ix_image_concert ON image (concert_id, created_at);
