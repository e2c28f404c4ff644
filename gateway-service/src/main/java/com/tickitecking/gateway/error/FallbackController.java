package com.tickitecking.gateway.error;

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

    @RequestMapping("/fallback/{service}")
    public Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        boolean timedOut = cause instanceof TimeoutException;
        HttpStatus status = timedOut ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        String detail = timedOut ? service + " did not answer in time." : service + " is unavailable right now.";
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        return ProblemJson.write(exchange.getResponse(), status, status.getReasonPhrase(), detail,
                exchange.getRequest().getPath().value());
    }
}
