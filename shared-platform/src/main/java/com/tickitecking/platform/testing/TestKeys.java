package com.tickitecking.platform.testing;

import com.tickitecking.platform.security.PemKeys;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;

/** The RSA key pair that signs access tokens in tests, generated once per JVM; never a key checked into the repo. */
public final class TestKeys {

    private static final KeyPair SIGNING = generate();
    private static final KeyPair STRANGER = generate();

    private TestKeys() {
    }

    public static RSAPrivateKey privateKey() {
        return (RSAPrivateKey) SIGNING.getPrivate();
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) SIGNING.getPublic();
    }

    /** A key nobody trusts: tokens it signs are forgeries. */
    public static RSAPrivateKey strangerKey() {
        return (RSAPrivateKey) STRANGER.getPrivate();
    }

    public static String privateKeyPem() {
        return PemKeys.pem("PRIVATE KEY", SIGNING.getPrivate().getEncoded());
    }

    public static String publicKeyPem() {
        return PemKeys.pem("PUBLIC KEY", SIGNING.getPublic().getEncoded());
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
