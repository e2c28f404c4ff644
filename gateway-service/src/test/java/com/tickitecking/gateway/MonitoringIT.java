package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.ServiceProcess;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real Prometheus (Debian's package; CI and the deploy checks install it) scraping the running system: every
 * target is up and the platform's business metrics are there, tagged by service.
 */
@IntegrationTest
class MonitoringIT extends ThroughTheGateway {

    /** Where Debian's package puts it; PROMETHEUS_BIN points elsewhere. */
    private static final String PROMETHEUS_BIN = System.getenv().getOrDefault("PROMETHEUS_BIN", "/usr/bin/prometheus");

    static Process prometheus;
    static int prometheusPort;

    // A failure, not a skip: a missing Prometheus must not pass for a green build.
    @BeforeAll
    static void requirePrometheus() {
        assertThat(Path.of(PROMETHEUS_BIN)).as("MonitoringIT needs the Prometheus server at %s: apt-get install prometheus "
                + "(deploy/checks/check-all.sh does), or set PROMETHEUS_BIN", PROMETHEUS_BIN).isExecutable();
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.destroyForcibly();
        }
    }

    @Test
    void prometheusScrapesEveryServiceAndSeesTheirBusinessMetrics() throws IOException {
        List<String> targets = new ArrayList<>();
        RunningSystem.services().values().forEach(service -> targets.add("'127.0.0.1:" + service.port() + "'"));
        targets.add("'127.0.0.1:" + port + "'");
        startPrometheus(targets);
        TestHttp api = TestHttp.at(prometheusPort);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode active = api.get("/api/v1/targets").json().get("data").get("activeTargets");
            assertThat(active).hasSize(targets.size());
            assertThat(active).allSatisfy(target -> assertThat(target.get("health").asString()).isEqualTo("up"));
        });
        Set<String> services = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode result = api.get("/api/v1/query?query=tickitecking_outbox_backlog").json().get("data").get("result");
            result.forEach(series -> services.add(series.get("metric").get("service").asString()));
            assertThat(services).contains("concert-service", "seat-service", "reservation-service", "media-service");
        });
        JsonNode up = api.get("/api/v1/query?query=up").json().get("data").get("result");
        assertThat(up).allSatisfy(series -> assertThat(series.get("value").get(1).asString()).isEqualTo("1"));
    }

    private static void startPrometheus(List<String> targets) throws IOException {
        Path dir = Files.createTempDirectory("prometheus-it");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: tickitecking
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(targets.stream().collect(Collectors.joining(", "))));
        prometheusPort = ServiceProcess.freePort();
        prometheus = new ProcessBuilder(PROMETHEUS_BIN, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    }
}
