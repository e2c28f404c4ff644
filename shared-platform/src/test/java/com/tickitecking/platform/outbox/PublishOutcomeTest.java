package com.tickitecking.platform.outbox;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublishOutcomeTest {

    private final OutboxRow first = OutboxRow.of(7, "e7", "SEAT", "{}", 0);
    private final OutboxRow second = OutboxRow.of(8, "e8", "SEAT", "{}", 2);
    private final OutboxRow third = OutboxRow.of(9, "e9", "SEAT", "{}", 0);
    private final List<OutboxRow> batch = List.of(first, second, third);

    @Test
    void rowsSqsAcceptedArePublishedFoundByTheirPositionInTheBatch() {
        var response = SendMessageBatchResponse.builder().successful(accepted("2"), accepted("0")).build();

        PublishOutcome outcome = PublishOutcome.of(batch, response);

        assertThat(outcome.published()).containsExactlyInAnyOrder(first, third);
        assertThat(outcome.retry()).isEmpty();
        assertThat(outcome.failed()).isEmpty();
    }

    @Test
    void aRefusalThatIsTheSendersFaultFailsTheRowForGood() {
        var response = SendMessageBatchResponse.builder()
                .successful(accepted("0"), accepted("2"))
                .failed(refused("1", true, "InvalidMessageContents", "control characters are not allowed"))
                .build();

        PublishOutcome outcome = PublishOutcome.of(batch, response);

        assertThat(outcome.failed()).containsExactly(
                new PublishOutcome.NotSent(second, "InvalidMessageContents: control characters are not allowed"));
        assertThat(outcome.retry()).isEmpty();
        assertThat(outcome.published()).containsExactlyInAnyOrder(first, third);
    }

    @Test
    void aRefusalThatIsNotTheSendersFaultIsRetried() {
        var response = SendMessageBatchResponse.builder()
                .failed(refused("0", false, "InternalError", "try again"), refused("1", null, "ServiceUnavailable", "busy"))
                .build();

        PublishOutcome outcome = PublishOutcome.of(batch, response);

        assertThat(outcome.retry()).containsExactly(
                new PublishOutcome.NotSent(first, "InternalError: try again"),
                new PublishOutcome.NotSent(second, "ServiceUnavailable: busy"));
        assertThat(outcome.failed()).isEmpty();
    }

    @Test
    void aRowTheAnswerDoesNotMentionIsLeftForTheNextPass() {
        var response = SendMessageBatchResponse.builder().successful(accepted("0")).build();

        PublishOutcome outcome = PublishOutcome.of(batch, response);

        assertThat(outcome.published()).containsExactly(first);
        assertThat(outcome.retry()).extracting(PublishOutcome.NotSent::row).doesNotContain(second, third);
        assertThat(outcome.failed()).extracting(PublishOutcome.NotSent::row).doesNotContain(second, third);
    }

    @Test
    void aBatchSqsCouldNotBeAskedAboutIsRetriedWholeWithTheReason() {
        PublishOutcome outcome = PublishOutcome.retryAll(batch, "SdkClientException: Unable to execute HTTP request");

        assertThat(outcome.retry()).extracting(PublishOutcome.NotSent::row).containsExactly(first, second, third);
        assertThat(outcome.retry()).extracting(PublishOutcome.NotSent::reason)
                .containsOnly("SdkClientException: Unable to execute HTTP request");
        assertThat(outcome.published()).isEmpty();
    }

    @Test
    void outcomesOfSeveralBatchesAddUp() {
        PublishOutcome accepted = PublishOutcome.of(List.of(first), SendMessageBatchResponse.builder().successful(accepted("0")).build());
        PublishOutcome unreachable = PublishOutcome.retryAll(List.of(second), "down");
        PublishOutcome tooLarge = PublishOutcome.failed(third, "too large");

        PublishOutcome all = PublishOutcome.NOTHING.and(accepted).and(unreachable).and(tooLarge);

        assertThat(all.published()).containsExactly(first);
        assertThat(all.retry()).containsExactly(new PublishOutcome.NotSent(second, "down"));
        assertThat(all.failed()).containsExactly(new PublishOutcome.NotSent(third, "too large"));
    }

    private static SendMessageBatchResultEntry accepted(String id) {
        return SendMessageBatchResultEntry.builder().id(id).messageId("m-" + id).build();
    }

    private static BatchResultErrorEntry refused(String id, Boolean senderFault, String code, String message) {
        return BatchResultErrorEntry.builder().id(id).senderFault(senderFault).code(code).message(message).build();
    }
}
