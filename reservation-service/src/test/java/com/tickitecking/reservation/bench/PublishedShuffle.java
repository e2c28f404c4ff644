package com.tickitecking.reservation.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The waiting room's fairness procedure, recomputed by an outsider from what it publishes: the commitment
 * (SHA-256 of the seed, before the opening), the seed (after the shuffle) and the pre-queue's pseudonyms. The
 * pre-queue order is the pseudonyms sorted by hex(SHA-256(seedHex + ":" + pseudonym)) ascending, positions from 1.
 * Written here rather than taken from the service, so the check does not trust the code it checks.
 */
final class PublishedShuffle {

    private PublishedShuffle() {
    }

    /** Whether the seed is the one committed to: SHA-256 of the seed's bytes (hex-decoded) is the commitment. */
    static boolean seedMatchesCommitment(String seedHex, String commitmentHex) {
        return hex(sha256(java.util.HexFormat.of().parseHex(seedHex))).equalsIgnoreCase(commitmentHex);
    }

    /** Pseudonym → its position in the pre-queue, as the seed decides it. */
    static Map<String, Long> positions(String seedHex, List<String> pseudonyms) {
        List<String> order = pseudonyms.stream()
                .sorted(Comparator.comparing(p -> hex(sha256((seedHex + ":" + p).getBytes(StandardCharsets.UTF_8)))))
                .toList();
        Map<String, Long> positions = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            positions.put(order.get(i), i + 1L);
        }
        return positions;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
