package com.tickitecking.platform.outbox;

/**
 * An outbox row's life: it waits (retried with back-off while SQS refuses) until SQS has taken it, or ends
 * FAILED when SQS can never take it (too large, or refused as the sender's fault). FAILED rows are kept, never
 * retried nor pruned: they are counted by {@code tickitecking.outbox.failed} and alerted on.
 */
public enum OutboxStatus {
    PENDING,
    PUBLISHED,
    FAILED
}
