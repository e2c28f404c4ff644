package com.tickitecking.reservation.bench;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Latencies and statuses of one run's requests, by kind; safe to record into from any number of threads. */
final class SaleStats {

    enum Kind {
        JOIN("join"), STATUS("queue status"), POLL("queue/me"), AVAILABILITY("availability"), HOLD("hold"), CONFIRM("confirm"), LEAVE("leave"),
        TRIVIAL("trivial"), SETUP("setup");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private record Outcome(Kind kind, int status) {
    }

    private final Map<Kind, Samples> latencies = new EnumMap<>(Kind.class);
    private final Map<Kind, Samples> waits = new EnumMap<>(Kind.class);
    private final ConcurrentHashMap<Outcome, LongAdder> outcomes = new ConcurrentHashMap<>();

    SaleStats() {
        for (Kind kind : Kind.values()) {
            latencies.put(kind, new Samples());
            waits.put(kind, new Samples());
        }
    }

    void record(Kind kind, int status, long waitNanos, long latencyNanos) {
        latencies.get(kind).add(latencyNanos);
        waits.get(kind).add(waitNanos);
        outcomes.computeIfAbsent(new Outcome(kind, status), k -> new LongAdder()).increment();
    }

    long count(Kind kind) {
        return latencies.get(kind).size();
    }

    long count(Kind kind, int status) {
        LongAdder adder = outcomes.get(new Outcome(kind, status));
        return adder == null ? 0 : adder.sum();
    }

    /** Answers 500-599, plus requests that got no answer at all. */
    long errors() {
        return outcomes.entrySet().stream()
                .filter(e -> e.getKey().status() >= 500 || e.getKey().status() == SaleClient.NO_ANSWER)
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    double percentileMillis(Kind kind, double p) {
        return ReservationBench.percentile(latencies.get(kind).toArray(), p) / 1e6;
    }

    double waitPercentileMillis(Kind kind, double p) {
        return ReservationBench.percentile(waits.get(kind).toArray(), p) / 1e6;
    }

    /** "12 ms", or "—" when nothing was measured (the sale without a waiting room makes no queue requests). */
    static String ms(double millis) {
        return Double.isNaN(millis) ? "—" : String.format(Locale.ROOT, "%.0f ms", millis);
    }

    /** "join n=… p50=… p99=…" for the kinds that were asked. */
    String latencyLine(Kind... kinds) {
        StringJoiner line = new StringJoiner(" | ");
        for (Kind kind : kinds) {
            if (count(kind) > 0) {
                line.add(String.format(Locale.ROOT, "%s n=%d p50=%.0f ms p99=%.0f ms", kind.label, count(kind),
                        percentileMillis(kind, 50), percentileMillis(kind, 99)));
            }
        }
        return line.toString();
    }

    /** Every answer that was not 2xx, by kind and status ("hold 409=1234, poll 429=3"; status 0 = no answer). */
    String non2xxLine() {
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((outcome, count) -> {
            if (outcome.status() < 200 || outcome.status() > 299) {
                sorted.merge(outcome.kind().label + " " + outcome.status(), count.sum(), Long::sum);
            }
        });
        StringJoiner line = new StringJoiner(", ");
        sorted.forEach((name, count) -> line.add(name + "=" + count));
        return sorted.isEmpty() ? "none" : line.toString();
    }

    /** A growable array of longs, appended to under a lock (cheaper than a queue of boxed values). */
    private static final class Samples {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized int size() {
            return size;
        }

        synchronized long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
