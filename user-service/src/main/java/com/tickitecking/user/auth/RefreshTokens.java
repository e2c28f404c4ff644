package com.tickitecking.user.auth;

import com.tickitecking.platform.redis.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Opaque refresh tokens kept in Redis (only their SHA-256, never the token) with a TTL. Using one deletes it
 * atomically (GETDEL), so of two concurrent refreshes only one wins. A token that was already rotated and is
 * presented again is a sign of theft: every refresh token of that user is revoked.
 */
@Component
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final JwtProperties properties;

    public RefreshTokens(StringRedisTemplate redis, RedisKeys keys, JwtProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.properties = properties;
    }

    public String issue(long userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = hash(token);
        redis.opsForValue().set(activeKey(hash), String.valueOf(userId), properties.refreshTokenTtl());
        redis.opsForSet().add(userKey(userId), hash);
        redis.expire(userKey(userId), properties.refreshTokenTtl());
        return token;
    }

    /** Consumes a token; returns its user, or empty when it is unknown, expired, revoked or reused. */
    public OptionalLong consume(String token) {
        String hash = hash(token);
        String userId = redis.opsForValue().getAndDelete(activeKey(hash));
        if (userId == null) {
            String reusedBy = redis.opsForValue().get(usedKey(hash));
            if (reusedBy != null) {
                revokeAll(Long.parseLong(reusedBy));
            }
            return OptionalLong.empty();
        }
        long id = Long.parseLong(userId);
        redis.opsForSet().remove(userKey(id), hash);
        redis.opsForValue().set(usedKey(hash), userId, properties.refreshTokenTtl());
        return OptionalLong.of(id);
    }

    /** Revokes one token (logout); unknown tokens are ignored. */
    public void revoke(String token) {
        String hash = hash(token);
        String userId = redis.opsForValue().getAndDelete(activeKey(hash));
        if (userId != null) {
            redis.opsForSet().remove(userKey(Long.parseLong(userId)), hash);
        }
    }

    public void revokeAll(long userId) {
        var hashes = redis.opsForSet().members(userKey(userId));
        if (hashes != null && !hashes.isEmpty()) {
            redis.delete(hashes.stream().map(this::activeKey).toList());
        }
        redis.delete(userKey(userId));
    }

    private String activeKey(String hash) {
        return keys.key("refresh", hash);
    }

    private String usedKey(String hash) {
        return keys.key("refresh-used", hash);
    }

    private String userKey(long userId) {
        return keys.key("refresh-user", String.valueOf(userId));
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
