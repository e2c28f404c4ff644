package com.tickitecking.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Access tokens as user-service issues them (RS256, subject = user id, role claim), and broken ones.
 *
 * <p>A role is given by name ({@code "ADMIN"}) or as the platform's {@code Role} enum ({@code Role.ADMIN}): the kit
 * does not depend on shared-platform, so that the reactive gateway's tests, which know roles only as claim values,
 * do not get its servlet stack.
 */
public final class TestTokens {

    /** The claim user-service writes the role into (shared-platform's {@code AuthenticatedUser.ROLE_CLAIM}). */
    private static final String ROLE_CLAIM = "role";
    private static final Duration VALIDITY = Duration.ofMinutes(15);

    private TestTokens() {
    }

    public static String accessToken(long userId, String role) {
        return sign(claims(userId, role, Instant.now().plus(VALIDITY)), TestKeys.privateKey());
    }

    public static String expiredToken(long userId, String role) {
        return sign(claims(userId, role, Instant.now().minus(Duration.ofMinutes(5))), TestKeys.privateKey());
    }

    /** Well-formed and signed, but by a key the services do not trust. */
    public static String forgedToken(long userId, String role) {
        return sign(claims(userId, role, Instant.now().plus(VALIDITY)), TestKeys.strangerKey());
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsignedToken(long userId, String role) {
        return new PlainJWT(claims(userId, role, Instant.now().plus(VALIDITY))).serialize();
    }

    // The same with the platform's Role enum, as the services' tests name roles.

    public static String accessToken(long userId, Enum<?> role) {
        return accessToken(userId, role.name());
    }

    public static String expiredToken(long userId, Enum<?> role) {
        return expiredToken(userId, role.name());
    }

    public static String forgedToken(long userId, Enum<?> role) {
        return forgedToken(userId, role.name());
    }

    public static String unsignedToken(long userId, Enum<?> role) {
        return unsignedToken(userId, role.name());
    }

    /** An admission token as reservation-service's waiting room issues it: {@link TestAdmissionTokens}. */
    public static String admissionToken(long userId, long concertId, Instant expiresAt) {
        return TestAdmissionTokens.admissionToken(userId, concertId, expiresAt);
    }

    private static JWTClaimsSet claims(long userId, String role, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer("tickitecking")
                .subject(String.valueOf(userId))
                .claim(ROLE_CLAIM, role)
                .issueTime(Date.from(expiresAt.minus(VALIDITY)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(JWTClaimsSet claims, RSAPrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
