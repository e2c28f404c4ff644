-- An organiser's own concerts (GET /api/v1/concerts?owner=me), by start time: one range of this index.
CREATE INDEX idx_concert_owner_start_time ON concert (owner_id, start_time, id);
