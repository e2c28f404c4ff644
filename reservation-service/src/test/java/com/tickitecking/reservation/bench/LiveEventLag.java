package com.tickitecking.reservation.bench;

import com.tickitecking.platform.testing.TestHttp;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The whole event path on a running system ({@code ./tickitecking up}): a hold through the gateway, then how long
 * until seat-service's availability shows the seat taken (outbox → SQS → seat-service → Redis bitmap), and after a
 * cancellation how long until it shows it free again. It signs up a user of its own, holds free seats of the
 * concert with the most seats left, one at a time, and cancels each hold, so it leaves nothing taken behind.
 */
final class LiveEventLag {

    private static final long POLL_NANOS = 25_000_000; // 40 polls a second stays under the gateway's per-IP limit
    private static final long GIVE_UP_NANOS = 30_000_000_000L;

    private final TestHttp gateway;
    private final TestHttp seats;

    private LiveEventLag(String gatewayUrl, String seatServiceUrl) {
        this.gateway = TestHttp.at(gatewayUrl);
        this.seats = TestHttp.at(seatServiceUrl);
    }

    /** Measures {@code samples} holds and releases; the result lines, or one saying why it could not. */
    static List<String> measure(String gatewayUrl, String seatServiceUrl, int samples) {
        if (!ready(gatewayUrl)) {
            return List.of("event lag on a running system: skipped, nothing answers at " + gatewayUrl + " (./tickitecking up first)");
        }
        return new LiveEventLag(gatewayUrl, ready(seatServiceUrl) ? seatServiceUrl : gatewayUrl).run(samples);
    }

    private List<String> run(int samples) {
        JsonNode concert = concertWithMostSeatsLeft();
        if (concert == null) {
            return List.of("event lag on a running system: skipped, it has no concert with free seats");
        }
        long concertId = concert.get("id").asLong();
        TestHttp fan = signUpAndLogIn();
        List<long[]> freeSeats = freeSeats(concertId, samples);
        List<String> labels = labels(concertId);
        long[] taken = new long[freeSeats.size()];
        long[] freed = new long[freeSeats.size()];
        int measured = 0;
        for (long[] seat : freeSeats) {
            String label = labels.get((int) seat[0]);
            var hold = fan.header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/concerts/" + concertId + "/reservations", Map.of("seats", List.of(label)));
            if (hold.status() != 201) {
                continue; // someone else took it meanwhile
            }
            long held = System.nanoTime();
            long tookNanos = untilBit(concertId, (int) seat[0], true) - held;
            long reservationId = hold.json().get("id").asLong();
            fan.delete("/api/v1/reservations/" + reservationId);
            long cancelled = System.nanoTime();
            long releasedNanos = untilBit(concertId, (int) seat[0], false) - cancelled;
            taken[measured] = tookNanos;
            freed[measured] = releasedNanos;
            measured++;
        }
        taken = Arrays.copyOf(taken, measured);
        freed = Arrays.copyOf(freed, measured);
        return List.of(
                String.format(Locale.ROOT, "%-34s n=%d p50=%.1f ms p99=%.1f ms (running system, concert %d, polled every %d ms)",
                        "event lag hold → availability", measured, percentileMillis(taken, 50), percentileMillis(taken, 99),
                        concertId, POLL_NANOS / 1_000_000),
                String.format(Locale.ROOT, "%-34s n=%d p50=%.1f ms p99=%.1f ms",
                        "event lag cancel → availability", measured, percentileMillis(freed, 50), percentileMillis(freed, 99)));
    }

    private JsonNode concertWithMostSeatsLeft() {
        JsonNode best = null;
        for (JsonNode concert : gateway.get("/api/v1/concerts?size=100").json().path("content")) {
            if (concert.path("remainingSeats").asInt() > 0
                    && (best == null || concert.path("remainingSeats").asInt() > best.path("remainingSeats").asInt())) {
                best = concert;
            }
        }
        return best;
    }

    private TestHttp signUpAndLogIn() {
        String name = "lag" + Long.toString(System.currentTimeMillis() % 100_000_000, 36);
        String password = "Lag#Bench1";
        gateway.post("/api/v1/users/signup", Map.of("username", name, "password", password, "email", name + "@bench.example"));
        String token = gateway.post("/api/v1/users/login", Map.of("username", name, "password", password))
                .json().get("accessToken").asString();
        return gateway.as(token);
    }

    /** Seat indices (as one-element arrays) that are free now and on sale, spread over the concert. */
    private List<long[]> freeSeats(long concertId, int count) {
        byte[] bitmap = bitmap(concertId);
        List<long[]> free = new ArrayList<>();
        int total = bitmap.length * 8;
        for (int i = total - 1; i >= 0 && free.size() < count; i -= 7) {
            if (!isSet(bitmap, i) && i < labels(concertId).size() && labels(concertId).get(i) != null) {
                free.add(new long[]{i});
            }
        }
        return free;
    }

    private List<String> cachedLabels;

    /** Seat label by SeatIndex, from the seat map's rows; null where a seat has no grade (not on sale). */
    private List<String> labels(long concertId) {
        if (cachedLabels != null) {
            return cachedLabels;
        }
        List<String> labels = new ArrayList<>();
        JsonNode map = gateway.get("/api/v1/concerts/" + concertId + "/seats").json();
        for (JsonNode section : map.path("sections")) {
            for (JsonNode row : section.path("rows")) {
                int first = row.path("firstIndex").asInt();
                for (int n = 1; n <= row.path("seats").asInt(); n++) {
                    while (labels.size() <= first + n - 1) {
                        labels.add(null);
                    }
                    labels.set(first + n - 1, priced(row, n) ? section.path("code").asString() + "-" + row.path("label").asString() + "-" + n : null);
                }
            }
        }
        cachedLabels = labels;
        return labels;
    }

    private static boolean priced(JsonNode row, int number) {
        for (JsonNode run : row.path("runs")) {
            if (run.path("from").asInt() <= number && number <= run.path("to").asInt()) {
                return !run.path("grade").isNull() && !run.path("grade").isMissingNode();
            }
        }
        return false;
    }

    /** Polls availability until the seat's bit is as wanted; returns when it was seen so. */
    private long untilBit(long concertId, int index, boolean set) {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (System.nanoTime() < deadline) {
            var response = seats.get("/api/v1/concerts/" + concertId + "/seats/availability");
            long seen = System.nanoTime();
            if (response.status() == 200 && isSet(Base64.getDecoder().decode(response.json().get("unavailable").asString()), index) == set) {
                return seen;
            }
            sleepNanos(POLL_NANOS - (System.nanoTime() - seen));
        }
        throw new IllegalStateException("seat " + index + " of concert " + concertId + " never showed " + (set ? "taken" : "free"));
    }

    private byte[] bitmap(long concertId) {
        return Base64.getDecoder().decode(seats.get("/api/v1/concerts/" + concertId + "/seats/availability")
                .json().get("unavailable").asString());
    }

    /** Bit i is bit 7 - i % 8 of byte i / 8 (the availability endpoint's documented encoding). */
    private static boolean isSet(byte[] bitmap, int index) {
        return index / 8 < bitmap.length && (bitmap[index / 8] >> (7 - index % 8) & 1) == 1;
    }

    private static boolean ready(String baseUrl) {
        try {
            return TestHttp.at(baseUrl).get("/actuator/health/readiness").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void sleepNanos(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double percentileMillis(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1))] / 1e6;
    }
}
