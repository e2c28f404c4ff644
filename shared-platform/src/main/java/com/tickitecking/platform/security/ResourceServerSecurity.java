package com.tickitecking.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Every servlet service is an OAuth2 resource server: it checks the RS256 access token itself (the gateway
 * checks too, but a service never trusts the network). Stateless, no CSRF (no cookies), 401/403 as
 * problem+json. Each service lists its public endpoints in {@code tickitecking.security.public-paths}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class ResourceServerSecurity {

    /** Open in every service, whatever it lists (the OpenAPI documents say so too). */
    public static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error");

    /** Only for {@link Role#ADMIN}, in every service. */
    public static final String ADMIN_PATHS = "/api/v1/admin/**";

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        var problems = new ProblemAuthenticationHandlers();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    ALWAYS_PUBLIC.forEach(path -> auth.requestMatchers(path).permitAll());
                    for (String entry : properties.publicPaths()) {
                        String[] parts = entry.trim().split("\\s+", 2);
                        if (parts.length == 2) {
                            auth.requestMatchers(HttpMethod.valueOf(parts[0]), parts[1]).permitAll();
                        } else {
                            auth.requestMatchers(parts[0]).permitAll();
                        }
                    }
                    auth.requestMatchers(ADMIN_PATHS).hasRole(Role.ADMIN.name());
                    auth.anyRequest().authenticated();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roleClaimConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder;
        if (properties.publicKey() != null && !properties.publicKey().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(PemKeys.publicKey(properties.publicKey()))
                    .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } else if (properties.jwksUri() != null && !properties.jwksUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwksUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else {
            throw new IllegalStateException("set tickitecking.security.jwks-uri (JWT_JWKS_URI) or tickitecking.security.public-key");
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer())));
        return decoder;
    }

    @Bean
    WebMvcConfigurer authenticatedUserParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new AuthenticatedUserArgumentResolver());
            }
        };
    }

    static JwtAuthenticationConverter roleClaimConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            String role = jwt.getClaimAsString(AuthenticatedUser.ROLE_CLAIM);
            return role == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + role));
        });
        return converter;
    }
}
