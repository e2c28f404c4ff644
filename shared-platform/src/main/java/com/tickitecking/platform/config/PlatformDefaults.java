package com.tickitecking.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Settings every service shares (actuator, metrics tags, error rendering, infrastructure env vars), added with
 * the lowest precedence so a service's own {@code application.yml} or the environment can override each one.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "tickitecking-platform-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("platform-defaults.properties"));
            Map<String, Object> values = new HashMap<>();
            defaults.forEach((key, value) -> values.put((String) key, value));
            addIfSet(environment, values, "SQS_ENDPOINT", "spring.cloud.aws.sqs.endpoint");
            addIfSet(environment, values, "REDIS_PASSWORD", "spring.data.redis.password");
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, values));
        } catch (IOException e) {
            throw new IllegalStateException("platform-defaults.properties is missing", e);
        }
    }

    /**
     * Set only when given: an empty SQS endpoint would break the SDK on AWS, and an empty Redis password makes
     * Redisson send an AUTH that a password-less Redis refuses.
     */
    private static void addIfSet(ConfigurableEnvironment environment, Map<String, Object> values, String env, String key) {
        String value = environment.getProperty(env);
        if (value != null && !value.isBlank()) {
            values.put(key, value);
        }
    }
}
