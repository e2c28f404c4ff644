package com.tickitecking.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.security.Role;

import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Access tokens as user-service issues them (RS256, subject = user id, role claim), and broken ones. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String accessToken(long userId, Role role) {
        return sign(claims(userId, role, Instant.now().plus(Duration.ofMinutes(15))), TestKeys.privateKey());
    }

    public static String expiredToken(long userId, Role role) {
        return sign(claims(userId, role, Instant.now().minus(Duration.ofMinutes(5))), TestKeys.privateKey());
    }

    /** Well-formed and signed, but by a key the services do not trust. */
    public static String forgedToken(long userId, Role role) {
        return sign(claims(userId, role, Instant.now().plus(Duration.ofMinutes(15))), TestKeys.strangerKey());
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsignedToken(long userId, Role role) {
        return new PlainJWT(claims(userId, role, Instant.now().plus(Duration.ofMinutes(15)))).serialize();
    }

    private static JWTClaimsSet claims(long userId, Role role, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer("tickitecking")
                .subject(String.valueOf(userId))
                .claim(AuthenticatedUser.ROLE_CLAIM, role.name())
                .issueTime(Date.from(expiresAt.minus(Duration.ofMinutes(15))))
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
