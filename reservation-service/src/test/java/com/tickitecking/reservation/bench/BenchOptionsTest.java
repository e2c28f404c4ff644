package com.tickitecking.reservation.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTest {

    @Test
    void optionsGivenOverrideTheDefaultsAndTheOthersKeepThem() {
        BenchOptions options = BenchOptions.parse(List.of("--attempts=500", "--threads=4", "--gateway=http://10.0.0.1:8080"));

        assertThat(options).isEqualTo(new BenchOptions(4, 500, 5_000, 20_000, 40, "http://10.0.0.1:8080",
                "http://127.0.0.1:8083"));
    }

    @Test
    void noArgumentsOrAnEmptyOneGiveThePublishedRun() {
        assertThat(BenchOptions.parse(List.of(""))).isEqualTo(BenchOptions.parse(List.of()))
                .isEqualTo(new BenchOptions(32, 10_000, 5_000, 20_000, 40, "http://127.0.0.1:8080", "http://127.0.0.1:8083"));
    }

    @Test
    void helpAsksForTheUsage() {
        assertThat(BenchOptions.parse(List.of("--attempts=5", "--help"))).isNull();
    }

    @Test
    void anUnknownOrMalformedOptionIsRefusedRatherThanIgnored() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--seats=100")))
                .withMessageContaining("unknown option --seats=100");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("attempts=100")));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--threads=0")))
                .withMessageContaining("--threads must be a whole number of at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--attempts=many")));
    }
}
