package com.tickitecking.platform.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(5, Duration.ofSeconds(1), Duration.ofMinutes(15));

    @Test
    void theFirstFailuresCostNothing() {
        for (int failures = 0; failures <= 5; failures++) {
            assertThat(backoff.waitAfter(failures)).as("after %d failures", failures).isZero();
        }
    }

    @Test
    void eachFailurePastTheFreeOnesDoublesTheWait() {
        assertThat(backoff.waitAfter(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.waitAfter(7)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.waitAfter(8)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.waitAfter(15)).isEqualTo(Duration.ofSeconds(512));
    }

    @Test
    void theWaitStopsGrowingAtTheCapHoweverManyFailures() {
        assertThat(backoff.waitAfter(16)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.waitAfter(1_000)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.waitAfter(Long.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theScheduleListsEveryWaitUpToTheCapAndEndsThere() {
        var schedule = new Backoff(2, Duration.ofSeconds(1), Duration.ofSeconds(5)).schedule();

        assertThat(schedule).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    @Test
    void refusesASettingThatCouldNotWork() {
        assertThatThrownBy(() -> new Backoff(-1, Duration.ofSeconds(1), Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(5, Duration.ZERO, Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(5, Duration.ofSeconds(3), Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
    }
}
