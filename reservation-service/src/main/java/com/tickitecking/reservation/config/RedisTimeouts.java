package com.tickitecking.reservation.config;

import org.redisson.config.BaseConfig;
import org.redisson.config.ConstantDelay;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Redisson's defaults retry a failed command for several seconds. A hold must not wait that long for an
 * unreachable Redis: with these settings a Redis outage turns into a 503 in well under a second, and the hold is
 * never written without its guards.
 * <p>
 * Those time-outs are too short for Redisson's start, which opens and PINGs its whole connection pool at once:
 * with six JVMs starting on two cores a PING took longer than 600 ms and the service died. So Redisson connects
 * lazily, on the first command (the readiness check's); a slow first connection then makes the service not ready
 * yet, and the next check tries again, instead of ending the process.
 */
@Configuration(proxyBeanMethods = false)
public class RedisTimeouts {

    /**
     * @param connectTimeout how long to wait for a TCP connection
     * @param timeout        how long to wait for one command's answer
     * @param retryAttempts  retries of a command that failed to be sent
     * @param retryDelay     pause between those retries
     */
    @ConfigurationProperties("tickitecking.reservation.redis")
    public record Settings(@DefaultValue("500ms") Duration connectTimeout, @DefaultValue("600ms") Duration timeout,
                           @DefaultValue("0") int retryAttempts, @DefaultValue("100ms") Duration retryDelay) {
    }

    @Bean
    RedissonAutoConfigurationCustomizer redisTimeoutsCustomizer(Settings settings) {
        return config -> {
            config.setLazyInitialization(true);
            if (config.isClusterConfig()) {
                tune(config.useClusterServers(), settings);
            } else if (config.isSentinelConfig()) {
                tune(config.useSentinelServers(), settings);
            } else {
                tune(config.useSingleServer(), settings);
            }
        };
    }

    private static void tune(BaseConfig<?> server, Settings settings) {
        server.setConnectTimeout((int) settings.connectTimeout().toMillis());
        server.setTimeout((int) settings.timeout().toMillis());
        server.setRetryAttempts(settings.retryAttempts());
        server.setRetryDelay(new ConstantDelay(settings.retryDelay()));
    }
}
