package com.tickitecking.platform.config;

import com.tickitecking.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The platform's scheduler: a job that takes long does not hold up the others (the outbox relay among them). */
@IntegrationTest
@TestPropertySource(properties = "test.quick-interval=20ms")
class ScheduledJobsIT {

    @Autowired
    SlowJob slow;
    @Autowired
    QuickJob quick;

    @Test
    void aJobThatTakesLongDoesNotHoldUpTheOthers() throws Exception {
        assertThat(slow.started.await(10, TimeUnit.SECONDS)).isTrue();
        int before = quick.runs.get();

        await().atMost(Duration.ofSeconds(5)).until(() -> quick.runs.get() >= before + 10);

        assertThat(slow.release.getCount()).as("the slow job is still running").isEqualTo(1);
        slow.release.countDown();
    }

    @TestConfiguration
    static class Jobs {
        @Bean
        SlowJob slowJob() {
            return new SlowJob();
        }

        @Bean
        QuickJob quickJob() {
            return new QuickJob();
        }
    }

    static class SlowJob {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Scheduled(fixedDelayString = "1h")
        public void run() throws InterruptedException {
            started.countDown();
            release.await(30, TimeUnit.SECONDS);
        }
    }

    static class QuickJob {
        final AtomicInteger runs = new AtomicInteger();

        @Scheduled(fixedDelayString = "${test.quick-interval}")
        public void run() {
            runs.incrementAndGet();
        }
    }
}
