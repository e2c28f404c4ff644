package com.tickitecking.gateway.limits;

import com.tickitecking.gateway.error.ProblemJson;
import com.tickitecking.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses a request body larger than its route allows with 413 problem+json, before it reaches a service: at once
 * when the Content-Length says so, and while streaming when the body comes chunked. A route sets its own limit as
 * {@code metadata.max-request-body} (uploads); every other route has {@code tickitecking.gateway.max-request-body}.
 * Spring Cloud Gateway's RequestSize filter checks only the Content-Length and answers without a problem document.
 */
@Component
public class RequestBodyLimit implements GlobalFilter, Ordered {

    static final String ROUTE_LIMIT = "max-request-body";

    private final DataSize defaultLimit;

    public RequestBodyLimit(GatewayProperties properties) {
        this.defaultLimit = properties.maxRequestBody();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long limit = limitOf(exchange);
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return ProblemJson.write(exchange.getResponse(), HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    tooLarge(limit), exchange.getRequest().getPath().value());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(counting(exchange.getRequest(), limit)).build());
    }

    private long limitOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object own = route == null ? null : route.getMetadata().get(ROUTE_LIMIT);
        return own == null ? defaultLimit.toBytes() : DataSize.parse(own.toString()).toBytes();
    }

    private static ServerHttpRequest counting(ServerHttpRequest request, long limit) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit)));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
    }

    private static String tooLarge(long limit) {
        return "The request body may be at most " + limit + " bytes.";
    }

    /** After the route is known (routing happens before global filters run) and before anything reads the body. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
