package com.tickitecking.gateway.admission;

import com.tickitecking.gateway.security.JwksClient;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;

/**
 * Checks an {@code Admission-Token}: RS256, signed by a key of reservation-service's admission JWKS, issuer
 * {@value #ISSUER}, not expired, audience {@code concert:<id>} and subject the caller's own user id. Its own decoder,
 * not a bean: the resource server's {@code ReactiveJwtDecoder} bean checks access tokens against user-service's keys.
 */
@Component
public class AdmissionTokens {

    static final String ISSUER = "tickitecking-waiting-room";

    private final NimbusReactiveJwtDecoder decoder;

    public AdmissionTokens(AdmissionProperties settings, JwksClient jwks) {
        this.decoder = jwks.decoder(settings.jwksUri());
        // JwtTimestampValidator lets a token without exp through: a token must say when it ends, and have an id
        // (reservation-service counts the holds made with it)
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(settings.clockSkew()),
                new JwtIssuerValidator(ISSUER),
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtClaimValidator<>(JwtClaimNames.JTI, Objects::nonNull)));
    }

    /**
     * Completes when {@code token} admits {@code userId} to hold seats of {@code concertId}; a {@link BadJwtException}
     * when it does not (forged, expired, another concert's or another user's); another {@code JwtException} when the
     * keys cannot be fetched.
     */
    public Mono<Void> check(String token, long concertId, String userId) {
        String audience = "concert:" + concertId;
        return decoder.decode(token).flatMap(jwt -> admits(jwt, audience, userId)
                ? Mono.<Void>empty()
                : Mono.error(new BadJwtException("the admission token is for " + jwt.getAudience() + " / " + jwt.getSubject())));
    }

    private static boolean admits(Jwt jwt, String audience, String userId) {
        List<String> audiences = jwt.getAudience();
        return audiences != null && audiences.contains(audience) && userId.equals(jwt.getSubject());
    }
}
