-- The local projection of each concert, fed by concert events: enough to answer owner checks, seat maps and
-- label -> index lookups without calling concert-service. A deleted concert stays as a tombstone (deleted_at set)
-- so that a late ConcertCreated/ConcertUpdated cannot bring it back.
CREATE TABLE concert (
    concert_id  BIGINT       NOT NULL PRIMARY KEY,
    owner_id    BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    start_time  DATETIME(6)  NOT NULL,
    revision    BIGINT       NOT NULL,
    total_seats INT          NOT NULL,
    layout_json MEDIUMTEXT   NOT NULL,
    grades_json MEDIUMTEXT   NOT NULL,
    deleted_at  DATETIME(6)  NULL
);

-- One row per seat. The primary key is the seat's position in SeatIndex order, which is also its bit in the
-- availability bitmap. InnoDB secondary indexes carry the primary key, so ix_seat_status (concert_id, status)
-- covers "which seats of this concert are not AVAILABLE" on its own: the bitmap rebuild is one index range read.
CREATE TABLE seat (
    concert_id     BIGINT        NOT NULL,
    seat_index     INT           NOT NULL,
    label          VARCHAR(32)   NOT NULL,
    section        VARCHAR(10)   NOT NULL,
    row_label      VARCHAR(5)    NOT NULL,
    number         INT           NOT NULL,
    grade          VARCHAR(50)   NULL,
    price          DECIMAL(12, 2) NULL,
    status         VARCHAR(10)   NOT NULL,
    reservation_id BIGINT        NULL,
    block_revision BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (concert_id, seat_index),
    INDEX ix_seat_status (concert_id, status)
);

-- The highest revision seen per reservation: an older reservation event arriving late is ignored, and a
-- Cancelled that overtook its Created leaves nothing for the Created to hold.
CREATE TABLE reservation_state (
    reservation_id BIGINT      NOT NULL PRIMARY KEY,
    concert_id     BIGINT      NOT NULL,
    revision       BIGINT      NOT NULL,
    status         VARCHAR(16) NOT NULL,
    updated_at     DATETIME(6) NOT NULL
);
