package com.tickitecking.platform.outbox;

/** An outbox row's life: it waits (retried with back-off while SQS refuses) until SQS has taken it. */
public enum OutboxStatus {
    PENDING,
    PUBLISHED
}
