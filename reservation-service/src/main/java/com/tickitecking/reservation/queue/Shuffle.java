package com.tickitecking.reservation.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The commit–reveal shuffle of the pre-queue, the procedure anyone can recompute: before the opening the service
 * publishes the commitment {@code hex(SHA-256(seed bytes))}; at the opening the pre-queue's pseudonyms are ordered
 * by {@code hex(SHA-256(seedHex + ":" + pseudonym))} ascending (position 1 first), and the seed is published.
 * Nobody (not even the service) can pick a seed after seeing who joined, and the pseudonyms are random, so the
 * order cannot be steered by choosing an account.
 */
public final class Shuffle {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Shuffle() {
    }

    /** A fresh random 32-byte seed, hex. */
    public static String newSeed() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return HEX.formatHex(seed);
    }

    /** A fresh random pseudonym for a place (128 bits, hex): nothing of the account is in it. */
    public static String newPseudonym() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HEX.formatHex(id);
    }

    /** {@code hex(SHA-256(seed bytes))}. */
    public static String commitment(String seedHex) {
        return HEX.formatHex(sha256(HEX.parseHex(seedHex)));
    }

    /** The pseudonym's sort key: {@code hex(SHA-256(seedHex + ":" + pseudonym))}. */
    public static String sortKey(String seedHex, String pseudonym) {
        return HEX.formatHex(sha256((seedHex + ":" + pseudonym).getBytes(StandardCharsets.UTF_8)));
    }

    /** The pre-queue in position order (index 0 is position 1). */
    public static List<String> order(String seedHex, List<String> pseudonyms) {
        return pseudonyms.stream()
                .map(p -> new Keyed(sortKey(seedHex, p), p))
                .sorted(Comparator.comparing(Keyed::key).thenComparing(Keyed::pseudonym))
                .map(Keyed::pseudonym)
                .toList();
    }

    private record Keyed(String key, String pseudonym) {
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
