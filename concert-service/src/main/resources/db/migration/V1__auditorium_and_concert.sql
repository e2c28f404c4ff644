-- A venue and its seating layout. The layout is stored whole, as JSON text: it is read and written as one
-- value and never queried by seat (seat-service derives its seats from the events).
CREATE TABLE auditorium (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_id    BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    address     VARCHAR(300) NOT NULL,
    layout      MEDIUMTEXT   NOT NULL,
    total_seats INT          NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL,
    INDEX idx_auditorium_owner (owner_id, id)
);

-- DATETIME, not TIMESTAMP, for start_time: TIMESTAMP ends in 2038. Values are UTC (hibernate.jdbc.time_zone).
CREATE TABLE concert (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_id        BIGINT        NOT NULL,
    auditorium_id   BIGINT        NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    description     VARCHAR(4000) NULL,
    start_time      DATETIME(6)   NOT NULL,
    grades          MEDIUMTEXT    NOT NULL,
    total_seats     INT           NOT NULL,
    -- the two read-model columns below are written only by the event handlers (plain SQL), never by JPA
    remaining_seats INT           NOT NULL,
    poster_url      VARCHAR(500)  NULL,
    revision        BIGINT        NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    updated_at      TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_concert_auditorium FOREIGN KEY (auditorium_id) REFERENCES auditorium (id),
    INDEX idx_concert_start_time (start_time, id),
    INDEX idx_concert_auditorium (auditorium_id)
);

-- Read model of reservations, fed by Reservation* events: one row per reservation, last revision wins.
CREATE TABLE reservation_seats (
    reservation_id BIGINT      NOT NULL PRIMARY KEY,
    concert_id     BIGINT      NOT NULL,
    seat_count     INT         NOT NULL,
    status         VARCHAR(16) NOT NULL,
    revision       BIGINT      NOT NULL,
    INDEX idx_reservation_seats_concert (concert_id, status, seat_count)
);

-- Read model of blocked seats, fed by SeatBlocked/SeatUnblocked: one row per seat ever blocked.
CREATE TABLE blocked_seat (
    concert_id BIGINT      NOT NULL,
    seat       VARCHAR(32) NOT NULL,
    blocked    BOOLEAN     NOT NULL,
    revision   BIGINT      NOT NULL,
    PRIMARY KEY (concert_id, seat)
);

-- Posters known from ImageUploaded/ImageDeleted. A deletion may arrive before its upload: the row then stays a
-- tombstone (deleted = TRUE), so the late upload does not bring the poster back.
CREATE TABLE concert_poster (
    image_id   BIGINT       NOT NULL PRIMARY KEY,
    concert_id BIGINT       NOT NULL,
    path       VARCHAR(500) NULL,
    deleted    BOOLEAN      NOT NULL,
    INDEX idx_concert_poster_concert (concert_id, deleted, image_id)
);
