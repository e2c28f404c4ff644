package com.tickitecking.reservation.bench;

import com.tickitecking.reservation.bench.AdmissionOrder.Observed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionOrderTest {

    private static final long NEVER = -1;

    @Test
    void buyersAdmittedInPositionOrderAreInOrderHoweverLateTheirPollsSawIt() {
        // given position 1 admitted at 10 and position 2 at 20, but 2 happened to see it first (at 15)
        var first = new Observed(1L, 30, 9);
        var second = new Observed(2L, 15, 12);

        assertThat(AdmissionOrder.check(first, second).outOfOrder()).isZero();
    }

    @Test
    void aBuyerAdmittedWhileSomeoneAheadWasStillToldWaitingIsOutOfOrder() {
        // given position 2 saw ADMITTED at 100, and position 1 sent a poll at 120 that answered WAITING
        var ahead = new Observed(1L, 200, 120);
        var behind = new Observed(2L, 100, 50);

        var result = AdmissionOrder.check(ahead, behind);

        assertThat(result.outOfOrder()).isEqualTo(1);
        assertThat(result.admitted()).isEqualTo(2);
    }

    @Test
    void aWaitingPollSentBeforeTheAdmissionWasReceivedProvesNothing() {
        // the poll of position 1 was sent at 90, before position 2's ADMITTED arrived at 100: its answer may predate it
        var ahead = new Observed(1L, NEVER, 90);
        var behind = new Observed(2L, 100, 50);

        assertThat(AdmissionOrder.check(ahead, behind).outOfOrder()).isZero();
    }

    @Test
    void onlyBuyersAheadCountNotThoseBehind() {
        // position 3 still waits long after 2 was admitted: that is the order
        var admitted = new Observed(2L, 100, 50);
        var behind = new Observed(3L, NEVER, 500);

        assertThat(AdmissionOrder.check(admitted, behind).outOfOrder()).isZero();
    }

    @Test
    void buyersWithoutAPositionAreLeftOutAndTwoWithTheSamePositionAreReported() {
        var unknown = new Observed(null, NEVER, 1_000);
        var one = new Observed(5L, 100, 50);
        var same = new Observed(5L, NEVER, 200);

        var result = AdmissionOrder.check(unknown, one, same);

        assertThat(result.withPosition()).isEqualTo(2);
        assertThat(result.duplicatePositions()).isEqualTo(1);
        assertThat(result.outOfOrder()).as("the same position is not ahead").isZero();
    }
}
