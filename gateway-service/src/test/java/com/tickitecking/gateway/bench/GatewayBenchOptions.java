package com.tickitecking.gateway.bench;

import com.tickitecking.testing.BenchArguments;
import java.util.List;
import java.util.Set;

/**
 * What {@link GatewayBench} runs, from {@code --name=value} arguments ({@code ./tickitecking bench gateway} passes
 * them on as {@code -Dbench.args}); an option not given keeps the default of the published figures.
 *
 * @param seconds        measured seconds per endpoint and target (split over {@code rounds} alternating slices)
 * @param connections    concurrent keep-alive connections, one worker each
 * @param warmup         seconds of warm-up per read and target, every read warmed up before the first is measured
 * @param rounds         how many times direct and gateway alternate within the measured seconds
 * @param seats          seats of the concert the bench creates
 * @param gateway        the running system's gateway
 * @param seatService    its seat-service
 * @param concertService its concert-service
 * @param adminEnv       the file {@code ./tickitecking up} writes the admin's credentials to
 * @param only           {@code both}, or {@code gateway} / {@code direct} alone (to attribute CPU per process)
 */
record GatewayBenchOptions(int seconds, int connections, int warmup, int rounds, int seats, String gateway,
                           String seatService, String concertService, String adminEnv, String only) {

    static final Set<String> TARGETS = Set.of("both", "gateway", "direct");

    static final String USAGE = """
            ./tickitecking bench gateway [--name=value ...]
              --seconds=20          measured seconds per endpoint, straight to the service and through the gateway each
              --connections=32      concurrent keep-alive connections (one worker each)
              --warmup=10           warm-up seconds per read and target, all before the first measurement (JIT)
              --rounds=2            direct and gateway alternate this many times within --seconds
              --seats=10000         seats of the concert the bench creates
              --gateway=http://127.0.0.1:8080
              --seat-service=http://127.0.0.1:8083
              --concert-service=http://127.0.0.1:8082
              --admin-env=.local/admin.env   ADMIN_USERNAME/ADMIN_PASSWORD (the environment wins)
              --only=both           or gateway / direct: load one target alone (CPU per request of each process)
              --help                this text""";

    private static final Set<String> NAMES = Set.of("seconds", "connections", "warmup", "rounds", "seats", "gateway",
            "seat-service", "concert-service", "admin-env", "only");

    /** Null when {@code --help} was asked for; throws IllegalArgumentException on an unknown or malformed option. */
    static GatewayBenchOptions parse(List<String> args) {
        BenchArguments given = BenchArguments.parse(args, NAMES, USAGE);
        if (given == null) {
            return null;
        }
        return new GatewayBenchOptions(given.count("seconds", 20, 1), given.count("connections", 32, 1),
                given.count("warmup", 10, 0), given.count("rounds", 2, 1), given.count("seats", 10_000, 1),
                given.text("gateway", "http://127.0.0.1:8080"),
                given.text("seat-service", "http://127.0.0.1:8083"),
                given.text("concert-service", "http://127.0.0.1:8082"),
                given.text("admin-env", ".local/admin.env"), target(given.text("only", "both")));
    }

    private static String target(String value) {
        if (!TARGETS.contains(value)) {
            throw new IllegalArgumentException("--only must be one of " + TARGETS + ", not " + value);
        }
        return value;
    }
}
