package com.tickitecking.reservation.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedShuffleTest {

    private static final String SEED = "00ff10";

    @Test
    void theSeedMatchesACommitmentThatIsTheHashOfItsBytesAndNoOther() throws Exception {
        String commitment = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[] {0, (byte) 0xff, 0x10}));

        assertThat(PublishedShuffle.seedMatchesCommitment(SEED, commitment)).isTrue();
        assertThat(PublishedShuffle.seedMatchesCommitment(SEED, commitment.toUpperCase())).isTrue();
        assertThat(PublishedShuffle.seedMatchesCommitment("00ff11", commitment)).isFalse();
    }

    @Test
    void positionsFollowTheHashOfSeedColonPseudonymAscending() throws Exception {
        // given three pseudonyms, ranked here by hand from the same formula
        List<String> pseudonyms = List.of("alpha", "bravo", "charlie");
        List<String> byHash = pseudonyms.stream().sorted((a, b) -> hash(SEED + ":" + a).compareTo(hash(SEED + ":" + b))).toList();

        var positions = PublishedShuffle.positions(SEED, pseudonyms);

        assertThat(positions).containsEntry(byHash.get(0), 1L).containsEntry(byHash.get(1), 2L).containsEntry(byHash.get(2), 3L);
    }

    @Test
    void theOrderDependsOnTheSeedNotOnTheOrderOfJoining() {
        List<String> pseudonyms = List.of("p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8");

        assertThat(PublishedShuffle.positions(SEED, pseudonyms))
                .isEqualTo(PublishedShuffle.positions(SEED, pseudonyms.reversed()))
                .isNotEqualTo(PublishedShuffle.positions("abcdef", pseudonyms));
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
