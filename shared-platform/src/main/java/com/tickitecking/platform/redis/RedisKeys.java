package com.tickitecking.platform.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every Redis key a service writes starts with one prefix ({@code tt:} by default), so several environments or
 * test classes can share one Redis without seeing each other's keys.
 */
@ConfigurationProperties("tickitecking.redis")
public record RedisKeys(String keyPrefix) {

    public RedisKeys {
        keyPrefix = keyPrefix == null ? "" : keyPrefix;
    }

    /** {@code key("refresh", "abc")} → {@code tt:refresh:abc}. */
    public String key(String... parts) {
        return keyPrefix + String.join(":", parts);
    }
}
