package com.tickitecking.gateway.security;

import com.tickitecking.gateway.GatewayProperties;
import com.tickitecking.gateway.error.ProblemJson;
import com.tickitecking.gateway.web.WebClientPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * The gateway checks every access token before a request leaves it (services check again). Public endpoints
 * are listed in {@code tickitecking.gateway.public-paths}; admin endpoints need the ADMIN role here already.
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurity {

    private static final String[] ALWAYS_PUBLIC = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};
    /**
     * Under a public pattern ({@code GET /api/v1/concerts/**}) but about the caller or for the owner only: a login
     * first, as any match wins (the services check the owner).
     */
    private static final String[] LOGIN_UNDER_PUBLIC = {"/api/v1/concerts/*/queue/me", "/api/v1/concerts/*/queue/me/**",
            "/api/v1/concerts/*/sales", "/api/v1/concerts/*/seats/statuses"};
    /** Verified access tokens remembered until they expire: a few MB at most (see VerifiedTokens). */
    private static final int VERIFIED_TOKENS = 10_000;

    @Bean
    SecurityWebFilterChain gatewayFilterChain(ServerHttpSecurity http, GatewayProperties properties) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return ProblemJson.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "A valid access token is required.", exchange.getRequest().getPath().value());
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> ProblemJson.write(exchange.getResponse(),
                HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", exchange.getRequest().getPath().value());
        return http
                // Stateless: every request carries its token. The default repository keeps the security context in
                // a WebSession, and creating one on every request hopped two threads (boundedElastic, then
                // parallel, where the rest of the request then ran) and drew a random session id
                // (docs/performance.md, "Where the gateway's time goes").
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // no login page to send anyone back to after signing in: no request to remember in a session either
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(auth -> {
                    auth.pathMatchers(ALWAYS_PUBLIC).permitAll();
                    // the web client's files and pages (never under /api: see WebClientPaths)
                    auth.matchers(exchange -> WebClientPaths.isWebClient(exchange.getRequest())
                            ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch())
                            .permitAll();
                    auth.pathMatchers(LOGIN_UNDER_PUBLIC).authenticated();
                    for (String entry : properties.publicPaths()) {
                        String[] parts = entry.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            auth.pathMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                        } else {
                            auth.pathMatchers(parts[0]).permitAll();
                        }
                    }
                    auth.pathMatchers("/api/v1/admin/**").hasRole("ADMIN");
                    auth.anyExchange().authenticated();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleClaimConverter()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewayProperties properties, JwksClient jwks) {
        NimbusReactiveJwtDecoder decoder = jwks.decoder(properties.jwksUri());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer())));
        // Keys that cannot be fetched (unreachable, or no answer within the JWKS client's time-out) come as an
        // IllegalStateException, which would be a 500: as a JwtException the resource server raises an
        // AuthenticationServiceException, which GatewayErrorHandler answers with 503 and Retry-After.
        ReactiveJwtDecoder keysUnavailableAsJwtException = token -> decoder.decode(token)
                .onErrorMap(IllegalStateException.class, e -> new JwtException("The signing keys cannot be fetched", e));
        return new VerifiedTokens(keysUnavailableAsJwtException, VERIFIED_TOKENS, Clock.systemUTC());
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> roleClaimConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            String role = jwt.getClaimAsString(IdentityHeaders.ROLE_CLAIM);
            return role == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + role));
        });
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
