package com.tickitecking.gateway.breaker;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

import java.util.Set;

/**
 * What counts against a service's circuit breaker: only the service failing. A 500, 502 or 504 it answers, a
 * time-out, a refused or dropped connection count; any 4xx (a 409 lost race, a 429, a 404) is the service working and
 * never counts, and neither is an error the caller caused on the way in (a body over the gateway's limit, a 413
 * raised while the request streams to the service). Nor does a 503 the service answers itself: that is the service
 * shedding load with a Retry-After (its pool busy in a rush), as a full bulkhead is the gateway's; counted, a rush
 * opened the breaker and turned seconds of refusals into 5 s of refusing everyone (bench onsale, docs/performance.md).
 */
public final class UpstreamFailures {

    private static final Set<Integer> FAILED = Set.of(
            HttpStatus.INTERNAL_SERVER_ERROR.value(), HttpStatus.BAD_GATEWAY.value(), HttpStatus.GATEWAY_TIMEOUT.value());

    private UpstreamFailures() {
    }

    /** True when the service's answer is a failure of the service; null (no answer yet) is none. */
    public static boolean failed(HttpStatusCode answered) {
        return answered != null && FAILED.contains(answered.value());
    }

    /** True when an error on the way to the service is the caller's doing (a 4xx), not the service's. */
    public static boolean callersFault(Throwable error) {
        return error instanceof ResponseStatusException rse && rse.getStatusCode().is4xxClientError();
    }
}
