package com.tickitecking.user.throttle;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.user.UserApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@TestPropertySource(properties = {"tickitecking.throttle.signup.per-address=3", "tickitecking.throttle.signup.window=1h"})
class SignupThrottleIT {

    @LocalServerPort
    int port;
    private UserApi from(String address) {
        return UserApi.from(port, address);
    }

    @Test
    void oneAddressGetsSoManySignupsAnHourAndIsToldWhenItMayGoOn() {
        UserApi client = from("198.51.100.20");

        List<Integer> statuses = new ArrayList<>();
        for (String name : List.of("first1", "second2", "third3")) {
            statuses.add(client.signup(name, name + "@example.com", null).status());
        }
        var fourth = client.signup("fourth4", "fourth4@example.com", null);
        var elsewhere = from("203.0.113.20").signup("fourth4", "fourth4@example.com", null);

        assertThat(statuses).containsExactly(201, 201, 201);
        assertThat(fourth.status()).as(fourth.toString()).isEqualTo(429);
        assertThat(fourth.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(3_000L, 3_600L);
        assertThat(elsewhere.status()).isEqualTo(201);
    }

    @Test
    void parallelSignupsFromOneAddressCannotSlipPastTheLimit() throws Exception {
        UserApi client = from("198.51.100.21");

        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            List<Future<Integer>> signups = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "rush" + i;
                signups.add(pool.submit(() -> client.signup(name, name + "@example.com", null).status()));
            }
            for (Future<Integer> signup : signups) {
                statuses.add(signup.get());
            }
        }

        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(3);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(9);
    }
}
