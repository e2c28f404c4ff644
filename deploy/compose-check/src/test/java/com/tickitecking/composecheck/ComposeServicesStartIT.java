package com.tickitecking.composecheck;

import com.tickitecking.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker compose up} without Docker: every Java service of docker-compose.yml is started from its built
 * jar with exactly the environment compose gives it (host names pointed at this machine's servers and
 * stand-ins, the one-shot init services done here) and must report ready. A service that compose would leave
 * dead (a missing key, a password the policy refuses, a login the init script does not create) fails this.
 * {@code -Dcompose.file=...} checks another compose file.
 */
class ComposeServicesStartIT {

    /** Generous: several JVMs start at once on a busy two-core machine. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    /** Services started side by side (after the ones others call, which stay up): two cores. */
    private static final int AT_ONCE = 2;

    @TempDir
    Path scratch;

    @Test
    void everyComposeServiceBecomesReadyWithTheEnvironmentComposeGivesIt() {
        Path root = ServiceProcess.repositoryRoot();
        ComposeFile compose = ComposeFile.read(root.resolve(System.getProperty("compose.file", "docker-compose.yml")));
        String prefix = ComposeStart.prefix(System.getenv().getOrDefault("TICKITECKING_TEST_NAMESPACE", ""));
        Path logs = root.resolve("deploy/compose-check/target/compose-check-logs");

        List<String> failures = new ArrayList<>();
        try (LocalStandIns standIns = LocalStandIns.forBackingServices(compose, scratch)) {
            ComposeStart start = new ComposeStart(compose, standIns, scratch, prefix);
            start.initDatabase();
            try {
                failures.addAll(loginsAreTheInitScripts(start));
                failures.addAll(start.runOneShots());
                List<ComposeFile.Service> providers = start.providers();
                List<JarProcess> running = new ArrayList<>();
                try {
                    for (ComposeFile.Service provider : providers) {
                        JarProcess process = start(start, provider, root, logs);
                        running.add(process);
                        Optional<String> failure = process.awaitReady(READY_TIMEOUT);
                        failure.ifPresent(failures::add);
                        System.out.println(process.name() + (failure.isEmpty() ? " ready" : " FAILED"));
                    }
                    List<ComposeFile.Service> rest = start.javaServices().stream().filter(s -> !providers.contains(s)).toList();
                    for (int i = 0; i < rest.size(); i += AT_ONCE) {
                        List<JarProcess> batch = rest.subList(i, Math.min(rest.size(), i + AT_ONCE)).stream()
                                .map(service -> start(start, service, root, logs)).toList();
                        for (JarProcess process : batch) {
                            Optional<String> failure = process.awaitReady(READY_TIMEOUT);
                            failure.ifPresent(failures::add);
                            System.out.println(process.name() + (failure.isEmpty() ? " ready" : " FAILED"));
                        }
                        batch.forEach(JarProcess::close);
                    }
                } finally {
                    running.forEach(JarProcess::close);
                }
            } finally {
                start.dropDatabase();
            }
        }

        assertThat(failures).as("compose services that would not start").isEmpty();
    }

    /** Each service with a database logs in as a user of the init script, never as the (unset) default root. */
    private static List<String> loginsAreTheInitScripts(ComposeStart start) {
        List<String> failures = new ArrayList<>();
        for (ComposeFile.Service service : start.javaServices()) {
            Map<String, String> environment = service.environment();
            if (environment.containsKey("DB_URL") && !start.createsUser(environment.getOrDefault("DB_USERNAME", ""))) {
                failures.add(service.name() + ": DB_USERNAME=" + environment.get("DB_USERNAME")
                        + " is not a login the database init script creates");
            }
        }
        return failures;
    }

    private static JarProcess start(ComposeStart start, ComposeFile.Service service, Path root, Path logs) {
        String jar = start.jarName(service);
        return JarProcess.start(service.name(), root.resolve(jar).resolve("target").resolve(jar + ".jar"), start.port(service),
                start.environmentOf(service), logs);
    }
}
