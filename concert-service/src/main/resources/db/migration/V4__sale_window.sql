-- When a concert's seats may be held (NULL: from the start / until the concert starts) and whether buyers queue in
-- the waiting room first. DATETIME like start_time (TIMESTAMP ends in 2038); UTC. Concerts created before the
-- window existed are on sale now, without a waiting room.
ALTER TABLE concert
    ADD COLUMN sale_starts_at DATETIME(6) NULL,
    ADD COLUMN sale_ends_at   DATETIME(6) NULL,
    ADD COLUMN waiting_room   BOOLEAN     NOT NULL DEFAULT FALSE;
