package com.tickitecking.concert.concert;

import com.tickitecking.platform.redis.RedisKeys;
import com.tickitecking.platform.web.PageResponse;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import tools.jackson.databind.json.JsonMapper;

/**
 * Concert details and the first page of the listing live in Redis (keys under the service's prefix, so tests
 * and environments stay apart), as JSON, for {@link ConcertCacheProperties#ttl()} at most. Evictions are
 * transaction-aware: they happen after the change commits, so a reader cannot re-cache the old state in between.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class ConcertCacheConfiguration {

    @Bean
    CacheManager cacheManager(RedisConnectionFactory redis, RedisKeys keys, ConcertCacheProperties properties) {
        JsonMapper json = JsonMapper.builder().build();
        RedisCacheConfiguration defaults = RedisCacheConfiguration.defaultCacheConfig()
                .prefixCacheNameWith(keys.key("cache", ""))
                .entryTtl(properties.ttl())
                .disableCachingNullValues();
        var detail = new JacksonJsonRedisSerializer<>(json, ConcertDetailResponse.class);
        var page = new JacksonJsonRedisSerializer<PageResponse<ConcertSummary>>(json,
                json.getTypeFactory().constructParametricType(PageResponse.class, ConcertSummary.class));
        return RedisCacheManager.builder(RedisCacheWriter.nonLockingRedisCacheWriter(redis, BatchStrategies.scan(500)))
                .cacheDefaults(defaults)
                .withCacheConfiguration(ConcertCache.DETAIL, defaults.serializeValuesWith(SerializationPair.fromSerializer(detail)))
                .withCacheConfiguration(ConcertCache.FIRST_PAGE, defaults.serializeValuesWith(SerializationPair.fromSerializer(page)))
                .disableCreateOnMissingCache()
                .transactionAware()
                .build();
    }
}
