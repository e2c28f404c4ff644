package com.tickitecking.reservation.bench;

import com.tickitecking.testing.TestHttp;
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
        List<String> labels = labels(concertId);
        long[] taken = new long[samples];
        long[] freed = new long[samples];
        int measured = 0;
        for (int seat : freeSeats(concertId, labels, samples)) {
            var hold = fan.header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/concerts/" + concertId + "/reservations", Map.of("seats", List.of(labels.get(seat))));
            if (hold.status() != 201) {
                continue; // someone else took it meanwhile
            }
            long held = System.nanoTime();
            taken[measured] = untilBit(concertId, seat, true) - held;
            fan.delete("/api/v1/reservations/" + hold.json().get("id").asLong());
            long cancelled = System.nanoTime();
            freed[measured] = untilBit(concertId, seat, false) - cancelled;
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

    /** Up to {@code count} seat indices that are free now and on sale, spread over the concert. */
    private List<Integer> freeSeats(long concertId, List<String> labels, int count) {
        byte[] bitmap = bitmap(seats.get("/api/v1/concerts/" + concertId + "/seats/availability"));
        List<Integer> free = new ArrayList<>();
        for (int i = labels.size() - 1; i >= 0 && free.size() < count; i -= 7) {
            if (labels.get(i) != null && !isSet(bitmap, i)) {
                free.add(i);
            }
        }
        return free;
    }

    /** Seat label by SeatIndex, from the seat map's rows; null where a seat has no grade (not on sale). */
    private List<String> labels(long concertId) {
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
            if (response.status() == 200 && isSet(bitmap(response), index) == set) {
                return seen;
            }
            sleepNanos(POLL_NANOS - (System.nanoTime() - seen));
        }
        throw new IllegalStateException("seat " + index + " of concert " + concertId + " never showed " + (set ? "taken" : "free"));
    }

    private static byte[] bitmap(TestHttp.Response availability) {
        return Base64.getDecoder().decode(availability.json().get("unavailable").asString());
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
        return ReservationBench.percentile(values, p) / 1e6;
    }
}
