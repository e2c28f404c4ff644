package com.tickitecking.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.util.List;
import java.util.Map;

/**
 * @param jwksUri     user-service's JWKS, fetched once and cached by the decoder
 * @param issuer      the {@code iss} every token must carry
 * @param services    each service's base URL by name (routes and API docs)
 * @param publicPaths requests that need no token, as {@code "GET /api/v1/concerts/**"}
 * @param rateLimit   the per-caller budget
 * @param maxRequestBody the largest request body a route takes unless its metadata says otherwise
 */
@ConfigurationProperties("tickitecking.gateway")
public record GatewayProperties(String jwksUri, String issuer, Map<String, String> services, List<String> publicPaths,
                                RateLimit rateLimit, @DefaultValue("1MB") DataSize maxRequestBody) {

    public GatewayProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        rateLimit = rateLimit == null ? new RateLimit(50, 100, "tt:") : rateLimit;
    }

    /** A token bucket per caller: {@code requestsPerSecond} refill, at most {@code burst} at once. */
    public record RateLimit(int requestsPerSecond, int burst, String keyPrefix) {
    }
}
