package com.tickitecking.user.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param privateKey      the RS256 signing key, PKCS#8 PEM (env {@code JWT_PRIVATE_KEY})
 * @param accessTokenTtl  how long an access token is good for
 * @param refreshTokenTtl how long an unused refresh token is good for
 */
@ConfigurationProperties("tickitecking.jwt")
public record JwtProperties(String privateKey, Duration accessTokenTtl, Duration refreshTokenTtl) {

    public JwtProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofDays(14) : refreshTokenTtl;
    }
}
