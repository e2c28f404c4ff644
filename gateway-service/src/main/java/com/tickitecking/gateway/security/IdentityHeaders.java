package com.tickitecking.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Removes any identity header a client sent and, for an authenticated request, sets them from the verified
 * token: {@code X-User-Id} (the subject) and {@code X-User-Role}. The Authorization header travels on, because
 * each service checks the token itself too. {@code X-Client-Address} is replaced the same way, by the address the
 * gateway trusts ({@link ClientAddress}), so services can limit per client without believing X-Forwarded-For.
 */
@Component
public class IdentityHeaders implements GlobalFilter, Ordered {

    public static final String USER_ID = "X-User-Id";
    public static final String USER_ROLE = "X-User-Role";
    static final String ROLE_CLAIM = "role";

    private final ClientAddress clientAddress;

    public IdentityHeaders(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(token -> withHeaders(exchange, token.getToken().getSubject(), token.getToken().getClaimAsString(ROLE_CLAIM)))
                .defaultIfEmpty(withHeaders(exchange, null, null))
                .flatMap(chain::filter);
    }

    private ServerWebExchange withHeaders(ServerWebExchange exchange, String userId, String role) {
        String client = clientAddress.of(exchange);
        return exchange.mutate().request(request -> request.headers(headers -> {
            headers.remove(USER_ID);
            headers.remove(USER_ROLE);
            headers.set(ClientAddress.HEADER, client);
            if (userId != null) {
                headers.set(USER_ID, userId);
                headers.set(USER_ROLE, role);
            }
        })).build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
