package com.tickitecking.platform.outbox;

import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of rows handed to SQS: accepted ({@code published}), not accepted this time ({@code retry}), or never
 * acceptable ({@code failed}: too large, or refused as the sender's fault, which no retry changes).
 */
record PublishOutcome(List<OutboxRow> published, List<NotSent> retry, List<NotSent> failed) {

    /** A row SQS did not take, and why (stored as the row's {@code last_error}). */
    record NotSent(OutboxRow row, String reason) {
    }

    static final PublishOutcome NOTHING = new PublishOutcome(List.of(), List.of(), List.of());

    PublishOutcome {
        published = List.copyOf(published);
        retry = List.copyOf(retry);
        failed = List.copyOf(failed);
    }

    /**
     * Sorts SQS's answer to one batch, whose entry ids are the rows' positions in it. A row the answer does not
     * mention is in none of the lists: it stays PENDING and the next pass claims it again.
     */
    static PublishOutcome of(List<OutboxRow> batch, SendMessageBatchResponse response) {
        List<OutboxRow> published = new ArrayList<>();
        List<NotSent> retry = new ArrayList<>();
        List<NotSent> failed = new ArrayList<>();
        response.successful().forEach(ok -> published.add(batch.get(Integer.parseInt(ok.id()))));
        response.failed().forEach(ko -> {
            var notSent = new NotSent(batch.get(Integer.parseInt(ko.id())), ko.code() + ": " + ko.message());
            (Boolean.TRUE.equals(ko.senderFault()) ? failed : retry).add(notSent);
        });
        return new PublishOutcome(published, retry, failed);
    }

    /** Every row to be tried again, for one reason (SQS unreachable, the queue unknown …). */
    static PublishOutcome retryAll(List<OutboxRow> rows, String reason) {
        return new PublishOutcome(List.of(), rows.stream().map(row -> new NotSent(row, reason)).toList(), List.of());
    }

    static PublishOutcome failed(OutboxRow row, String reason) {
        return new PublishOutcome(List.of(), List.of(), List.of(new NotSent(row, reason)));
    }

    PublishOutcome and(PublishOutcome other) {
        return new PublishOutcome(concat(published, other.published), concat(retry, other.retry), concat(failed, other.failed));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
