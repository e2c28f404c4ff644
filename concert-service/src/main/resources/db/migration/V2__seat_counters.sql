-- Seats taken by live reservations and blocked seats, kept as counters on the concert: an event now moves the
-- count by its own difference instead of summing every reservation of the concert, which during a stadium
-- on-sale made each event cost more than the one before.
ALTER TABLE concert
    ADD COLUMN taken_seats   INT NOT NULL DEFAULT 0 AFTER remaining_seats,
    ADD COLUMN blocked_seats INT NOT NULL DEFAULT 0 AFTER taken_seats;

UPDATE concert c SET
    taken_seats   = (SELECT COALESCE(SUM(r.seat_count), 0) FROM reservation_seats r
                     WHERE r.concert_id = c.id AND r.status IN ('HELD', 'CONFIRMED')),
    blocked_seats = (SELECT COUNT(*) FROM blocked_seat b WHERE b.concert_id = c.id AND b.blocked);

-- Only the back-fill above needed it.
DROP INDEX idx_reservation_seats_concert ON reservation_seats;
