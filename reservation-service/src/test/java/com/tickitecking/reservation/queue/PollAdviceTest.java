package com.tickitecking.reservation.queue;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollAdviceTest {

    private final PollAdvice advice = new PollAdvice(1, 20);

    @RepeatedTest(20)
    void farBackWaitsHalfItsEstimatedWaitUpToTheMaximumPlusJitter() {
        assertThat(advice.seconds(PlaceStatus.WAITING, 3000L, 300L, 0)).isBetween(20L, 24L);
        assertThat(advice.seconds(PlaceStatus.WAITING, 500L, 20L, 0)).isBetween(10L, 12L);
    }

    @RepeatedTest(20)
    void nearTheFrontPollsEverySecond() {
        assertThat(advice.seconds(PlaceStatus.WAITING, 3L, 1L, 0)).isEqualTo(1L);
        assertThat(advice.seconds(PlaceStatus.WAITING, 4L, 2L, 0)).isEqualTo(1L);
    }

    @RepeatedTest(20)
    void thePreQueueComesBackAtTheOpeningSpreadOverTwoSeconds() {
        assertThat(advice.seconds(PlaceStatus.WAITING, null, null, 4_500)).isBetween(5L, 7L);
        assertThat(advice.seconds(PlaceStatus.WAITING, null, null, 3_600_000)).isEqualTo(20L);
    }

    @Test
    void whileTheShuffleOrTheFirstAdmissionIsDueItPollsAtTheMinimum() {
        assertThat(advice.seconds(PlaceStatus.WAITING, null, null, 0)).isEqualTo(1L);
        assertThat(advice.seconds(PlaceStatus.WAITING, 10L, null, -500)).isEqualTo(1L);
    }

    @Test
    void aPlaceThatIsNoLongerWaitingStopsPolling() {
        assertThat(advice.seconds(PlaceStatus.ADMITTED, 1L, null, 0)).isNull();
        assertThat(advice.seconds(PlaceStatus.SOLD_OUT, 5L, 10L, 0)).isNull();
        assertThat(advice.seconds(PlaceStatus.EXPIRED, 5L, null, 0)).isNull();
    }
}
