package com.tickitecking.gateway.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the gateway enforces the waiting room on holds.
 *
 * @param jwksUri      reservation-service's admission JWKS (env {@code ADMISSION_JWKS_URI}); fetched on first use and
 *                     cached by the decoder, fetched again when a token names a key it does not know (rotation)
 * @param keyPrefix    the Redis key prefix reservation-service writes the flags with ({@code tickitecking.redis.key-prefix})
 * @param flagCache    how long a concert's flag is kept here before Redis is asked again (the contract allows ≤ 1 s)
 * @param redisTimeout how long a flag read may take before the hold is refused with 503 (fail closed)
 * @param retryAfter   what the 503 tells the client to wait
 * @param clockSkew    how far past its {@code exp} a token is still taken: the token lives minutes, so little
 */
@ConfigurationProperties("tickitecking.gateway.admission")
public record AdmissionProperties(String jwksUri, @DefaultValue("tt:") String keyPrefix,
                                  @DefaultValue("1s") Duration flagCache, @DefaultValue("300ms") Duration redisTimeout,
                                  @DefaultValue("2s") Duration retryAfter, @DefaultValue("5s") Duration clockSkew) {

    /** The longest the contract lets a gateway go on believing a flag it read. */
    static final Duration MAX_FLAG_CACHE = Duration.ofSeconds(1);

    public AdmissionProperties {
        if (jwksUri == null || jwksUri.isBlank()) {
            throw new IllegalArgumentException("tickitecking.gateway.admission.jwks-uri (ADMISSION_JWKS_URI) must be set");
        }
        if (flagCache.compareTo(MAX_FLAG_CACHE) > 0) {
            throw new IllegalArgumentException("tickitecking.gateway.admission.flag-cache may be at most " + MAX_FLAG_CACHE
                    + ": a concert's waiting room must take effect within a second");
        }
    }
}
