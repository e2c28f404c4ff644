package com.tickitecking.user.throttle;

import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RefusalsTest {

    @Test
    void refusesAsThrottledWithTheWaitInTheDetailAndAsRetryAfter() {
        DomainException refusal = Refusals.tooMany("Too many failed logins", 3_000);

        assertThat(refusal.kind()).isEqualTo(DomainException.Kind.THROTTLED);
        assertThat(refusal.title()).isEqualTo("Too many requests");
        assertThat(refusal.getMessage()).isEqualTo("Too many failed logins; try again in 3 s.");
        assertThat(refusal.properties()).containsEntry("retryAfterSeconds", 3L);
        assertThat(refusal.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void roundsAPartSecondUpSoTheClientNeverRetriesTooEarly() {
        DomainException refusal = Refusals.tooMany("Too many sign-ups from your address", 1_001);

        assertThat(refusal.getMessage()).isEqualTo("Too many sign-ups from your address; try again in 2 s.");
        assertThat(refusal.properties()).containsEntry("retryAfterSeconds", 2L);
    }

    @Test
    void asksForAtLeastOneSecond() {
        DomainException refusal = Refusals.tooMany("Too many failed logins", 1);

        assertThat(refusal.getMessage()).endsWith("try again in 1 s.");
        assertThat(refusal.properties()).containsEntry("retryAfterSeconds", 1L);
    }
}
