package com.tickitecking.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Admission tokens as reservation-service's waiting room issues them (RS256 with a {@code kid}, issuer
 * {@code tickitecking-waiting-room}, audience {@code concert:<id>}, subject the user id, a {@code jti}), and broken ones.
 * Signed with {@link TestKeys#admissionPrivateKey()}, apart from the access tokens' key: in production they are two
 * keys, so a test that mixed them up would pass where the system fails.
 */
public final class TestAdmissionTokens {

    public static final String ISSUER = "tickitecking-waiting-room";
    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final KeyPair STRANGER = generate();
    private static final String KEY_ID = keyId(TestKeys.admissionPublicKey());

    private TestAdmissionTokens() {
    }

    public static String admissionToken(long userId, long concertId) {
        return admissionToken(userId, concertId, Instant.now().plus(VALIDITY));
    }

    /** Valid until {@code expiresAt} (in the past for an expired one). */
    public static String admissionToken(long userId, long concertId, Instant expiresAt) {
        return sign(claims(userId, concertId, expiresAt), TestKeys.admissionPrivateKey());
    }

    /** Expired a minute longer ago than any checker's clock skew. */
    public static String expiredToken(long userId, long concertId) {
        return admissionToken(userId, concertId, Instant.now().minus(Duration.ofMinutes(2)));
    }

    /** Well-formed, naming the trusted key's id, but signed by a key nobody trusts. */
    public static String forgedToken(long userId, long concertId) {
        return sign(claims(userId, concertId, Instant.now().plus(VALIDITY)), STRANGER.getPrivate());
    }

    /** The signing key as PKCS#8 PEM, as {@code ADMISSION_PRIVATE_KEY} / {@code tickitecking.waiting-room.private-key} take it. */
    public static String privateKeyPem() {
        return TestKeys.admissionPrivateKeyPem();
    }

    /** The public JWK set a stand-in for reservation-service serves at {@code /.well-known/admission-jwks.json}. */
    public static String jwks() {
        return new JWKSet(new RSAKey.Builder(TestKeys.admissionPublicKey()).keyID(KEY_ID).build()).toString();
    }

    private static JWTClaimsSet claims(long userId, long concertId, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("concert:" + concertId)
                .subject(String.valueOf(userId))
                .issueTime(Date.from(expiresAt.minus(VALIDITY)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(JWTClaimsSet claims, java.security.PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyId(RSAPublicKey key) {
        try {
            return new RSAKey.Builder(key).build().computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
