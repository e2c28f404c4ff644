-- The owner's sales of one concert (GET /api/v1/concerts/{id}/sales), each read a range of one index on the concert
-- (InnoDB secondary indexes carry the primary key, id): its reservations counted by status, and its live ones joined
-- to their seats, along ix_reservation_concert; its latest reservations, newest first, along
-- ix_reservation_concert_latest. Without them every read went through every reservation of every concert.
CREATE INDEX ix_reservation_concert ON reservation (concert_id, status, expires_at);
CREATE INDEX ix_reservation_concert_latest ON reservation (concert_id, id);
