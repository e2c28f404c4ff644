package com.tickitecking.gateway.ratelimit;

import com.tickitecking.gateway.error.ProblemJson;
import com.tickitecking.gateway.security.ClientAddress;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Limits each caller (the token's user, else the client IP) on every route: 429 problem+json with Retry-After. */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final RateLimiter limiter;
    private final ClientAddress clientAddress;

    public RateLimitFilter(RateLimiter limiter, ClientAddress clientAddress) {
        this.limiter = limiter;
        this.clientAddress = clientAddress;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return callerOf(exchange)
                .flatMap(limiter::waitFor)
                .flatMap(waitMillis -> waitMillis == 0 ? chain.filter(exchange) : tooMany(exchange, waitMillis));
    }

    private Mono<String> callerOf(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> "user:" + ((JwtAuthenticationToken) principal).getToken().getSubject())
                .defaultIfEmpty("ip:" + clientAddress.of(exchange));
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, long waitMillis) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return ProblemJson.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "Slow down: try again in " + seconds + " s.", exchange.getRequest().getPath().value());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
