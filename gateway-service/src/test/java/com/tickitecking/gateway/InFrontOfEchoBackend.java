package com.tickitecking.gateway;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A test of this gateway's own behaviour with an {@link EchoBackend} standing in for every service and for both
 * JWKS. Subclasses are {@code @IntegrationTest}s; one that needs more settings adds its own
 * {@code @DynamicPropertySource} (it must not name the keys set here).
 */
abstract class InFrontOfEchoBackend {

    /**
     * One per test JVM and never closed before the JVM exits: a context the Spring test cache still holds keeps
     * answering, and each class sees only its own requests ({@link #forgetEarlierRequests()}).
     */
    static final EchoBackend BACKEND = EchoBackend.start();

    @DynamicPropertySource
    static void echoForEveryService(DynamicPropertyRegistry registry) {
        BACKEND.standInForEveryService(registry);
    }

    @BeforeAll
    static void forgetEarlierRequests() {
        BACKEND.forgetReceived();
    }

    @LocalServerPort
    int port;
}
