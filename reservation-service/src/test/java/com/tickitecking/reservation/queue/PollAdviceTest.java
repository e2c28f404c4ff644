package com.tickitecking.reservation.queue;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PollAdviceTest {

    private final PollAdvice advice = new PollAdvice(1, 20);

    @RepeatedTest(20)
    void farBackWaitsHalfItsEstimatedWaitUpToTheMaximumPlusJitter() {
        assertThat(advice.seconds(PlaceStatus.WAITING, 3000L, 2999, 0, 300L, 0)).isBetween(20L, 24L);
        assertThat(advice.seconds(PlaceStatus.WAITING, 500L, 499, 0, 20L, 0)).isBetween(10L, 12L);
    }

    @RepeatedTest(20)
    void nearTheFrontPollsEverySecond() {
        assertThat(advice.seconds(PlaceStatus.WAITING, 3L, 2, 0, 1L, 0)).isEqualTo(1L);
        assertThat(advice.seconds(PlaceStatus.WAITING, 4L, 3, 0, 2L, 0)).isEqualTo(1L);
    }

    @RepeatedTest(20)
    void aPlaceInTheNextAdmissionBatchPollsEverySecondWhateverTheEstimate() {
        // 40 ahead, and the next run may admit 50 at once (a burst the measured rate does not show yet)
        assertThat(advice.seconds(PlaceStatus.WAITING, 541L, 40, 50, 80L, 0)).isEqualTo(1L);
        // one place more ahead than the batch takes: the estimate decides again
        assertThat(advice.seconds(PlaceStatus.WAITING, 551L, 50, 50, 80L, 0)).isBetween(20L, 24L);
    }

    @RepeatedTest(20)
    void thePreQueueComesBackAtTheOpeningSpreadOverTwoSeconds() {
        assertThat(advice.seconds(PlaceStatus.WAITING, null, 0, 0, null, 4_500)).isBetween(5L, 7L);
        assertThat(advice.seconds(PlaceStatus.WAITING, null, 0, 0, null, 3_600_000)).isEqualTo(20L);
    }

    @Test
    void whileTheShuffleOrTheFirstAdmissionIsDueItPollsAtTheMinimum() {
        assertThat(advice.seconds(PlaceStatus.WAITING, null, 0, 0, null, 0)).isEqualTo(1L);
        assertThat(advice.seconds(PlaceStatus.WAITING, 10L, 9, 0, null, -500)).isEqualTo(1L);
    }

    @Test
    void aPlaceThatIsNoLongerWaitingStopsPolling() {
        assertThat(advice.seconds(PlaceStatus.ADMITTED, 1L, 0, 0, null, 0)).isNull();
        assertThat(advice.seconds(PlaceStatus.SOLD_OUT, 5L, 4, 0, 10L, 0)).isNull();
        assertThat(advice.seconds(PlaceStatus.EXPIRED, 5L, 4, 0, null, 0)).isNull();
    }

    @Test
    void theLongestAdviceStaysUnderItsSharesOfLapseAfterAndOfTheAdmissionsLife() {
        // the defaults: poll-max 20 s binds (lapse-after 60 s allows 25, admission-ttl 5 min allows 30)
        assertThat(PollAdvice.of(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofMinutes(5))
                .maxSeconds()).isEqualTo(20);
        // a short lapse-after: 5/12 of it, so that 20 % jitter on top stays under half
        assertThat(PollAdvice.of(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(24), Duration.ofMinutes(5))
                .maxSeconds()).isEqualTo(10);
        // a short admission: a place admitted while it sleeps notices within a tenth of the admission's life
        assertThat(PollAdvice.of(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(60))
                .maxSeconds()).isEqualTo(6);
    }
}
