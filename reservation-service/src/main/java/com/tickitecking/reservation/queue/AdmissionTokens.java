package com.tickitecking.reservation.queue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.tickitecking.platform.security.PemKeys;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Admission tokens: RS256 JWTs with {@code iss=tickitecking-waiting-room}, {@code aud=concert:<id>}, {@code sub=<user
 * id>}, {@code jti}, {@code iat}, {@code exp}, signed with {@code ADMISSION_PRIVATE_KEY} (a key of its own, not the
 * access tokens'), the public half served as a JWKS for the gateway.
 */
@Component
public class AdmissionTokens {

    public static final String ISSUER = "tickitecking-waiting-room";

    private final RSAKey key;
    private final JwtEncoder encoder;
    private final NimbusJwtDecoder decoder;

    public AdmissionTokens(WaitingRoomProperties properties, Clock clock) {
        this.key = rsaKey(properties.privateKey());
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        try {
            this.decoder = NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        // No clock skew: this service made the token with this clock.
        var timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
    }

    public static String audience(long concertId) {
        return "concert:" + concertId;
    }

    /** The token of an admission; signing the same admission again gives a token with the same claims. */
    String sign(long userId, long concertId, String jti, Instant issuedAt, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(java.util.List.of(audience(concertId)))
                .subject(String.valueOf(userId))
                .id(jti)
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** The token's claims if it is ours, unexpired, for this concert and this account; else empty. */
    Optional<Jwt> verify(String token, long userId, long concertId) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            Jwt jwt = decoder.decode(token.trim());
            boolean forThem = String.valueOf(userId).equals(jwt.getSubject())
                    && jwt.getAudience() != null && jwt.getAudience().contains(audience(concertId))
                    && jwt.getId() != null && !jwt.getId().isBlank();
            return forThem ? Optional.of(jwt) : Optional.empty();
        } catch (JwtException e) {
            return Optional.empty();
        }
    }

    /** The public key as a JSON Web Key Set. */
    public JWKSet publicJwks() {
        return new JWKSet(key.toPublicJWK());
    }

    private static RSAKey rsaKey(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException("No admission signing key: set ADMISSION_PRIVATE_KEY (PKCS#8 PEM) or "
                    + "tickitecking.waiting-room.private-key. `./tickitecking up` generates one under .local/.");
        }
        RSAPrivateCrtKey privateKey = PemKeys.privateKey(pem);
        try {
            return new RSAKey.Builder(PemKeys.publicKeyOf(privateKey)).privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
