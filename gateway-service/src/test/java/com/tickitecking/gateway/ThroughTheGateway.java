package com.tickitecking.gateway;

import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test that goes through this gateway in front of the {@link RunningSystem}: every service a process of its own,
 * events over the embedded SQS. Subclasses are {@code @IntegrationTest}s and talk to {@link #gateway} like a client.
 */
abstract class ThroughTheGateway {

    @DynamicPropertySource
    static void system(DynamicPropertyRegistry registry) {
        RunningSystem.gatewayProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;
    TestHttp gateway;

    @BeforeEach
    void openGateway() {
        gateway = TestHttp.at(port);
    }
}
