package com.tickitecking.user.throttle;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.user.UserApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Password guessing against the real service, Redis and database; each test's client speaks from its own address. */
@IntegrationTest
@TestPropertySource(properties = {
        "tickitecking.throttle.login.per-username.free-failures=5",
        "tickitecking.throttle.login.per-username.first-wait=5s",
        "tickitecking.throttle.login.per-username.max-wait=10s",
        "tickitecking.throttle.login.per-address.free-failures=10",
        "tickitecking.throttle.login.per-address.first-wait=5s",
        "tickitecking.throttle.login.per-address.max-wait=10s",
        "tickitecking.throttle.signup.per-address=100"})
class LoginThrottleIT {

    static final String WRONG = "Wrong123!x";

    @LocalServerPort
    int port;
    private UserApi from(String address) {
        return UserApi.from(port, address);
    }

    @Test
    void twentyWrongPasswordsMakeTheNextTriesWaitWhileAnotherUserLogsInAsUsual() {
        UserApi attacker = from("198.51.100.1");
        attacker.signup("victim", "victim@example.com", null);
        attacker.signup("bystander", "bystander@example.com", null);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(attacker.login("victim", WRONG).status());
        }
        var rightPasswordDuringTheWait = attacker.login("victim", UserApi.PASSWORD);
        var bystander = from("203.0.113.5").login("bystander", UserApi.PASSWORD);

        assertThat(statuses.subList(0, 6)).as("five free failures, and the sixth starts the wait").containsOnly(401);
        assertThat(statuses.subList(6, 20)).as("tries during the wait").contains(429);
        assertThat(rightPasswordDuringTheWait.status()).as(rightPasswordDuringTheWait.toString()).isEqualTo(429);
        assertThat(rightPasswordDuringTheWait.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(rightPasswordDuringTheWait.header("Retry-After"))).isBetween(1L, 10L);
        assertThat(bystander.status()).isEqualTo(200);

        // once the wait is over the right password works, and it starts the count afresh
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> attacker.login("victim", UserApi.PASSWORD).status() == 200);
        for (int i = 0; i < 4; i++) {
            assertThat(attacker.login("victim", WRONG).status()).as("failure %d after the reset", i + 1).isEqualTo(401);
        }
    }

    @Test
    void aBurstOfParallelGuessesGetsNoMorePasswordChecksThanTheFreeOnes() throws Exception {
        UserApi attacker = from("198.51.100.2");
        attacker.signup("burstee", "burstee@example.com", null);

        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(30)) {
            List<Future<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                tries.add(pool.submit(() -> attacker.login("burstee", WRONG).status()));
            }
            for (Future<Integer> attempt : tries) {
                statuses.add(attempt.get());
            }
        }

        // the five free tries and the one that starts the wait; the other 24 refused without a password check
        assertThat(statuses.stream().filter(s -> s == 401).count()).isEqualTo(6);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(24);
    }

    @Test
    void oneAddressGuessingAcrossManyUsernamesWaitsEvenForAUsernameItNeverTried() {
        UserApi sprayer = from("198.51.100.3");
        for (String name : List.of("spray1", "spray2", "spray3", "spray4", "spray5")) {
            sprayer.signup(name, name + "@example.com", null);
        }

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(sprayer.login("spray" + (1 + i % 4), WRONG).status());
        }
        var fromTheSprayingAddress = sprayer.login("spray5", UserApi.PASSWORD);
        var fromAnotherAddress = from("203.0.113.6").login("spray5", UserApi.PASSWORD);

        assertThat(statuses).as("no username reaches its own limit; the 11th failure starts the address's wait").containsOnly(401);
        assertThat(fromTheSprayingAddress.status()).as(fromTheSprayingAddress.toString()).isEqualTo(429);
        assertThat(fromTheSprayingAddress.header("Retry-After")).isNotNull();
        assertThat(fromAnotherAddress.status()).isEqualTo(200);
    }

    @Test
    void aUsernameCountsTheSameWhateverItsLetterCase() {
        UserApi attacker = from("198.51.100.4");
        attacker.signup("casey", "casey@example.com", null);

        List<Integer> statuses = new ArrayList<>();
        for (String spelling : List.of("casey", "Casey", "CASEY", "cAsey", "caSey", "casEy", "caseY")) {
            statuses.add(attacker.login(spelling, WRONG).status());
        }

        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 401, 429);
    }
}
