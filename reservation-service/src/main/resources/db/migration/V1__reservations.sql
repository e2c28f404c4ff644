-- What reservation-service knows about concerts, learnt from concert-service's events (never by calling it).
-- A deleted concert keeps its row (deleted = TRUE) so a late, older event cannot bring it back.
CREATE TABLE concert (
    id              BIGINT        NOT NULL PRIMARY KEY,
    owner_id        BIGINT        NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    start_time      TIMESTAMP(6)  NOT NULL,
    auditorium_name VARCHAR(200)  NULL,
    layout          MEDIUMTEXT    NOT NULL,
    grades          MEDIUMTEXT    NOT NULL,
    revision        BIGINT        NOT NULL,
    deleted         BOOLEAN       NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMP(6)  NOT NULL
);

-- Seats the owner took off sale, learnt from SeatBlocked / SeatUnblocked. One row per seat ever blocked, with
-- the revision of the last event applied, so an older event arriving late changes nothing.
CREATE TABLE blocked_seat (
    concert_id BIGINT       NOT NULL,
    seat_label VARCHAR(32)  NOT NULL,
    blocked    BOOLEAN      NOT NULL,
    revision   BIGINT       NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (concert_id, seat_label)
);

CREATE TABLE reservation (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    concert_id      BIGINT        NOT NULL,
    user_id         BIGINT        NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    total_price     DECIMAL(12,2) NOT NULL,
    revision        BIGINT        NOT NULL,
    held_at         TIMESTAMP(6)  NOT NULL,
    expires_at      TIMESTAMP(6)  NOT NULL,
    confirmed_at    TIMESTAMP(6)  NULL,
    ended_at        TIMESTAMP(6)  NULL,
    idempotency_key VARCHAR(100)  NOT NULL,
    request_hash    CHAR(64)      NOT NULL,
    guard_token     CHAR(36)      NOT NULL,
    CONSTRAINT uk_reservation_idempotency UNIQUE (user_id, idempotency_key),
    INDEX ix_reservation_user (user_id, id),
    INDEX ix_reservation_due (status, expires_at)
);

-- The last guard against double booking, independent of Redis: active_marker is 1 while the reservation is
-- HELD or CONFIRMED and NULL afterwards. A unique index allows many NULLs (MySQL 8 and MariaDB alike), so a seat
-- can have any number of ended reservations but only one active one.
CREATE TABLE reservation_seat (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reservation_id BIGINT        NOT NULL,
    concert_id     BIGINT        NOT NULL,
    seat_label     VARCHAR(32)   NOT NULL,
    grade          VARCHAR(50)   NOT NULL,
    price          DECIMAL(12,2) NOT NULL,
    active_marker  TINYINT       NULL,
    CONSTRAINT uk_reservation_seat_active UNIQUE (concert_id, seat_label, active_marker),
    CONSTRAINT fk_reservation_seat_reservation FOREIGN KEY (reservation_id) REFERENCES reservation (id),
    INDEX ix_reservation_seat_reservation (reservation_id)
);
