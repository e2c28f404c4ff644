package com.tickitecking.gateway.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayBenchOptionsTest {

    @Test
    void optionsGivenOverrideTheDefaultsAndTheOthersKeepThem() {
        GatewayBenchOptions options = GatewayBenchOptions.parse(List.of("--seconds=5", "--connections=8",
                "--gateway=http://10.0.0.1:8080"));

        assertThat(options).isEqualTo(new GatewayBenchOptions(5, 8, 10, 2, 10_000, "http://10.0.0.1:8080",
                "http://127.0.0.1:8083", "http://127.0.0.1:8082", ".local/admin.env", "both"));
    }

    @Test
    void noArgumentsOrAnEmptyOneGiveThePublishedRun() {
        assertThat(GatewayBenchOptions.parse(List.of(""))).isEqualTo(GatewayBenchOptions.parse(List.of()))
                .isEqualTo(new GatewayBenchOptions(20, 32, 10, 2, 10_000, "http://127.0.0.1:8080",
                        "http://127.0.0.1:8083", "http://127.0.0.1:8082", ".local/admin.env", "both"));
    }

    @Test
    void helpAsksForTheUsage() {
        assertThat(GatewayBenchOptions.parse(List.of("--seconds=5", "--help"))).isNull();
    }

    @Test
    void anUnknownOrMalformedOptionIsRefusedRatherThanIgnored() {
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayBenchOptions.parse(List.of("--threads=4")))
                .withMessageContaining("unknown option --threads=4");
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayBenchOptions.parse(List.of("seconds=5")));
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayBenchOptions.parse(List.of("--connections=0")))
                .withMessageContaining("--connections must be a whole number of at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayBenchOptions.parse(List.of("--seconds=long")));
        assertThatIllegalArgumentException().isThrownBy(() -> GatewayBenchOptions.parse(List.of("--only=redis")))
                .withMessageContaining("--only must be one of");
    }
}
