package com.tickitecking.platform.redis;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@AutoConfiguration
@EnableConfigurationProperties(RedisKeys.class)
public class RedisKeysConfiguration {
}
