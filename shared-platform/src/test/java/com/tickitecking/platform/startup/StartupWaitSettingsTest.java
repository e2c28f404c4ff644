package com.tickitecking.platform.startup;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StartupWaitSettingsTest {

    private final StartupWaitSettings settings = new StartupWaitSettings(true, Duration.ofMinutes(5), Duration.ofSeconds(5),
            Duration.ofMillis(250), Duration.ofSeconds(5));

    @Test
    void doublesThePauseAfterEachFailedProbe() {
        assertThat(settings.delayAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.delayAfter(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.delayAfter(5)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void neverPausesLongerThanTheMaximum() {
        assertThat(settings.delayAfter(6)).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(5));
    }
}
