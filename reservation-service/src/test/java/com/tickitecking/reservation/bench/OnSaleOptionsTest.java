package com.tickitecking.reservation.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OnSaleOptionsTest {

    @Test
    void optionsGivenOverrideTheDefaultsAndTheOthersKeepThem() {
        OnSaleOptions options = OnSaleOptions.parse(List.of("--buyers=500", "--seats=1000", "--sales=everyone",
                "--local=/tmp/x/.local"));

        assertThat(options).isEqualTo(new OnSaleOptions(500, 1000, 40, 128, 15, 20, 300, OnSaleOptions.Sales.EVERYONE,
                false, "http://127.0.0.1:8080", "http://127.0.0.1:8083", Path.of("/tmp/x/.local"),
                "jdbc:mariadb://127.0.0.1:3306/tickitecking_reservation"));
    }

    @Test
    void noArgumentsGiveThePublishedRunOfTenThousandBuyersOnTwentyThousandSeatsBothSales() {
        OnSaleOptions options = OnSaleOptions.parse(List.of(""));

        assertThat(options.buyers()).isEqualTo(10_000);
        assertThat(options.seats()).isEqualTo(20_000);
        assertThat(options.sales().waitingRoom()).isTrue();
        assertThat(options.sales().everyone()).isTrue();
    }

    @Test
    void salesNoneRunsOnlyTheRatios() {
        OnSaleOptions.Sales none = OnSaleOptions.parse(List.of("--sales=none")).sales();

        assertThat(none.waitingRoom()).isFalse();
        assertThat(none.everyone()).isFalse();
    }

    @Test
    void helpAsksForTheUsage() {
        assertThat(OnSaleOptions.parse(List.of("--buyers=5", "--help"))).isNull();
    }

    @Test
    void anUnknownOrMalformedOptionIsRefusedRatherThanIgnored() {
        assertThatIllegalArgumentException().isThrownBy(() -> OnSaleOptions.parse(List.of("--attempts=100")))
                .withMessageContaining("unknown option --attempts=100");
        assertThatIllegalArgumentException().isThrownBy(() -> OnSaleOptions.parse(List.of("--join-window=2")))
                .withMessageContaining("--join-window must be a whole number of at least 5");
        assertThatIllegalArgumentException().isThrownBy(() -> OnSaleOptions.parse(List.of("--sales=some")))
                .withMessageContaining("both, waiting-room, everyone or none");
        assertThatIllegalArgumentException().isThrownBy(() -> OnSaleOptions.parse(List.of("--pick=cheapest")))
                .withMessageContaining("seats or best");
    }
}
