package com.tickitecking.gateway.error;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.concurrent.TimeoutException;

/**
 * Where a route's circuit breaker sends a request whose service is down, too slow, or known to be failing:
 * an immediate 503 (or 504 after the route's time-out) with Retry-After, instead of a hang.
 */
@RestController
public class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    public Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean timedOut = cause instanceof TimeoutException;
        boolean shed = cause instanceof BulkheadFullException;
        if (!(cause instanceof CallNotPermittedException) && !shed) {
            // An open circuit is already known; anything else is why it may open, worth a line.
            log.warn("{} failed for {}: {}", service, exchange.getRequest().getPath().value(), String.valueOf(cause));
        }
        HttpStatus status = timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        String detail = timedOut ? service + " did not answer in time."
                : shed ? service + " has too many requests in flight; try again shortly."
                : service + " is unavailable right now.";
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return ProblemJson.write(exchange.getResponse(), status, status.getReasonPhrase(), detail,
                exchange.getRequest().getPath().value());
    }
}
