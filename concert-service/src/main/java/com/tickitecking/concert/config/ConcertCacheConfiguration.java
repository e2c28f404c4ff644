package com.tickitecking.concert.config;

import com.tickitecking.concert.concert.ConcertCache;
import com.tickitecking.concert.concert.ConcertCacheProperties;
import com.tickitecking.concert.concert.ConcertDetailResponse;
import com.tickitecking.concert.concert.ConcertSummary;
import com.tickitecking.platform.redis.RedisKeys;
import com.tickitecking.platform.web.PageResponse;
import org.springframework.cache.CacheManager;
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
 * and environments stay apart), as JSON, for {@link ConcertCacheProperties#ttl()} at most. The cache is an
 * optimisation, never a dependency: when Redis fails, reads go to the database and {@link ConcertCache} logs it.
 */
@Configuration(proxyBeanMethods = false)
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
        // Immediate writes: by default Spring Data Redis 4 writes asynchronously with Lettuce, and a read right
        // after a change could still find the old entry. SCAN, not KEYS, to clear the first-page entries.
        RedisCacheWriter writer = RedisCacheWriter.create(redis,
                configurer -> configurer.batchStrategy(BatchStrategies.scan(500)).immediateWrites());
        return RedisCacheManager.builder(writer)
                .cacheDefaults(defaults)
                .withCacheConfiguration(ConcertCache.DETAIL, defaults.serializeValuesWith(SerializationPair.fromSerializer(detail)))
                .withCacheConfiguration(ConcertCache.FIRST_PAGE, defaults.serializeValuesWith(SerializationPair.fromSerializer(page)))
                .disableCreateOnMissingCache()
                .build();
    }
}
