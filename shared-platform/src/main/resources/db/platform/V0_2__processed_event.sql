-- The inbox: ids of events this service has applied. Inserted in the same transaction as the event's effect,
-- so an event SQS delivers twice is applied once.
CREATE TABLE processed_event (
    event_id     CHAR(36)     NOT NULL PRIMARY KEY,
    event_type   VARCHAR(64)  NOT NULL,
    processed_at TIMESTAMP(6) NOT NULL
);
