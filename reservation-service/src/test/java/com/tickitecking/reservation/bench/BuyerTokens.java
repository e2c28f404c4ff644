package com.tickitecking.reservation.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.tickitecking.platform.security.PemKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Access tokens as user-service issues them (its {@code AccessTokens} and {@code SigningKey}), signed with the
 * running system's own key ({@code .local/jwt-private.pem}), so 10,000 buyers need no 10,000 password logins:
 * RS256, header {@code kid} = the key's RFC 7638 thumbprint (what user-service's JWKS names the key, so the
 * gateway's JWKS lookup finds it), {@code iss=tickitecking}, {@code sub} = user id, {@code role}, {@code iat},
 * {@code exp}, {@code jti}.
 */
final class BuyerTokens {

    /** Buyer accounts get ids from here: user-service's AUTO_INCREMENT ids stay far below, so none is a real user's. */
    static final long FIRST_BUYER_ID = 1_000_000_000L;
    private static final String ISSUER = "tickitecking"; // shared-platform SecurityProperties' default issuer
    private static final String ROLE_CLAIM = "role";    // AuthenticatedUser.ROLE_CLAIM
    /** Longer than user-service's 15 min: one token lasts the whole run. */
    private static final Duration VALIDITY = Duration.ofMinutes(60);

    private final RSAKey key;
    private final RSASSASigner signer;

    private BuyerTokens(RSAKey key) throws JOSEException {
        this.key = key;
        this.signer = new RSASSASigner(key);
    }

    static BuyerTokens fromPem(Path pem) {
        try {
            RSAPrivateCrtKey privateKey = PemKeys.privateKey(Files.readString(pem));
            return new BuyerTokens(new RSAKey.Builder(PemKeys.publicKeyOf(privateKey)).privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the signing key " + pem + " (./tickitecking up writes it)", e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String keyId() {
        return key.getKeyID();
    }

    String buyer(int index) {
        return token(FIRST_BUYER_ID + index, "USER");
    }

    String token(long userId, String role) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(String.valueOf(userId))
                .claim(ROLE_CLAIM, role)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
