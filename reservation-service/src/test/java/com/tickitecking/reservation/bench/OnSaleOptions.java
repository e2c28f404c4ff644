package com.tickitecking.reservation.bench;

import java.nio.file.Path;
import com.tickitecking.testing.BenchArguments;
import java.util.List;
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
 * @param sales         which sales to run: both, waiting-room, everyone, or none (only the runs after the sales:
 *                      the ceiling, the uncontended holds with the event-lag probe, the rejections)
 * @param best          buyers ask for {@code {"best": {...}}} seats instead of picking from the availability
 * @param gateway       the running system's gateway, which every buyer's request goes through
 * @param seatService   seat-service of that system, read directly by the event-lag probe only
 * @param local         the launcher's .local directory (jwt-private.pem, admin.env)
 * @param database      JDBC URL of reservation-service's database, for the double-booking check
 */
record OnSaleOptions(int buyers, int seats, int joinWindow, int connections, int phaseSeconds, int lagSamples,
                     int saleTimeout, Sales sales, boolean best, String gateway, String seatService, Path local, String database) {

    enum Sales {
        BOTH, WAITING_ROOM, EVERYONE, NONE;

        boolean waitingRoom() {
            return this == BOTH || this == WAITING_ROOM;
        }

        boolean everyone() {
            return this == BOTH || this == EVERYONE;
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
              --sales=both          both | waiting-room | everyone (the sale without a waiting room) | none (only the
                                    runs after the sales, quickly: the ceiling, the uncontended holds with the
                                    event-lag probe, the rejections; with --lag-samples=0 the uncontended run lasts
                                    --phase-seconds)
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
        BenchArguments given = BenchArguments.parse(args, NAMES, USAGE);
        if (given == null) {
            return null;
        }
        return new OnSaleOptions(given.count("buyers", 10_000, 1), given.count("seats", 20_000, 1),
                given.count("join-window", 40, 5), given.count("connections", 128, 1),
                given.count("phase-seconds", 15, 1), given.count("lag-samples", 20, 0),
                given.count("sale-timeout", 300, 10), sales(given.text("sales", "both")),
                best(given.text("pick", "seats")),
                given.text("gateway", "http://127.0.0.1:8080"),
                given.text("seat-service", "http://127.0.0.1:8083"),
                Path.of(given.text("local", ".local")),
                given.text("database", "jdbc:mariadb://127.0.0.1:3306/tickitecking_reservation"));
    }

    private static Sales sales(String value) {
        return switch (value) {
            case "both" -> Sales.BOTH;
            case "waiting-room" -> Sales.WAITING_ROOM;
            case "everyone" -> Sales.EVERYONE;
            case "none" -> Sales.NONE;
            default -> throw new IllegalArgumentException("--sales must be both, waiting-room, everyone or none, not " + value);
        };
    }

    private static boolean best(String value) {
        return switch (value) {
            case "seats" -> false;
            case "best" -> true;
            default -> throw new IllegalArgumentException("--pick must be seats or best, not " + value);
        };
    }
}
