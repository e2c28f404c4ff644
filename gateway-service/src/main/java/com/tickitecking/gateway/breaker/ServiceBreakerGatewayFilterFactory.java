package com.tickitecking.gateway.breaker;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A route's circuit breaker, bulkhead and time limiter (resilience4j, configured by the breaker's name under
 * {@code resilience4j.*.instances}), in YAML as {@code - ServiceBreaker=<name>}. Unlike Spring Cloud Gateway's
 * {@code CircuitBreaker} filter it counts a service's 5xx answers as failures and still hands the service's own
 * answer (its problem+json, its Retry-After) to the caller: that filter either ignores statuses or, with
 * {@code statusCodes}, replaces the answer with its fallback's. What counts is {@link UpstreamFailures}; an open
 * circuit, a full bulkhead, a time-out or an unreachable service is {@link BreakerFallback}'s 503/504.
 */
@Component
public class ServiceBreakerGatewayFilterFactory extends AbstractGatewayFilterFactory<ServiceBreakerGatewayFilterFactory.Config> {

    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    public ServiceBreakerGatewayFilterFactory(ReactiveCircuitBreakerFactory<?, ?> breakers) {
        super(Config.class);
        this.breakers = breakers;
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("name");
    }

    @Override
    public GatewayFilter apply(Config config) {
        String name = config.getName();
        ReactiveCircuitBreaker breaker = breakers.create(name);
        return (exchange, chain) -> {
            AtomicReference<Throwable> callersFault = new AtomicReference<>();
            Mono<Void> call = chain.filter(exchange)
                    .onErrorResume(UpstreamFailures::callersFault, error -> {
                        callersFault.set(error); // not the service's failure: counted as a success, answered below
                        return Mono.empty();
                    })
                    // the service's status and headers are in, its body not yet written (NettyWriteResponseFilter)
                    .then(Mono.defer(() -> UpstreamFailures.failed(exchange.getResponse().getStatusCode())
                            ? Mono.error(new FailedAnswer(exchange.getResponse().getStatusCode()))
                            : Mono.empty()));
            return breaker.run(call, error -> error instanceof FailedAnswer
                            ? Mono.empty() // counted; the service's own answer goes to the caller as it is
                            : BreakerFallback.answer(exchange, name, error))
                    .then(Mono.defer(() -> callersFault.get() == null ? Mono.empty() : Mono.error(callersFault.get())));
        };
    }

    /** A service's failed answer, raised inside the breaker so that it counts, then let through. */
    static final class FailedAnswer extends RuntimeException {
        FailedAnswer(HttpStatusCode status) {
            super("answered " + status.value(), null, false, false);
        }
    }

    public static class Config {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}
