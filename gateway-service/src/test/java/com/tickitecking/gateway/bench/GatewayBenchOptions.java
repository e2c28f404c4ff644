package com.tickitecking.gateway.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return new GatewayBenchOptions(count(given, "seconds", 20, 1), count(given, "connections", 32, 1),
                count(given, "warmup", 10, 0), count(given, "rounds", 2, 1), count(given, "seats", 10_000, 1),
                given.getOrDefault("gateway", "http://127.0.0.1:8080"),
                given.getOrDefault("seat-service", "http://127.0.0.1:8083"),
                given.getOrDefault("concert-service", "http://127.0.0.1:8082"),
                given.getOrDefault("admin-env", ".local/admin.env"), target(given.getOrDefault("only", "both")));
    }

    private static String target(String value) {
        if (!TARGETS.contains(value)) {
            throw new IllegalArgumentException("--only must be one of " + TARGETS + ", not " + value);
        }
        return value;
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
