package com.tickitecking.reservation.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link OnSaleBench} runs, from {@code --name=value} arguments ({@code ./tickitecking bench onsale} passes
 * them on as {@code -Dbench.args}); an option not given keeps the default of the published run.
 *
 * @param buyers        buyers in each sale, each its own account (a minted access token)
 * @param seats         seats of the concerts, rounded up to whole rows of 100
 * @param joinWindow    seconds from the end of the set-up to the opening, for everyone to join the pre-queue
 * @param connections   the client's HTTP connections for queue polls, and as many for the other requests
 * @param phaseSeconds  length of the ceiling and the rejection runs
 * @param lagSamples    holds (and cancels) of the event-lag probe during the uncontended run
 * @param saleTimeout   seconds after the opening when a sale is given up as not sold out
 * @param sales         which sales to run: both, waiting-room, everyone
 * @param best          buyers ask for {@code {"best": {...}}} seats instead of picking from the availability
 * @param gateway       the running system's gateway, which every buyer's request goes through
 * @param seatService   seat-service of that system, read directly by the event-lag probe only
 * @param local         the launcher's .local directory (jwt-private.pem, admin.env)
 * @param database      JDBC URL of reservation-service's database, for the double-booking check
 */
record OnSaleOptions(int buyers, int seats, int joinWindow, int connections, int phaseSeconds, int lagSamples,
                     int saleTimeout, Sales sales, boolean best, String gateway, String seatService, Path local, String database) {

    enum Sales {
        BOTH, WAITING_ROOM, EVERYONE;

        boolean waitingRoom() {
            return this != EVERYONE;
        }

        boolean everyone() {
            return this != WAITING_ROOM;
        }
    }

    static final String USAGE = """
            ./tickitecking bench onsale [--name=value ...]     (on a system started by ./tickitecking up)
              --buyers=10000        buyers in each sale, each its own account
              --seats=20000         seats of each concert (whole rows of 100)
              --join-window=40      seconds from the set-up to the opening, for everyone to join the pre-queue
              --connections=128     HTTP connections of the client for queue polls, and as many for the rest
              --phase-seconds=15    length of the ceiling run and of the rejection run
              --lag-samples=20      holds of the event-lag probe during the uncontended run
              --sale-timeout=300    seconds after an opening before a sale counts as not sold out
              --sales=both          both | waiting-room | everyone (the sale without a waiting room)
              --pick=seats          seats: buyers pick free seats from the availability | best: they ask for the best
              --gateway=http://127.0.0.1:8080        the gateway: every buyer's request goes through it
              --seat-service=http://127.0.0.1:8083   read directly by the event-lag probe only
              --local=.local        the launcher's state: jwt-private.pem (signs the buyers' tokens), admin.env
              --database=jdbc:mariadb://127.0.0.1:3306/tickitecking_reservation   (DB_USERNAME, DB_PASSWORD)
              --help                this text""";

    private static final Set<String> NAMES = Set.of("buyers", "seats", "join-window", "connections", "phase-seconds",
            "lag-samples", "sale-timeout", "sales", "pick", "gateway", "seat-service", "local", "database");

    /** Null when {@code --help} was asked for; throws IllegalArgumentException on an unknown or malformed option. */
    static OnSaleOptions parse(List<String> args) {
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
        return new OnSaleOptions(count(given, "buyers", 10_000, 1), count(given, "seats", 20_000, 1),
                count(given, "join-window", 40, 5), count(given, "connections", 128, 1),
                count(given, "phase-seconds", 15, 1), count(given, "lag-samples", 20, 0),
                count(given, "sale-timeout", 300, 10), sales(given.getOrDefault("sales", "both")),
                best(given.getOrDefault("pick", "seats")),
                given.getOrDefault("gateway", "http://127.0.0.1:8080"),
                given.getOrDefault("seat-service", "http://127.0.0.1:8083"),
                Path.of(given.getOrDefault("local", ".local")),
                given.getOrDefault("database", "jdbc:mariadb://127.0.0.1:3306/tickitecking_reservation"));
    }

    private static Sales sales(String value) {
        return switch (value) {
            case "both" -> Sales.BOTH;
            case "waiting-room" -> Sales.WAITING_ROOM;
            case "everyone" -> Sales.EVERYONE;
            default -> throw new IllegalArgumentException("--sales must be both, waiting-room or everyone, not " + value);
        };
    }

    private static boolean best(String value) {
        return switch (value) {
            case "seats" -> false;
            case "best" -> true;
            default -> throw new IllegalArgumentException("--pick must be seats or best, not " + value);
        };
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
