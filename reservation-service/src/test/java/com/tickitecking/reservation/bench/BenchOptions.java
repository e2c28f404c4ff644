package com.tickitecking.reservation.bench;

import com.tickitecking.testing.BenchArguments;
import java.util.List;
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
        BenchArguments given = BenchArguments.parse(args, NAMES, USAGE);
        if (given == null) {
            return null;
        }
        return new BenchOptions(given.count("threads", 32, 1), given.count("attempts", 10_000, 1),
                given.count("uncontended", 5_000, 1), given.count("rejections", 20_000, 1),
                given.count("live-samples", 40, 0), given.text("gateway", "http://127.0.0.1:8080"),
                given.text("seat-service", "http://127.0.0.1:8083"));
    }
}
