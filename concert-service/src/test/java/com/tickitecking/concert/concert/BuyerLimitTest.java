package com.tickitecking.concert.concert;

import com.tickitecking.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuyerLimitTest {

    @Test
    void leftOutItIsTheContractsDefaultOfEight() {
        assertThat(BuyerLimit.of(null, 50)).isEqualTo(8);
    }

    @Test
    void leftOutItIsNeverMoreThanTheConfiguredMost() {
        assertThat(BuyerLimit.of(null, 5)).isEqualTo(5);
    }

    @Test
    void takesEveryLimitFromOneToTheConfiguredMost() {
        assertThat(BuyerLimit.of(1, 20)).isEqualTo(1);
        assertThat(BuyerLimit.of(20, 20)).isEqualTo(20);
    }

    @Test
    void refusesALimitBelowOne() {
        assertRefused(0, 20);
        assertRefused(-1, 20);
    }

    @Test
    void refusesALimitAboveTheConfiguredMost() {
        assertRefused(21, 20);
    }

    private static void assertRefused(int requested, int most) {
        assertThatThrownBy(() -> BuyerLimit.of(requested, most))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.properties().get("errors")).isEqualTo(
                            List.of(new DomainException.FieldError("maxTicketsPerBuyer", "must be 1 to " + most)));
                });
    }
}
