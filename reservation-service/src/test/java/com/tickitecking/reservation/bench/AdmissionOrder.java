package com.tickitecking.reservation.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Admissions out of queue order, as a client can prove them from the answers it got (no clock of the server's).
 *
 * <p>Buyer B counts as admitted out of order when some buyer A with a smaller queue position was answered
 * {@code WAITING} to a poll that A <em>sent after</em> B had <em>received</em> its first {@code ADMITTED}. B was
 * admitted before that answer reached it, and A's poll was read after that, so at one moment B was admitted
 * while A, ahead of B, still waited: an inversion, whatever the polling intervals. The converse does not hold
 * (an inversion that heals between two of A's polls goes unseen), so this is a lower bound; with 1–2 s polls
 * and thousands of buyers it sees any systematic reordering. A place that lapsed or was sold out is not waiting.
 * Two buyers given the same position count apart ({@link Result#duplicatePositions}).
 */
final class AdmissionOrder {

    /** What one buyer saw: its position (null if never told), and System.nanoTime stamps, or -1 for never. */
    record Observed(Long position, long admittedReceivedAt, long lastWaitingSentAt) {
    }

    record Result(int admitted, int withPosition, int outOfOrder, int duplicatePositions) {
    }

    private AdmissionOrder() {
    }

    static Result check(List<Observed> buyers) {
        Observed[] known = buyers.stream().filter(b -> b.position() != null)
                .sorted(Comparator.comparingLong(Observed::position)).toArray(Observed[]::new);
        Set<Long> seen = new HashSet<>();
        int duplicates = 0;
        int outOfOrder = 0;
        long latestWaitingAhead = Long.MIN_VALUE; // the last WAITING poll sent by anyone ahead of the buyer at i
        for (int i = 0; i < known.length; i++) {
            Observed buyer = known[i];
            if (!seen.add(buyer.position())) {
                duplicates++;
            }
            if (buyer.admittedReceivedAt() >= 0 && latestWaitingAhead > buyer.admittedReceivedAt()) {
                outOfOrder++;
            }
            // buyers at the same position are not ahead of each other: fold in only once the position changes
            if (i + 1 == known.length || !known[i + 1].position().equals(buyer.position())) {
                for (int j = i; j >= 0 && known[j].position().equals(buyer.position()); j--) {
                    latestWaitingAhead = Math.max(latestWaitingAhead, known[j].lastWaitingSentAt());
                }
            }
        }
        int admitted = (int) buyers.stream().filter(b -> b.admittedReceivedAt() >= 0).count();
        return new Result(admitted, known.length, outOfOrder, duplicates);
    }

    static Result check(Observed... buyers) {
        return check(Arrays.asList(buyers));
    }
}
