package com.tickitecking.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
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
        rateLimit = rateLimit == null ? new RateLimit(50, 100, "tt:", null) : rateLimit;
    }

    /**
     * A token bucket per caller: {@code requestsPerSecond} refill, at most {@code burst} at once, shared in Redis.
     *
     * @param batch how much of the caller's rate one Redis call takes at once, spent locally by the instance
     *              ({@code requestsPerSecond × batch} tokens, at least 1, at most the burst; 100 ms: 5 at 50/s)
     */
    public record RateLimit(int requestsPerSecond, int burst, String keyPrefix, Duration batch) {

        public RateLimit {
            batch = batch == null ? Duration.ofMillis(100) : batch;
        }

        /** Tokens one Redis call takes for a caller. */
        public long batchTokens() {
            long tokens = requestsPerSecond * batch.toMillis() / 1000;
            return Math.max(1, Math.min(burst, tokens));
        }
    }
}
