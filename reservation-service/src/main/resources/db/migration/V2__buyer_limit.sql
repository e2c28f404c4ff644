-- The organiser's buyer limit, learnt from the concert events. Concerts projected before the limit existed get
-- the contract's default (ConcertDetails.DEFAULT_MAX_TICKETS_PER_BUYER).
ALTER TABLE concert ADD COLUMN max_tickets_per_buyer INT NOT NULL DEFAULT 8;

-- One row per buyer and concert, created on the buyer's first hold: the hold transaction locks it before it
-- counts the buyer's seats, so one buyer's parallel holds of one concert take turns there (and only there: other
-- buyers and other concerts never wait on it).
CREATE TABLE buyer_allowance (
    concert_id BIGINT       NOT NULL,
    user_id    BIGINT       NOT NULL,
    locked_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (concert_id, user_id)
);

-- Counting a buyer's active seats of one concert reads only that buyer's reservations of it.
CREATE INDEX ix_reservation_buyer ON reservation (user_id, concert_id, status);
