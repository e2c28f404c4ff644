package com.tickitecking.platform.outbox;

import com.tickitecking.events.EventQueue;

import java.util.ArrayList;
import java.util.List;

/** The rule by which rows for one queue are grouped into SendMessageBatch calls. */
final class SqsBatches {

    /** SQS takes at most 10 messages per batch, and {@link EventQueue#MAX_MESSAGE_BYTES} in all. */
    static final int MAX_MESSAGES = 10;

    private SqsBatches() {
    }

    /**
     * Consecutive rows, in their order, as few batches as the limits allow. A row larger than a whole batch may
     * hold goes alone into one (the publisher never passes such a row: SQS would refuse it anyway).
     */
    static List<List<OutboxRow>> of(List<OutboxRow> rows) {
        List<List<OutboxRow>> batches = new ArrayList<>();
        List<OutboxRow> current = new ArrayList<>();
        int bytes = 0;
        for (OutboxRow row : rows) {
            if (!current.isEmpty() && (current.size() == MAX_MESSAGES || bytes + row.bytes() > EventQueue.MAX_MESSAGE_BYTES)) {
                batches.add(List.copyOf(current));
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(row);
            bytes += row.bytes();
        }
        if (!current.isEmpty()) {
            batches.add(List.copyOf(current));
        }
        return List.copyOf(batches);
    }
}
