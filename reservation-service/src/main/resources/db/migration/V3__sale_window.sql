-- The sale window and the waiting room, learnt from the concert events. Concerts projected before they existed are
-- on sale from the start, without a waiting room (as events older than the fields read).
ALTER TABLE concert
    ADD COLUMN sale_starts_at TIMESTAMP(6) NULL,
    ADD COLUMN sale_ends_at   TIMESTAMP(6) NULL,
    ADD COLUMN waiting_room   BOOLEAN      NOT NULL DEFAULT FALSE;
