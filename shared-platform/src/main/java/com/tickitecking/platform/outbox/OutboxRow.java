package com.tickitecking.platform.outbox;

import java.nio.charset.StandardCharsets;

/**
 * One claimed outbox row: an event for one destination queue.
 *
 * @param attempts how often SQS was asked before (the back-off counts from here)
 * @param bytes    the payload's size as SQS counts it (UTF-8)
 */
record OutboxRow(long id, String eventId, String destination, String payload, int attempts, int bytes) {

    static OutboxRow of(long id, String eventId, String destination, String payload, int attempts) {
        return new OutboxRow(id, eventId, destination, payload, attempts, payload.getBytes(StandardCharsets.UTF_8).length);
    }
}
