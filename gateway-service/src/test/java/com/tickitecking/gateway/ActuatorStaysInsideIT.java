package com.tickitecking.gateway;

import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Metrics and health answer a request that came straight to the gateway, never one that came through a proxy. */
@IntegrationTest
class ActuatorStaysInsideIT extends InFrontOfEchoBackend {

    @Test
    void servesMetricsToADirectCaller() {
        assertThat(TestHttp.at(port).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(TestHttp.at(port).get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void hidesTheActuatorFromARequestThatCameThroughTheLoadBalancer() {
        TestHttp throughTheLoadBalancer = TestHttp.at(port).header("X-Forwarded-For", "203.0.113.7");

        for (String path : new String[]{"/actuator/prometheus", "/actuator", "/actuator/health", "/%61ctuator/prometheus"}) {
            var response = throughTheLoadBalancer.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }
}
