package com.tickitecking.user.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.tickitecking.platform.security.PemKeys;

import java.security.interfaces.RSAPrivateCrtKey;

/** The RSA key access tokens are signed with, and its public half as a JWKS with a stable key id. */
public final class SigningKey {

    private final RSAKey key;

    private SigningKey(RSAKey key) {
        this.key = key;
    }

    public static SigningKey fromPem(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException("No signing key: set JWT_PRIVATE_KEY (PKCS#8 PEM) or tickitecking.jwt.private-key. "
                    + "`./tickitecking up` generates one under .local/.");
        }
        RSAPrivateCrtKey privateKey = PemKeys.privateKey(pem);
        try {
            RSAKey rsa = new RSAKey.Builder(PemKeys.publicKeyOf(privateKey)).privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint().build();
            return new SigningKey(rsa);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAKey rsaKey() {
        return key;
    }

    public JWKSet publicJwks() {
        return new JWKSet(key.toPublicJWK());
    }
}
