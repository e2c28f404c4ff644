package com.tickitecking.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * How a service checks access tokens and which of its endpoints need none.
 *
 * @param publicPaths  endpoints open to anyone, as {@code "GET /api/v1/concerts/**"} or {@code "/v3/api-docs/**"}
 * @param jwksUri      where user-service publishes its signing keys (cached by the decoder)
 * @param publicKey    a PEM public key to use instead of the JWKS endpoint (tests, or a fixed key)
 * @param issuer       the {@code iss} every token must carry
 */
@ConfigurationProperties("tickitecking.security")
public record SecurityProperties(List<String> publicPaths, String jwksUri, String publicKey, String issuer) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        issuer = issuer == null || issuer.isBlank() ? "tickitecking" : issuer;
    }
}
