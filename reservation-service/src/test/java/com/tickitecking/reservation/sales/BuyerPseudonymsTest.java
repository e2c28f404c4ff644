package com.tickitecking.reservation.sales;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuyerPseudonymsTest {

    private final BuyerPseudonyms pseudonyms = new BuyerPseudonyms("a secret");

    @Test
    void namesABuyerAlikeThroughoutOneConcert() {
        assertThat(pseudonyms.of(1, 42)).matches("buyer-[0-9a-f]{12}").isEqualTo(pseudonyms.of(1, 42));
    }

    @Test
    void namesOneBuyerDifferentlyAtEveryConcertAndTwoBuyersApart() {
        assertThat(pseudonyms.of(1, 42)).isNotEqualTo(pseudonyms.of(2, 42)).isNotEqualTo(pseudonyms.of(1, 43));
    }

    @Test
    void dependsOnTheKeySoNobodyElseCanRecomputeIt() {
        assertThat(new BuyerPseudonyms("another secret").of(1, 42)).isNotEqualTo(pseudonyms.of(1, 42));
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertThatThrownBy(() -> new BuyerPseudonyms(" ")).isInstanceOf(IllegalStateException.class);
    }
}
