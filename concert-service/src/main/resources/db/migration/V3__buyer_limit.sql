-- The most seats one account may hold and have confirmed for a concert at once, set by the organiser. Concerts
-- created before the limit existed get the contract's default (ConcertDetails.DEFAULT_MAX_TICKETS_PER_BUYER).
ALTER TABLE concert ADD COLUMN max_tickets_per_buyer INT NOT NULL DEFAULT 8;
