package com.tickitecking.gateway.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Every error the gateway itself produces (no route, bad method, upstream failure) as problem+json. An access token
 * that cannot be checked because its keys cannot be fetched (Spring Security's AuthenticationServiceException,
 * rethrown by the resource server) is a 503 with Retry-After.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);
    /** Seconds: the JWKS client's time-out is 2 s, a retry sooner would likely wait the same. */
    private static final String KEYS_RETRY_AFTER = "2";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatus status = statusOf(error);
        if (status.is5xxServerError()) {
            log.warn("{} {} failed: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error.toString());
        }
        if (error instanceof AuthenticationServiceException) {
            // the token could not be checked (its keys did not come): not the caller's fault, and retryable
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, KEYS_RETRY_AFTER);
            return ProblemJson.write(exchange.getResponse(), status, "Service unavailable",
                    "The access token cannot be checked right now; try again shortly.", exchange.getRequest().getPath().value());
        }
        String detail = status.is5xxServerError() ? "The gateway could not complete this request." : reasonOf(error, status);
        return ProblemJson.write(exchange.getResponse(), status, status.getReasonPhrase(), detail,
                exchange.getRequest().getPath().value());
    }

    private static HttpStatus statusOf(Throwable error) {
        if (error instanceof ResponseStatusException rse) {
            HttpStatus status = HttpStatus.resolve(rse.getStatusCode().value());
            return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        if (error instanceof AuthenticationServiceException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (error instanceof TimeoutException) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (error instanceof ConnectException || error.getCause() instanceof ConnectException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String reasonOf(Throwable error, HttpStatus status) {
        if (error instanceof ResponseStatusException rse && rse.getReason() != null) {
            return rse.getReason();
        }
        return status.getReasonPhrase();
    }
}
