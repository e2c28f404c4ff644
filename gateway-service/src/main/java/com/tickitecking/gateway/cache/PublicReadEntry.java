package com.tickitecking.gateway.cache;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * On a route marked {@code metadata.public-read: true} (the microcached public reads, see application.yml), just
 * before Spring Cloud Gateway's LocalResponseCache filter:
 * <ul>
 * <li>drops the caller's {@code Authorization} and {@code Cookie} from the request. The cache's key is the URI plus
 * these two headers, so a logged-in buyer's poll would get an entry of its own per token; these reads answer every
 * caller alike, so every caller shares the anonymous entry. Security has already run (a bad token is still a 401)
 * and the rate limit has counted the caller by the verified token, not by the header. It drops {@code If-None-Match}
 * too: the service's 304 could not be cached, so the service is asked for the 200 the cache stores.</li>
 * <li>answers a conditional GET whose {@code If-None-Match} names the response's ETag with 304, also when the response
 * comes from the cache: LocalResponseCache itself ignores {@code If-None-Match} and would send the whole body.</li>
 * </ul>
 */
@Component
public class PublicReadEntry implements GlobalFilter, Ordered {

    static final String PUBLIC_READ = "public-read";

    /** The order of Spring Cloud Gateway's ResponseCacheGatewayFilter (it is not public as a constant). */
    static final int RESPONSE_CACHE_ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 3;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!isPublicRead(exchange)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest withoutCaller = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.remove(HttpHeaders.COOKIE);
            // The service would answer a matching tag with a 304, which the cache cannot store: ask for the body,
            // and answer the tag here (NotModifiedWhenTagMatches), from the cache or not.
            headers.remove(HttpHeaders.IF_NONE_MATCH);
            headers.remove(HttpHeaders.IF_MODIFIED_SINCE);
        }).build();
        ServerWebExchange anonymous = exchange.mutate()
                .request(new WithoutCookies(withoutCaller))
                .response(new NotModifiedWhenTagMatches(exchange))
                .build();
        return chain.filter(anonymous);
    }

    /** A mutated request still answers getCookies() from the original (and the cache key reads them from there). */
    private static final class WithoutCookies extends ServerHttpRequestDecorator {

        WithoutCookies(ServerHttpRequest request) {
            super(request);
        }

        @Override
        public MultiValueMap<String, HttpCookie> getCookies() {
            return new LinkedMultiValueMap<>();
        }
    }

    static boolean isPublicRead(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null && Boolean.parseBoolean(String.valueOf(route.getMetadata().get(PUBLIC_READ)));
    }

    @Override
    public int getOrder() {
        return RESPONSE_CACHE_ORDER - 1;
    }

    /** A 200 whose ETag the request's If-None-Match names becomes a bodiless 304 (weak comparison, RFC 9110 13.1.2). */
    private static final class NotModifiedWhenTagMatches extends ServerHttpResponseDecorator {

        private final List<String> ifNoneMatch;

        NotModifiedWhenTagMatches(ServerWebExchange exchange) {
            super(exchange.getResponse());
            this.ifNoneMatch = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (!notModified()) {
                return super.writeWith(body);
            }
            ServerHttpResponse response = getDelegate();
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            // the body is still read to its end (and released): on a cache miss that is what stores the entry
            return Flux.from(body).doOnNext(DataBufferUtils::release).then(response.setComplete());
        }

        private boolean notModified() {
            String etag = getHeaders().getETag();
            if (ifNoneMatch.isEmpty() || etag == null || !HttpStatus.OK.equals(getStatusCode())) {
                return false;
            }
            String tag = opaque(etag);
            return ifNoneMatch.stream()
                    .flatMap(value -> List.of(value.split(",")).stream())
                    .map(String::trim)
                    .anyMatch(candidate -> candidate.equals("*") || opaque(candidate).equals(tag));
        }

        private static String opaque(String etag) {
            return etag.startsWith("W/") ? etag.substring(2) : etag;
        }
    }
}
