package com.tickitecking.reservation.reservation;

import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class TicketAllowanceTest {

    @Test
    void admitsSeatsUpToTheLimitCountingWhatTheBuyerHasAlready() {
        var allowance = new TicketAllowance(8, 5);

        assertThat(allowance.remaining()).isEqualTo(3);
        assertThat(allowance.admits(3)).isTrue();
        assertThat(allowance.admits(4)).isFalse();
        assertThatCode(() -> allowance.claim(3)).doesNotThrowAnyException();
    }

    @Test
    void refusesOneSeatMoreThanTheLimitNamingTheLimitAndWhatTheBuyerHas() {
        var allowance = new TicketAllowance(8, 6);

        assertThatThrownBy(() -> allowance.claim(3))
                .isInstanceOfSatisfying(BuyerLimitReached.class, e -> {
                    assertThat(e.allowance()).isEqualTo(allowance);
                    assertThat(e.requested()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("at most 8 tickets", "already have 6", "3 more are too many");
                });
    }

    @Test
    void aBuyerAtTheLimitMayTakeNothingMore() {
        var full = new TicketAllowance(4, 4);

        assertThat(full.remaining()).isZero();
        assertThat(full.admits(1)).isFalse();
        assertThat(new TicketAllowance(4, 9).remaining()).as("a limit lowered below what is held").isZero();
    }

    @Test
    void refusesALimitBelowOneAndANegativeCount() {
        assertThatThrownBy(() -> new TicketAllowance(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketAllowance(8, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalByTheLimitIsAConflictSayingHowMuchOfItTheBuyerHas() {
        assertThatThrownBy(() -> new TicketAllowance(8, 7).claim(2)).isInstanceOfSatisfying(BuyerLimitReached.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
            assertThat(e.title()).isEqualTo("Conflict");
            assertThat(e.properties()).containsExactly(entry("reason", "limit"), entry("limit", 8), entry("held", 7),
                    entry("requested", 2));
        });
    }

    @Test
    void oneSeatTooManyIsSaidInTheSingular() {
        assertThatThrownBy(() -> new TicketAllowance(2, 2).claim(1)).hasMessageEndingWith("so 1 more is too many.");
    }
}
