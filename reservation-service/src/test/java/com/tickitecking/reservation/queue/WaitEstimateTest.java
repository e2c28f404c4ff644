package com.tickitecking.reservation.queue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaitEstimateTest {

    private static final long NOW = 1_000_000_000L;

    @Test
    void aheadPlusOneOverTheMeasuredRate() {
        // 120 admitted over the last 60 s = 2/s; 9 ahead → the 10th place is in 5 s
        assertThat(WaitEstimate.seconds(9, 120, NOW - 60_000, NOW)).isEqualTo(5);
    }

    @Test
    void measuresAYoungQueueOverItsOwnAgeNotTheWholeWindow() {
        // 20 admitted in the 10 s since admissions began = 2/s, not 20/60
        assertThat(WaitEstimate.seconds(9, 20, NOW - 10_000, NOW)).isEqualTo(5);
    }

    @Test
    void roundsUp() {
        assertThat(WaitEstimate.seconds(0, 1, NOW - 60_000, NOW)).isEqualTo(60);
        assertThat(WaitEstimate.seconds(2, 2, NOW - 1000, NOW)).isEqualTo(2);
    }

    @Test
    void noEstimateWithoutAdmissions() {
        assertThat(WaitEstimate.seconds(5, 0, NOW, NOW)).isNull();
    }
}
