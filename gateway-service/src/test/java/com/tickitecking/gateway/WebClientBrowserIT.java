package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web client in a real browser: Debian's Chromium (installed by {@code web/scripts/chromium.sh} when missing),
 * driven by playwright-core from Node's test runner ({@code web/e2e/*.test.mjs}), against this gateway in front of the
 * {@link RunningSystem}, every service its own process. The scripts assert, run axe-core on each page and leave a
 * screenshot of each key page in {@code web/e2e/screenshots/}; this test passes when they all pass.
 */
@IntegrationTest
class WebClientBrowserIT extends ThroughTheGateway {

    private static final Path WEB = Path.of("..", "web");
    private static final Duration AT_MOST = Duration.ofMinutes(15);

    @Test
    void theWebClientsBrowserTestsPass() throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target")).resolve("web-e2e.txt");
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec", "e2e/")
                .directory(WEB.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = node.environment();
        environment.put("BASE_URL", "http://127.0.0.1:" + port);
        environment.put("ADMIN_USERNAME", RunningSystem.ADMIN);
        environment.put("ADMIN_PASSWORD", RunningSystem.ADMIN_PASSWORD);
        // user-service's signing key, so a test can make an access token that has run out (web/e2e/session.test.mjs)
        environment.put("JWT_PRIVATE_KEY", TestKeys.privateKeyPem());
        Process run = node.start();
        boolean done = run.waitFor(AT_MOST.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        if (!done) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.print(output);
        assertThat(done).as("the browser tests ended within %s:%n%s", AT_MOST, output).isTrue();
        assertThat(run.exitValue()).as("the browser tests (web/e2e, output in %s):%n%s", log, output).isZero();
    }
}
