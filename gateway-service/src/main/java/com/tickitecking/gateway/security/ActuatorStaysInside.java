package com.tickitecking.gateway.security;

import com.tickitecking.gateway.error.ProblemJson;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The gateway's actuator (health, metrics) answers only requests that reach it directly: the load balancer's
 * health checks and Prometheus inside the network. A request that came through a proxy, the public load balancer
 * included, carries {@code X-Forwarded-For} and gets 404, whatever spelling of the path it uses: the load
 * balancer's own rule matches the raw path, so {@code /%61ctuator/prometheus} would pass it, but the path here is
 * the decoded one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ActuatorStaysInside implements WebFilter {

    private final ClientAddress clients;

    public ActuatorStaysInside(ClientAddress clients) {
        this.clients = clients;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getPath();
        boolean actuator = path != null && (path.equals("/actuator") || path.startsWith("/actuator/"));
        if (actuator && clients.cameThroughProxy(exchange)) {
            return ProblemJson.write(exchange.getResponse(), HttpStatus.NOT_FOUND, "Not found",
                    "No such resource.", exchange.getRequest().getPath().value());
        }
        return chain.filter(exchange);
    }
}
