-- An event SQS can never take ends FAILED (last_error says why) instead of being retried for ever.
ALTER TABLE outbox_event ADD COLUMN failed_at TIMESTAMP(6) NULL;

-- Retention pruning deletes published outbox rows and old inbox ids in batches; these find them without a scan.
CREATE INDEX ix_outbox_event_published ON outbox_event (status, published_at);
CREATE INDEX ix_processed_event_processed_at ON processed_event (processed_at);
