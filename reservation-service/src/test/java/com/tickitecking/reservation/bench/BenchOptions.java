package com.tickitecking.reservation.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link ReservationBench} runs, from {@code --name=value} arguments (which {@code ./tickitecking bench reserve}
 * passes on as {@code -Dbench.args}); an option not given keeps the default of the published figures.
 *
 * @param threads     client threads for the HTTP runs
 * @param attempts    attempts of each contention storm (random 1–4 seats on 100 seats)
 * @param uncontended holds of distinct seats in the uncontended run
 * @param rejections  refusals of a taken seat in each in-process run
 * @param liveSamples holds (and cancels) on the running system; 0 skips those rows
 * @param gateway     the running system's gateway
 * @param seatService the running system's seat-service
 */
record BenchOptions(int threads, int attempts, int uncontended, int rejections, int liveSamples, String gateway,
                    String seatService) {

    static final String USAGE = """
            ./tickitecking bench reserve [--name=value ...]
              --threads=32          client threads for the HTTP runs
              --attempts=10000      attempts of each contention storm (1-4 random seats on 100 seats)
              --uncontended=5000    holds of distinct seats in the uncontended run
              --rejections=20000    refusals of a taken seat in each in-process run
              --live-samples=40     holds and cancels on a system started by ./tickitecking up (0 skips them)
              --gateway=http://127.0.0.1:8080        that system's gateway
              --seat-service=http://127.0.0.1:8083   that system's seat-service
              --help                this text""";

    private static final Set<String> NAMES = Set.of("threads", "attempts", "uncontended", "rejections", "live-samples",
            "gateway", "seat-service");

    /** Null when {@code --help} was asked for; throws IllegalArgumentException on an unknown or malformed option. */
    static BenchOptions parse(List<String> args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue; // an empty bench.args
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name == null || !NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
            given.put(name, arg.substring(equals + 1));
        }
        return new BenchOptions(count(given, "threads", 32, 1), count(given, "attempts", 10_000, 1),
                count(given, "uncontended", 5_000, 1), count(given, "rejections", 20_000, 1),
                count(given, "live-samples", 40, 0), given.getOrDefault("gateway", "http://127.0.0.1:8080"),
                given.getOrDefault("seat-service", "http://127.0.0.1:8083"));
    }

    private static int count(Map<String, String> given, String name, int fallback, int min) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int count = Integer.parseInt(value);
            if (count >= min) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number of at least " + min + ", not " + value);
    }
}
