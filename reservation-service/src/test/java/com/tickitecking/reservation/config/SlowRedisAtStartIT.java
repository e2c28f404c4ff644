package com.tickitecking.reservation.config;

import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import com.tickitecking.testing.TcpProxy;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestServers;
import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.TestEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Redis that does not answer while the service starts (as on a machine starting six JVMs on two cores, where a
 * PING took longer than the 600 ms command time-out) delays the service's readiness, not its life. The start-up
 * wait is off here, so this is Redisson's own start being tested.
 */
@IntegrationTest
@TestPropertySource(properties = "tickitecking.startup.enabled=false")
class SlowRedisAtStartIT extends ThroughTheApi {

    private static final TcpProxy PROXY = stalledProxy();

    @DynamicPropertySource
    static void redisThroughProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", () -> String.valueOf(PROXY.port()));
    }

    @AfterAll
    static void closeProxy() {
        PROXY.close();
    }

    @Test
    void startsWhileRedisDoesNotAnswerAndHoldsOnceItDoes() {
        // given: the service started while every Redis connection was stalled
        TestHttp service = TestHttp.at(port);
        assertThat(service.get("/actuator/health/readiness").status()).isEqualTo(503);

        // when: Redis answers again
        PROXY.stall(false);

        // then: the service becomes ready and guards holds as usual
        await().atMost(Duration.ofSeconds(60)).until(() -> service.get("/actuator/health/readiness").status() == 200);
        long concertId = TestEvents.on(queuePrefix, jdbc).concertOnSale(TestEvents.hall(1, 5, Instant.now().plus(3, ChronoUnit.DAYS)));
        assertThat(ReservationApi.as(port, 1).hold(concertId, "FLOOR-A-1").status()).isEqualTo(201);
    }

    private static TcpProxy stalledProxy() {
        TcpProxy proxy = new TcpProxy(TestServers.redis().host(), TestServers.redis().port());
        proxy.stall(true);
        return proxy;
    }
}
