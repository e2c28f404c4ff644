package com.tickitecking.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** The RSA key pair that signs access tokens in tests, generated once per JVM; never a key checked into the repo. */
public final class TestKeys {

    private static final KeyPair SIGNING = generate();
    private static final KeyPair STRANGER = generate();
    private static final KeyPair ADMISSION = generate();

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

    /** The key reservation-service signs waiting-room admission tokens with (ADMISSION_PRIVATE_KEY), not the access tokens'. */
    public static RSAPrivateKey admissionPrivateKey() {
        return (RSAPrivateKey) ADMISSION.getPrivate();
    }

    public static RSAPublicKey admissionPublicKey() {
        return (RSAPublicKey) ADMISSION.getPublic();
    }

    public static String admissionPrivateKeyPem() {
        return pem("PRIVATE KEY", ADMISSION.getPrivate().getEncoded());
    }

    public static String admissionPublicKeyPem() {
        return pem("PUBLIC KEY", ADMISSION.getPublic().getEncoded());
    }

    public static String privateKeyPem() {
        return pem("PRIVATE KEY", SIGNING.getPrivate().getEncoded());
    }

    public static String publicKeyPem() {
        return pem("PUBLIC KEY", SIGNING.getPublic().getEncoded());
    }

    /**
     * PKCS#8 / X.509 PEM text as the services read it (shared-platform's PemKeys). Written here, not imported,
     * so the kit needs nothing of shared-platform; every service's tests read these keys back, so a mismatch fails.
     */
    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
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
