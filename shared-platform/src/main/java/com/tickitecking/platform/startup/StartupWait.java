package com.tickitecking.platform.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Before a service builds anything that connects (the connection pool, Flyway, Redisson, the SQS listeners), waits
 * until each server it needs answers: the database, Redis, SQS and S3, as far as the service uses them. It probes with
 * back-off and says what it waits for, so a server that is slow or not there yet at start delays the start instead
 * of failing it; after {@code tickitecking.startup.max-wait} it fails with the last reason. The clients' own short
 * time-outs for running requests are left as they are.
 */
public class StartupWait implements ApplicationListener<ApplicationPreparedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(StartupWait.class);
    private static final String REDIS_CLIENT = "org.springframework.data.redis.connection.RedisConnectionFactory";
    private static final String SQS_CLIENT = "io.awspring.cloud.sqs.operations.SqsTemplate";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
        StartupWaitSettings settings = Binder.get(environment)
                .bindOrCreate("tickitecking.startup", Bindable.of(StartupWaitSettings.class));
        if (settings.enabled()) {
            for (StartupDependency dependency : dependencies(environment, settings.probeTimeout())) {
                await(dependency, settings);
            }
        }
    }

    static List<StartupDependency> dependencies(ConfigurableEnvironment environment, Duration timeout) {
        List<StartupDependency> dependencies = new ArrayList<>();
        String dbUrl = environment.getProperty("spring.datasource.url");
        if (dbUrl != null && !dbUrl.isBlank()) {
            dependencies.add(new StartupDependency("the database", withoutQuery(dbUrl), StartupProbes.database(dbUrl,
                    environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password"), timeout)));
        }
        if (present(REDIS_CLIENT)) {
            String host = environment.getProperty("spring.data.redis.host", "localhost");
            int port = environment.getProperty("spring.data.redis.port", Integer.class, 6379);
            dependencies.add(new StartupDependency("Redis", host + ":" + port, StartupProbes.redis(host, port,
                    environment.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false),
                    environment.getProperty("spring.data.redis.username"), environment.getProperty("spring.data.redis.password"), timeout)));
        }
        // Locally SQS is a stand-in that may still be starting; on AWS (no endpoint set) it is the regional service,
        // asked only by services that consume, so a service that merely has the client on its class path never waits.
        boolean sqsConfigured = environment.containsProperty("spring.cloud.aws.sqs.endpoint")
                || environment.containsProperty("tickitecking.messaging.consumes");
        if (present(SQS_CLIENT) && sqsConfigured) {
            URI endpoint = URI.create(environment.getProperty("spring.cloud.aws.sqs.endpoint",
                    "https://sqs." + environment.getProperty("spring.cloud.aws.region.static", "us-east-1") + ".amazonaws.com/"));
            dependencies.add(new StartupDependency("SQS", endpoint.toString(), StartupProbes.http(endpoint, timeout)));
        }
        // media-service's S3 stand-in locally; real S3 (no endpoint) is not waited for
        String s3 = environment.getProperty("tickitecking.s3.endpoint");
        if (s3 != null && !s3.isBlank()) {
            dependencies.add(new StartupDependency("S3", s3, StartupProbes.http(URI.create(s3), timeout)));
        }
        return dependencies;
    }

    static void await(StartupDependency dependency, StartupWaitSettings settings) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                dependency.probe().check();
                if (attempt > 1) {
                    log.info("{} at {} answers, after {} s of waiting", dependency.name(), dependency.where(), seconds(started));
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + dependency.name(), e);
            } catch (Exception e) {
                String reason = reason(e);
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(settings.maxWait()) >= 0) {
                    throw new IllegalStateException("Gave up waiting for " + dependency.name() + " at " + dependency.where()
                            + " after " + seconds(started) + " s: " + reason);
                }
                Duration delay = settings.delayAfter(attempt);
                log.warn("Waiting for {} at {} (try {}, {} s so far): {}; next try in {} ms",
                        dependency.name(), dependency.where(), attempt, seconds(started), reason, delay.toMillis());
                sleep(delay);
            }
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static long seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static boolean present(String className) {
        return ClassUtils.isPresent(className, StartupWait.class.getClassLoader());
    }

    /**
     * Runs once the context is prepared (every initializer applied, so a test's own settings are seen too) and
     * before it is refreshed, which is when the clients are built.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
