package com.tickitecking.testing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service promises the platform, tested the same way in each: extend it in an {@link IntegrationTest}
 * class. Ready only with its database (and Redis where it uses one), metrics tagged with its name, an OpenAPI
 * document, and problem+json for a request nobody handles.
 */
public abstract class ServiceContract {

    @LocalServerPort
    protected int port;

    @Value("${spring.application.name}")
    protected String serviceName;

    @Test
    void reportsLiveAndReady() {
        var http = TestHttp.at(port);

        assertThat(http.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheServiceName() {
        var metrics = TestHttp.at(port).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("service=\"" + serviceName + "\"");
    }

    @Test
    void documentsItsApiAsOpenApi() {
        var docs = TestHttp.at(port).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asString()).startsWith("3.");
        assertThat(docs.json().get("info").get("title").asString()).contains(serviceName);
    }

    @Test
    void answersAnUnauthenticatedWriteWithProblemJson() {
        var response = TestHttp.at(port).post("/api/v1/not-a-resource", "{}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
