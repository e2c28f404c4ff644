package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A rush is many requests in flight on one route at once; the gateway must carry them, not shed them. */
@IntegrationTest
class GatewayConcurrencyIT extends InFrontOfEchoBackend {

    static final int IN_FLIGHT = 80;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("tickitecking.gateway.rate-limit.requests-per-second", () -> "100000");
        registry.add("tickitecking.gateway.rate-limit.burst", () -> "100000");
    }

    @Test
    void carriesManyMoreConcurrentRequestsPerRouteThanTheDefaultBulkheadOf25() throws Exception {
        Callable<Integer> slowRead = () -> TestHttp.at(port).get("/api/v1/concerts/1/busy").status();

        List<Integer> statuses;
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> answers = IntStream.range(0, IN_FLIGHT).mapToObj(i -> clients.submit(slowRead)).toList();
            statuses = answers.stream().map(GatewayConcurrencyIT::get).toList();
        }

        assertThat(statuses).hasSize(IN_FLIGHT).containsOnly(200);
    }

    private static int get(Future<Integer> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
