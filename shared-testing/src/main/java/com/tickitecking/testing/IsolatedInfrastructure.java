package com.tickitecking.testing;

import com.tickitecking.localaws.LocalCredentials;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Points a test class's application context at the real servers, with data no other test class sees: its own
 * database (dropped and created afresh), its own Redis key prefix (emptied), its own SQS queues and S3 bucket,
 * and the test signing key. Because the settings depend on the test class, each class gets its own context.
 */
public final class IsolatedInfrastructure implements ContextCustomizer {

    private final String name;

    private IsolatedInfrastructure(Class<?> testClass) {
        this.name = TestNames.of(testClass);
    }

    /** Registered by {@link IntegrationTest}. */
    public static final class Factory implements ContextCustomizerFactory {
        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
            return new IsolatedInfrastructure(testClass);
        }
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        var sources = context.getEnvironment().getPropertySources();
        var isolated = new MapPropertySource(SOURCE, properties(name));
        // Below a test's own @TestPropertySource / @DynamicPropertySource values, so a test can still override one.
        String lastTestSource = null;
        for (var source : sources) {
            if (TEST_SOURCES.contains(source.getName())) {
                lastTestSource = source.getName();
            }
        }
        if (lastTestSource == null) {
            sources.addFirst(isolated);
        } else {
            sources.addAfter(lastTestSource, isolated);
        }
    }

    private static final String SOURCE = "isolated-test-infrastructure";

    /**
     * Starts the test's application a second time, on a free port, against the same database, Redis prefix, queues
     * and bucket as the test class's context (read from that context's environment), with {@code settings} on top:
     * two instances of a service side by side. Close it in the test.
     */
    public static ConfigurableApplicationContext secondInstance(Class<?> application, ConfigurableEnvironment testEnvironment,
                                                                Map<String, Object> settings) {
        if (!(testEnvironment.getPropertySources().get(SOURCE) instanceof MapPropertySource isolated)) {
            throw new IllegalStateException("not the environment of an @IntegrationTest's context");
        }
        Map<String, Object> properties = new HashMap<>(isolated.getSource());
        properties.put("server.port", "0");
        properties.putAll(settings);
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.SERVLET)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("second-instance", properties)))
                .run();
    }

    private static final java.util.Set<String> TEST_SOURCES = java.util.Set.of("Inlined Test Properties", "Dynamic Test Properties");

    /** Everything a service needs to run against this test's slice of the servers; also used for child processes. */
    public static Map<String, Object> properties(String name) {
        TestServers.Database database = TestServers.database();
        TestServers.Redis redis = TestServers.redis();
        String databaseName = "it_" + name;
        String redisPrefix = "it:" + name + ":";
        String queuePrefix = "it-" + name.replace('_', '-') + "-";
        String bucket = "it-" + name.replace('_', '-');
        recreateDatabase(database, databaseName);
        RedisCleaner.deleteKeys(redis, redisPrefix);
        TestServers.sqs().createQueues(queuePrefix);
        TestServers.s3().createBucket(bucket);

        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.url(databaseName));
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.datasource.hikari.maximum-pool-size", "8");
        properties.put("spring.data.redis.host", redis.host());
        properties.put("spring.data.redis.port", String.valueOf(redis.port()));
        properties.put("tickitecking.redis.key-prefix", redisPrefix);
        properties.put("spring.cloud.aws.sqs.endpoint", TestServers.sqs().endpoint().toString());
        properties.put("spring.cloud.aws.region.static", LocalCredentials.REGION.id());
        properties.put("spring.cloud.aws.credentials.access-key", LocalCredentials.ACCESS_KEY);
        properties.put("spring.cloud.aws.credentials.secret-key", LocalCredentials.SECRET_KEY);
        properties.put("tickitecking.messaging.queue-prefix", queuePrefix);
        properties.put("tickitecking.messaging.relay.poll-interval", "100ms");
        // one connection of its own for the relay: each cached test context holds its pools open, and the
        // database's connections are shared by every test JVM on the machine
        properties.put("tickitecking.messaging.relay.connections", "1");
        properties.put("tickitecking.s3.endpoint", TestServers.s3().endpoint().toString());
        properties.put("tickitecking.s3.bucket", bucket);
        properties.put("tickitecking.s3.path-style", "true");
        properties.put("tickitecking.security.public-key", TestKeys.publicKeyPem());
        properties.put("tickitecking.jwt.private-key", TestKeys.privateKeyPem());
        properties.put("tickitecking.waiting-room.private-key", TestKeys.admissionPrivateKeyPem());
        return properties;
    }

    private static void recreateDatabase(TestServers.Database database, String databaseName) {
        try (var connection = DriverManager.getConnection(database.jdbcBase() + "/", database.username(), database.password());
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + databaseName + "`");
            statement.execute("CREATE DATABASE `" + databaseName + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + databaseName, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IsolatedInfrastructure that && that.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name);
    }
}
