-- The transactional outbox: an event is written here in the same transaction as the change it describes,
-- one row per destination queue, and the relay sends it to SQS afterwards. Rows wait (with back-off) while SQS
-- is unreachable; nothing is dropped.
CREATE TABLE outbox_event (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id        CHAR(36)     NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    aggregate_id    VARCHAR(100) NOT NULL,
    destination     VARCHAR(32)  NOT NULL,
    payload         MEDIUMTEXT   NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    last_error      VARCHAR(500) NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    published_at    TIMESTAMP(6) NULL,
    CONSTRAINT uk_outbox_event_destination UNIQUE (event_id, destination),
    INDEX ix_outbox_event_due (status, next_attempt_at, id)
);
