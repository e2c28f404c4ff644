package com.tickitecking.gateway.admission;

import com.tickitecking.gateway.error.ProblemJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.NumberUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The waiting room's door: a hold ({@code POST /api/v1/concerts/{id}/reservations}) of a concert whose waiting room is
 * on ({@link WaitingRoomFlags}) must carry an {@code Admission-Token} header that admits the caller to that concert
 * ({@link AdmissionTokens}); otherwise 403 problem+json, {@code reason=admission-required}, before the request reaches
 * any service. When Redis cannot say whether the concert has a waiting room the hold is refused with 503 (fail closed:
 * an outage is never a way around the queue).
 *
 * <p>Cheap for everything else: any other request passes on a method and path comparison, without Redis; a hold of a
 * concert without a waiting room costs a cached flag read and no token work.
 *
 * <p>A web filter right after Spring Security's (so the caller's verified subject is known) and before the gateway's
 * routing and its global filters: a refused hold spends no rate-limit round trip to Redis and never reaches a route's
 * circuit breaker; an admitted one goes on to the rate limiter like any request.
 */
@Component
@Order(AdmissionFilter.ORDER)
public class AdmissionFilter implements WebFilter {

    /** Spring Security's web filter runs at -100 ({@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER}, not public). */
    static final int ORDER = -100 + 1;

    public static final String HEADER = "Admission-Token";
    static final String REASON_REQUIRED = "admission-required";
    static final String REASON_UNAVAILABLE = "waiting-room-unavailable";

    private static final Logger log = LoggerFactory.getLogger(AdmissionFilter.class);
    private static final String HOLDS_PREFIX = "/api/v1/concerts/";
    /** The hold and anything under it, matched on the decoded path segments as the gateway's routes are. */
    private static final PathPattern HOLD = PathPatternParser.defaultInstance.parse("/api/v1/concerts/{concertId}/reservations/{*rest}");

    private final WaitingRoomFlags flags;
    private final AdmissionTokens tokens;
    private final AdmissionProperties settings;
    private final Counter refusedCount;
    private final Counter unavailableCount;

    public AdmissionFilter(WaitingRoomFlags flags, AdmissionTokens tokens, AdmissionProperties settings, MeterRegistry meters) {
        this.flags = flags;
        this.tokens = tokens;
        this.settings = settings;
        this.refusedCount = outcome(meters, "refused");
        this.unavailableCount = outcome(meters, "unavailable");
    }

    /** Counted, not logged one by one: in a rush against a Redis outage that would be thousands of lines a second. */
    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("tickitecking.admission.refusals").tag("outcome", outcome)
                .description("Holds the gateway refused for the waiting room: no valid admission token, or Redis down")
                .register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Long concertId = holdOf(exchange);
        if (concertId == null) {
            return chain.filter(exchange);
        }
        return flags.requireAdmission(concertId)
                .onErrorMap(WaitingRoomUnknown::new)
                .flatMap(required -> required ? admitted(exchange, concertId) : Mono.just(true))
                .flatMap(admitted -> admitted ? chain.filter(exchange) : refused(exchange, concertId))
                .onErrorResume(WaitingRoomUnknown.class, e -> unavailable(exchange, e.getCause()));
    }

    /**
     * The concert a hold is for, or null for any other request. The id is read as the service reads its
     * {@code long} path variable (Spring's number conversion: {@code 007}, {@code 0x7} and {@code 7} are all concert 7),
     * so no spelling of an id finds a flag other than the concert's own; an id the service cannot read is no hold.
     */
    private static Long holdOf(ServerWebExchange exchange) {
        // POST first, the cheap test; then the decoded path, never the raw one: the routes match the decoded path, so
        // /api/v1/%63oncerts/7/reservations is a hold of concert 7 too
        if (exchange.getRequest().getMethod() != HttpMethod.POST) {
            return null;
        }
        PathPattern.PathMatchInfo match = HOLD.matchAndExtract(exchange.getRequest().getPath().pathWithinApplication());
        if (match == null) {
            return null;
        }
        try {
            return NumberUtils.parseNumber(match.getUriVariables().get("concertId"), Long.class);
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }

    /** True when the request carries a token that admits its caller; a keys failure is an error (503). */
    private Mono<Boolean> admitted(ServerWebExchange exchange, long concertId) {
        String token = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (token == null || token.isBlank()) {
            return Mono.just(false);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken().getSubject())
                .flatMap(userId -> tokens.check(token.strip(), concertId, userId).thenReturn(true))
                .defaultIfEmpty(false)
                .onErrorResume(BadJwtException.class, e -> {
                    log.debug("admission token refused for concert {}: {}", concertId, e.getMessage());
                    return Mono.just(false);
                })
                .onErrorMap(WaitingRoomUnknown::new);
    }

    private Mono<Void> refused(ServerWebExchange exchange, long concertId) {
        refusedCount.increment();
        String queue = HOLDS_PREFIX + concertId + "/queue";
        return ProblemJson.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Admission required",
                "This concert has a waiting room: join the queue (POST " + queue + "), and when you are admitted hold"
                        + " with the admission token it gives you in the " + HEADER + " header.",
                exchange.getRequest().getPath().value(), Map.of("reason", REASON_REQUIRED));
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, Throwable cause) {
        unavailableCount.increment();
        log.debug("hold refused: the waiting room cannot be checked: {}", cause.toString());
        long seconds = Math.max(1, settings.retryAfter().toSeconds());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return ProblemJson.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                "The waiting room cannot be checked right now, so no hold is taken: try again in " + seconds + " s.",
                exchange.getRequest().getPath().value(), Map.of("reason", REASON_UNAVAILABLE));
    }

    /** Redis or the admission keys did not answer: the hold cannot be checked, so it is not let through. */
    private static final class WaitingRoomUnknown extends RuntimeException {
        WaitingRoomUnknown(Throwable cause) {
            super(cause.toString(), cause, false, false);
        }
    }
}
