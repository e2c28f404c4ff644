package com.tickitecking.reservation.bench;

import com.tickitecking.testing.TestHttp;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** reservation-service's database, for the hops of the lag ({@link LiveEventHops}); null: not broken down. */
    private final String reservationDatabase;

    private LiveEventLag(String gatewayUrl, String seatServiceUrl, String reservationDatabase) {
        this.gateway = TestHttp.at(gatewayUrl);
        this.seats = TestHttp.at(seatServiceUrl);
        this.reservationDatabase = reservationDatabase;
    }

    /** Measures {@code samples} holds and releases; the result lines, or one saying why it could not. */
    static List<String> measure(String gatewayUrl, String seatServiceUrl, int samples) {
        if (!ready(gatewayUrl)) {
            return List.of("event lag on a running system: skipped, nothing answers at " + gatewayUrl + " (./tickitecking up first)");
        }
        LiveEventLag probe = new LiveEventLag(gatewayUrl, ready(seatServiceUrl) ? seatServiceUrl : gatewayUrl, null);
        JsonNode concert = probe.concertWithMostSeatsLeft();
        if (concert == null) {
            return List.of("event lag on a running system: skipped, it has no concert with free seats");
        }
        return probe.run(concert.get("id").asLong(), samples).lines();
    }

    /**
     * The same on a given concert (one without a waiting room, with free seats at its end: the probe takes every
     * 7th seat from the last one backwards, so a load on the first seats does not meet it), broken down into hops
     * read from reservation-service's database and seat-service's beside it.
     */
    static Lag measure(String gatewayUrl, String seatServiceUrl, String reservationDatabase, long concertId, int samples) {
        return new LiveEventLag(gatewayUrl, ready(seatServiceUrl) ? seatServiceUrl : gatewayUrl, reservationDatabase)
                .run(concertId, samples);
    }

    /** Seats at the end of a concert the probe may take: every 7th of these, from the last one. */
    static int seatsNeeded(int samples) {
        return 7 * samples + 7;
    }

    /**
     * Hold → seen taken, and cancel → seen free, in nanoseconds, one entry per measured hold; a change not seen
     * within 30 s counts as 30 s (a lower bound: {@code notSeen} says how many), and two such end the probe;
     * {@code hops} breaks the hold lag down ({@link LiveEventHops}), empty when not asked for.
     */
    record Lag(long concertId, long[] taken, long[] freed, int notSeen, List<String> hops) {

        double takenP99Millis() {
            return percentileMillis(taken, 99);
        }

        List<String> lines() {
            return List.of(
                    String.format(Locale.ROOT, "%-34s n=%d p50=%.1f ms p99=%.1f ms (running system, concert %d, polled every %d ms%s)",
                            "event lag hold → availability", taken.length, percentileMillis(taken, 50), percentileMillis(taken, 99),
                            concertId, POLL_NANOS / 1_000_000,
                            notSeen == 0 ? "" : "; " + notSeen + " changes not seen within " + GIVE_UP_NANOS / 1_000_000_000 + " s, counted as that"),
                    String.format(Locale.ROOT, "%-34s n=%d p50=%.1f ms p99=%.1f ms",
                            "event lag cancel → availability", freed.length, percentileMillis(freed, 50), percentileMillis(freed, 99)));
        }
    }

    private Lag run(long concertId, int samples) {
        TestHttp fan = signUpAndLogIn();
        List<String> labels = SeatPlan.of(gateway.get("/api/v1/concerts/" + concertId + "/seats").json()).labels();
        long[] taken = new long[samples];
        long[] freed = new long[samples];
        long[] reservations = new long[samples];
        long[] seenMicros = new long[samples];
        int measured = 0;
        int seen = 0;
        int notSeen = 0;
        for (int seat : freeSeats(concertId, labels, samples)) {
            if (notSeen >= 2) {
                break; // the lag is past what this probe measures; more samples would only take 30 s each
            }
            var hold = fan.header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/concerts/" + concertId + "/reservations", Map.of("seats", List.of(labels.get(seat))));
            if (hold.status() != 201) {
                continue; // someone else took it meanwhile
            }
            long held = System.nanoTime();
            long seenTaken = untilBit(concertId, seat, true);
            taken[measured] = seenTaken < 0 ? GIVE_UP_NANOS : seenTaken - held;
            long reservationId = hold.json().get("id").asLong();
            if (seenTaken >= 0) {
                reservations[seen] = reservationId;
                seenMicros[seen++] = epochMicros() - (System.nanoTime() - seenTaken) / 1000;
            }
            fan.delete("/api/v1/reservations/" + reservationId);
            long cancelled = System.nanoTime();
            long seenFree = untilBit(concertId, seat, false);
            freed[measured] = seenFree < 0 ? GIVE_UP_NANOS : seenFree - cancelled;
            notSeen += (seenTaken < 0 ? 1 : 0) + (seenFree < 0 ? 1 : 0);
            measured++;
        }
        List<String> hops = LiveEventHops.lines(reservationDatabase, Arrays.copyOf(reservations, seen), Arrays.copyOf(seenMicros, seen));
        return new Lag(concertId, Arrays.copyOf(taken, measured), Arrays.copyOf(freed, measured), notSeen, hops);
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
        byte[] bitmap = SeatPlan.bitmap(seats.get("/api/v1/concerts/" + concertId + "/seats/availability").json());
        List<Integer> free = new ArrayList<>();
        for (int i = labels.size() - 1; i >= 0 && free.size() < count; i -= 7) {
            if (labels.get(i) != null && !SeatPlan.isSet(bitmap, i)) {
                free.add(i);
            }
        }
        return free;
    }

    /** Polls availability until the seat's bit is as wanted; returns when it was seen so, -1 if not within 30 s. */
    private long untilBit(long concertId, int index, boolean set) {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (System.nanoTime() < deadline) {
            var response = seats.get("/api/v1/concerts/" + concertId + "/seats/availability");
            long seen = System.nanoTime();
            if (response.status() == 200 && SeatPlan.isSet(SeatPlan.bitmap(response.json()), index) == set) {
                return seen;
            }
            sleepNanos(POLL_NANOS - (System.nanoTime() - seen));
        }
        return -1;
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
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
