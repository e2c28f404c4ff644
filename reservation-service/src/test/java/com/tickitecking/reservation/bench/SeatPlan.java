package com.tickitecking.reservation.bench;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A concert's seats by SeatIndex, from seat-service's seat map (a row's seat n has index firstIndex + n - 1; the
 * label is section-row-n; a seat without a grade is not on sale), and picking free ones from an availability
 * bitmap the way a buyer would: a random place in the hall, then the free seats next to it.
 */
final class SeatPlan {

    private final List<String> labels; // null where a seat is not on sale

    private SeatPlan(List<String> labels) {
        this.labels = labels;
    }

    static SeatPlan of(JsonNode seatMap) {
        List<String> labels = new ArrayList<>();
        for (JsonNode section : seatMap.path("sections")) {
            for (JsonNode row : section.path("rows")) {
                int first = row.path("firstIndex").asInt();
                for (int n = 1; n <= row.path("seats").asInt(); n++) {
                    while (labels.size() <= first + n - 1) {
                        labels.add(null);
                    }
                    labels.set(first + n - 1, priced(row, n)
                            ? section.path("code").asString() + "-" + row.path("label").asString() + "-" + n : null);
                }
            }
        }
        return new SeatPlan(labels);
    }

    List<String> labels() {
        return labels;
    }

    int size() {
        return labels.size();
    }

    String label(int index) {
        return labels.get(index);
    }

    /**
     * Up to {@code count} free seats: from a random index onwards (wrapping round), the first free one and the
     * free ones after it, so mostly adjacent. Empty when the bitmap shows nothing free.
     */
    List<String> pickFree(byte[] unavailable, int count, RandomGenerator random) {
        List<String> picked = new ArrayList<>(count);
        int start = random.nextInt(labels.size());
        for (int step = 0; step < labels.size() && picked.size() < count; step++) {
            int index = (start + step) % labels.size();
            if (labels.get(index) != null && !isSet(unavailable, index)) {
                picked.add(labels.get(index));
            }
        }
        return picked;
    }

    /** The availability endpoint's {@code unavailable} bitmap, decoded. */
    static byte[] bitmap(JsonNode availability) {
        return Base64.getDecoder().decode(availability.path("unavailable").asString(""));
    }

    /** Bit i is bit 7 - i % 8 of byte i / 8 (the availability endpoint's documented encoding). */
    static boolean isSet(byte[] bitmap, int index) {
        return index / 8 < bitmap.length && (bitmap[index / 8] >> (7 - index % 8) & 1) == 1;
    }

    private static boolean priced(JsonNode row, int number) {
        for (JsonNode run : row.path("runs")) {
            if (run.path("from").asInt() <= number && number <= run.path("to").asInt()) {
                return !run.path("grade").isNull() && !run.path("grade").isMissingNode();
            }
        }
        return false;
    }
}
