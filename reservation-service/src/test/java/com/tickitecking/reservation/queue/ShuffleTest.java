package com.tickitecking.reservation.queue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShuffleTest {

    private static final String SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void ordersPseudonymsBySha256OfSeedColonPseudonym() throws Exception {
        List<String> joined = List.of("p-one", "p-two", "p-three", "p-four");

        List<String> order = Shuffle.order(SEED, joined);

        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> expected = joined.stream()
                .sorted((a, b) -> hex(sha, SEED + ":" + a).compareTo(hex(sha, SEED + ":" + b)))
                .toList();
        assertThat(order).isEqualTo(expected).containsExactlyInAnyOrderElementsOf(joined);
    }

    @Test
    void theSameSeedGivesTheSameOrderWhateverTheJoinOrder() {
        List<String> joined = List.of("a", "b", "c", "d", "e", "f");

        assertThat(Shuffle.order(SEED, joined)).isEqualTo(Shuffle.order(SEED, joined.reversed()));
    }

    @Test
    void anotherSeedGivesAnotherOrder() {
        List<String> joined = List.of("a", "b", "c", "d", "e", "f", "g", "h");

        assertThat(Shuffle.order(Shuffle.newSeed(), joined)).isNotEqualTo(Shuffle.order(SEED, joined));
    }

    @Test
    void theCommitmentIsSha256OfTheSeedBytes() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(SEED));

        assertThat(Shuffle.commitment(SEED)).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void seedsAndPseudonymsAreFreshRandomHex() {
        assertThat(Shuffle.newSeed()).hasSize(64).isHexadecimal().isNotEqualTo(Shuffle.newSeed());
        assertThat(Shuffle.newPseudonym()).hasSize(32).isHexadecimal().isNotEqualTo(Shuffle.newPseudonym());
    }

    private static String hex(MessageDigest sha, String text) {
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
