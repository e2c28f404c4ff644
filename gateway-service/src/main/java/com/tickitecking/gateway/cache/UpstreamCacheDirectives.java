package com.tickitecking.gateway.cache;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;

/**
 * On a public-read route, the upstream's {@code Cache-Control} as LocalResponseCache must read it, set on the response
 * just before that filter decides whether to store it:
 * <ul>
 * <li>one header value per directive. Spring Cloud Gateway 5.0.4 compares each whole value with {@code private} and
 * {@code no-store} (spring-cloud/spring-cloud-gateway issue 3431), so
 * {@code no-cache, no-store, max-age=0, must-revalidate} would be stored; split, {@code no-store} is seen.</li>
 * <li>{@code metadata.cache-control}, when the route sets one, replaces a 200's header first: concert-service answers
 * a concert's public detail with Spring Security's default {@code no-cache, no-store, ...}, which is no statement
 * about that resource; the route says what the detail really allows.</li>
 * </ul>
 */
@Component
public class UpstreamCacheDirectives implements GlobalFilter, Ordered {

    static final String CACHE_CONTROL = "cache-control";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!PublicReadEntry.isPublicRead(exchange)) {
            return chain.filter(exchange);
        }
        Route route = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object override = route.getMetadata().get(CACHE_CONTROL);
        return chain.filter(exchange.mutate().response(new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                HttpHeaders headers = getHeaders();
                if (override != null && HttpStatus.OK.equals(getStatusCode())) {
                    headers.set(HttpHeaders.CACHE_CONTROL, override.toString());
                    headers.remove(HttpHeaders.PRAGMA);
                    headers.remove(HttpHeaders.EXPIRES);
                }
                List<String> directives = headers.getOrEmpty(HttpHeaders.CACHE_CONTROL).stream()
                        .flatMap(value -> Arrays.stream(value.split(",")))
                        .map(directive -> directive.trim().toLowerCase(java.util.Locale.ROOT))
                        .filter(directive -> !directive.isEmpty())
                        .toList();
                if (!directives.isEmpty()) {
                    headers.put(HttpHeaders.CACHE_CONTROL, directives);
                }
                return super.writeWith(body);
            }
        }).build());
    }

    /** After the cache filter wrapped the response, so this decorator's writeWith runs before the cache's check. */
    @Override
    public int getOrder() {
        return PublicReadEntry.RESPONSE_CACHE_ORDER + 1;
    }
}
