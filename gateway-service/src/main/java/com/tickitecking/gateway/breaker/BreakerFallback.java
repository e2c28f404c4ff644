package com.tickitecking.gateway.breaker;

import com.tickitecking.gateway.error.ProblemJson;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeoutException;

/**
 * The gateway's answer when a route's service is down, too slow, or known to be failing: an immediate 503 (504 after
 * the route's time-out) problem+json with Retry-After, instead of a hang.
 */
final class BreakerFallback {

    private static final Logger log = LoggerFactory.getLogger(BreakerFallback.class);
    /** Seconds: an open circuit stays open for resilience4j's wait-duration-in-open-state (5 s). */
    private static final String OPEN_RETRY_AFTER = "5";
    /** Seconds: a time-out or a full bulkhead is one request's bad luck; a poller comes back soon. */
    private static final String BUSY_RETRY_AFTER = "2";

    private BreakerFallback() {
    }

    static Mono<Void> answer(ServerWebExchange exchange, String service, Throwable cause) {
        boolean open = cause instanceof CallNotPermittedException;
        boolean shed = cause instanceof BulkheadFullException;
        boolean timedOut = cause instanceof TimeoutException
                || cause instanceof ResponseStatusException rse && rse.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
        String path = exchange.getRequest().getPath().value();
        if (!open && !shed) {
            // an open circuit is already known; anything else is why it may open, worth a line
            log.warn("{} failed for {}: {}", service, path, String.valueOf(cause));
        }
        HttpStatus status = timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        String detail = timedOut ? service + " did not answer in time."
                : shed ? service + " has too many requests in flight; try again shortly."
                : service + " is unavailable right now.";
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, open ? OPEN_RETRY_AFTER : BUSY_RETRY_AFTER);
        return ProblemJson.write(exchange.getResponse(), status, status.getReasonPhrase(), detail, path);
    }
}
