package com.tickitecking.concert.concert;

import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.EventQueue;
import com.tickitecking.testing.ServiceQueue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: what arrived on seat-service's queue, read the way seat-service reads it (raw body + EventJson). */
final class SeatQueue {

    /** An event as it travelled: parsed, and the size of its message body. */
    record Received(DomainEvent event, int bytes) {
    }

    private final ServiceQueue queue;
    private final List<Received> received = new ArrayList<>();

    SeatQueue(String queuePrefix) {
        this.queue = ServiceQueue.of(EventQueue.SEAT, queuePrefix);
    }

    /** Everything received so far, after one more read of the queue. */
    synchronized List<Received> poll() {
        for (String body : queue.drainRaw()) {
            received.add(new Received(EventJson.read(body), body.getBytes(StandardCharsets.UTF_8).length));
        }
        return List.copyOf(received);
    }
}
