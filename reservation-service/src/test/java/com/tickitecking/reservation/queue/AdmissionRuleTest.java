package com.tickitecking.reservation.queue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionRuleTest {

    @Test
    void theConfiguredCeilingCapsActiveShoppersWhileSeatsAbound() {
        assertThat(AdmissionRule.activeCeiling(20_000, 4, 200)).isEqualTo(200);
    }

    @Test
    void admitsOnlyWhileFreeSeatsExceedWhatTheActiveShoppersCouldTake() {
        // 10 free seats, 4 per buyer: 2 active could take 8 < 10, so a 3rd is admitted; 3 could take 12 >= 10: stop
        assertThat(AdmissionRule.activeCeiling(10, 4, 200)).isEqualTo(3);
        assertThat(AdmissionRule.activeCeiling(8, 4, 200)).isEqualTo(2);
        assertThat(AdmissionRule.activeCeiling(1, 4, 200)).isEqualTo(1);
    }

    @Test
    void admitsNobodyWithoutAFreeSeat() {
        assertThat(AdmissionRule.activeCeiling(0, 4, 200)).isZero();
        assertThat(AdmissionRule.activeCeiling(-3, 4, 200)).isZero();
    }

    @Test
    void soldOutOnlyWhenNoSeatIsFreeAndNoHoldIsPending() {
        assertThat(AdmissionRule.soldOut(0, 0)).isTrue();
        assertThat(AdmissionRule.soldOut(0, 3)).isFalse();
        assertThat(AdmissionRule.soldOut(1, 0)).isFalse();
    }
}
