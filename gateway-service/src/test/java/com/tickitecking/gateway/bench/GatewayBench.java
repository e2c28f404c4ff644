package com.tickitecking.gateway.bench;

import com.tickitecking.testing.TestHttp;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gateway's own cost: the reads every buyer makes, straight to the owning service and through the gateway,
 * side by side in one run on the system {@code ./tickitecking up} started. Through the API it creates what it
 * needs (an organiser promoted by the admin, an auditorium, a concert of {@code --seats} seats, a buyer for the
 * Bearer variant); then for each read it warms both targets up and measures them in alternating slices (direct,
 * gateway, direct, gateway …), so a drift of the machine hits both alike. It prints req/s, p50/p99, the non-2xx
 * count, gateway/direct and the goal check (≥ 0.70) over the reads as clients send them, which the gateway's
 * microcache answers; the same reads with {@code Cache-Control: no-store} (rows "uncached") bypass that cache and
 * show what proxying itself costs.
 * <p>
 * Start the system with {@code RATE_LIMIT_RPS=100000 RATE_LIMIT_BURST=100000 ./tickitecking up}: from one
 * address (or with one token) 32 connections are far above the per-caller limit of 50/s, and 429s measure
 * nothing. The limiter still runs on every request; it just never refuses.
 * Run: {@code ./tickitecking bench gateway [--seconds=20 --connections=32 …]} ({@code --help} lists the options).
 */
public final class GatewayBench {

    static final double GOAL = 0.70;
    private static final String PASSWORD = "Bench#Gw1pass";
    private static final Duration SEATS_READY = Duration.ofSeconds(120);

    private record Read(String name, URI direct, URI gateway, Map<String, String> headers) {
    }

    private record Outcome(Read read, LoadGenerator.Result direct, LoadGenerator.Result gateway) {
        double ratio() {
            return gateway.perSecond() / direct.perSecond();
        }
    }

    public static void main(String[] args) throws Exception {
        GatewayBenchOptions options;
        try {
            options = GatewayBenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(GatewayBenchOptions.USAGE);
            return;
        }
        System.out.println("gateway bench: " + options);
        for (String url : List.of(options.gateway(), options.seatService(), options.concertService())) {
            if (!ready(url)) {
                System.err.println("nothing ready at " + url + ": start the system first "
                        + "(RATE_LIMIT_RPS=100000 RATE_LIMIT_BURST=100000 ./tickitecking up)");
                System.exit(1);
            }
        }
        TestHttp gateway = TestHttp.at(options.gateway());
        String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
        long concertId = concertOf(gateway, options, run);
        String buyerToken = signUpAndLogIn(gateway, "gwb" + run + "b");
        System.out.println("concert " + concertId + " (" + options.seats() + " seats) ready; measuring "
                + options.connections() + " connections, " + options.seconds() + " s per target, "
                + options.rounds() + " rounds, " + options.warmup() + " s warm-up");

        String availability = "/api/v1/concerts/" + concertId + "/seats/availability";
        String detail = "/api/v1/concerts/" + concertId;
        List<Read> reads = List.of(
                new Read("availability, anonymous", URI.create(options.seatService() + availability),
                        URI.create(options.gateway() + availability), Map.of()),
                new Read("availability, Bearer", URI.create(options.seatService() + availability),
                        URI.create(options.gateway() + availability), Map.of("Authorization", "Bearer " + buyerToken)),
                new Read("concert detail, anonymous", URI.create(options.concertService() + detail),
                        URI.create(options.gateway() + detail), Map.of()),
                // the same reads past the gateway's microcache: a request's Cache-Control: no-store makes
                // LocalResponseCache leave it alone, so these rows are the proxy's own cost (the services ignore it)
                new Read("availability, anon, uncached", URI.create(options.seatService() + availability),
                        URI.create(options.gateway() + availability), Map.of("Cache-Control", "no-store")),
                new Read("availability, Bearer, uncached", URI.create(options.seatService() + availability),
                        URI.create(options.gateway() + availability),
                        Map.of("Authorization", "Bearer " + buyerToken, "Cache-Control", "no-store")),
                new Read("concert detail, uncached", URI.create(options.concertService() + detail),
                        URI.create(options.gateway() + detail), Map.of("Cache-Control", "no-store")));
        // Every read on both targets first, then the measurements: a gateway (re)started just before the bench runs
        // its first seconds on the interpreter and C1, and that must not count against whichever read comes first.
        for (Read read : reads) {
            warmUp(read, options);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Read read : reads) {
            outcomes.add(measure(read, options));
        }
        report(outcomes, options);
    }

    private static void warmUp(Read read, GatewayBenchOptions options) throws InterruptedException {
        if (options.warmup() > 0 && !options.only().equals("gateway")) {
            LoadGenerator.run(read.direct(), read.headers(), options.connections(), options.warmup());
        }
        if (options.warmup() > 0 && !options.only().equals("direct")) {
            LoadGenerator.run(read.gateway(), read.headers(), options.connections(), options.warmup());
        }
    }

    /** {@code rounds} alternating slices of each target; the slices of a target are added up. */
    private static Outcome measure(Read read, GatewayBenchOptions options) throws InterruptedException {
        boolean toDirect = !options.only().equals("gateway");
        boolean toGateway = !options.only().equals("direct");
        double slice = (double) options.seconds() / options.rounds();
        LoadGenerator.Result direct = LoadGenerator.Result.NONE;
        LoadGenerator.Result viaGateway = LoadGenerator.Result.NONE;
        for (int round = 0; round < options.rounds(); round++) {
            if (toDirect) {
                direct = direct.plus(LoadGenerator.run(read.direct(), read.headers(), options.connections(), slice));
            }
            if (toGateway) {
                viaGateway = viaGateway.plus(LoadGenerator.run(read.gateway(), read.headers(), options.connections(), slice));
            }
        }
        Outcome outcome = new Outcome(read, direct, viaGateway);
        System.out.println(line(read.name() + ", direct", direct));
        System.out.println(line(read.name() + ", gateway", viaGateway));
        return outcome;
    }

    private static void report(List<Outcome> outcomes, GatewayBenchOptions options) {
        System.out.println();
        System.out.println("gateway bench (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + options.connections() + " connections, " + options.seconds() + " s per target, keep-alive HTTP/1.1, all on 127.0.0.1)");
        for (Outcome outcome : outcomes) {
            System.out.println(line(outcome.read().name() + ", direct", outcome.direct()));
            System.out.println(line(outcome.read().name() + ", gateway", outcome.gateway()));
        }
        if (!options.only().equals("both")) {
            System.out.println("ratios: not measured (--only=" + options.only() + ")");
            return;
        }
        boolean met = true;
        StringBuilder ratios = new StringBuilder("ratios gateway/direct:");
        for (Outcome outcome : outcomes) {
            boolean ok = outcome.ratio() >= GOAL && outcome.gateway().non2xx() == 0 && outcome.direct().non2xx() == 0;
            if (outcome.read().name().endsWith("uncached")) {
                // what the proxy costs past its cache: printed so nobody reads the cached figure as that one
                ratios.append(String.format(Locale.ROOT, " %s %.2f (proxy cost, not in the goal);",
                        outcome.read().name(), outcome.ratio()));
                continue;
            }
            met &= ok;
            ratios.append(String.format(Locale.ROOT, " %s %.2f%s;", outcome.read().name(), outcome.ratio(), ok ? "" : " (below the goal)"));
        }
        System.out.println(ratios);
        System.out.printf(Locale.ROOT, "goal (every read through the gateway ≥ %.0f %% of direct, no non-2xx): %s%n",
                GOAL * 100, met ? "met" : "NOT met");
        if (outcomes.stream().anyMatch(o -> o.gateway().statuses().containsKey(429))) {
            System.out.println("note: 429s are the gateway's rate limit; start the system with "
                    + "RATE_LIMIT_RPS=100000 RATE_LIMIT_BURST=100000 ./tickitecking up");
        }
    }

    private static String line(String name, LoadGenerator.Result result) {
        return String.format(Locale.ROOT, "%-38s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  requests %7d  non-2xx %d%s",
                name, result.perSecond(), result.percentileMillis(50), result.percentileMillis(99), result.requests(),
                result.non2xx(), result.non2xx() == 0 ? "" : " " + result.statuses());
    }

    // --- what the bench needs, created through the API -------------------------------------------------------------

    /** An organiser (signed up, promoted by the admin), an auditorium and a concert whose seats are ready. */
    private static long concertOf(TestHttp gateway, GatewayBenchOptions options, String run) throws Exception {
        Map<String, String> admin = adminCredentials(options.adminEnv());
        TestHttp asAdmin = gateway.as(login(gateway, admin.get("ADMIN_USERNAME"), admin.get("ADMIN_PASSWORD")));
        String organiser = "gwb" + run + "o";
        long organiserId = signUp(gateway, organiser);
        expect(200, retrying(() -> asAdmin.put("/api/v1/admin/users/" + organiserId + "/role", Map.of("role", "COMPANY_USER"))),
                "promotion of " + organiser);
        TestHttp asOrganiser = gateway.as(login(gateway, organiser, PASSWORD)); // the new role is in the new token
        int seatsPerRow = Math.min(100, options.seats());
        int rows = Math.ceilDiv(options.seats(), seatsPerRow);
        var venue = expect(201, retrying(() -> asOrganiser.post("/api/v1/auditoriums", Map.of("name", "Bench Hall " + run,
                "address", "1 Bench Street", "layout", Map.of("sections",
                        List.of(Map.of("code", "FLOOR", "rowCount", rows, "seatsPerRow", seatsPerRow)))))), "auditorium");
        var concert = expect(201, retrying(() -> asOrganiser.post("/api/v1/concerts", Map.of("name", "Gateway Bench " + run,
                "description", "created by ./tickitecking bench gateway",
                "startTime", Instant.now().plus(Duration.ofDays(30)).toString(),
                "auditoriumId", venue.json().get("id").asLong(),
                "grades", List.of(Map.of("name", "R", "price", 50, "areas", List.of(Map.of("section", "FLOOR"))))))), "concert");
        long concertId = concert.json().get("id").asLong();
        TestHttp seats = TestHttp.at(options.seatService());
        long deadline = System.nanoTime() + SEATS_READY.toNanos();
        while (seats.get("/api/v1/concerts/" + concertId + "/seats/availability").status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("seat-service has no availability for concert " + concertId + " after " + SEATS_READY);
            }
            Thread.sleep(250);
        }
        return concertId;
    }

    private static String signUpAndLogIn(TestHttp gateway, String name) {
        signUp(gateway, name);
        return login(gateway, name, PASSWORD);
    }

    private static long signUp(TestHttp gateway, String name) {
        return expect(201, retrying(() -> gateway.post("/api/v1/users/signup",
                Map.of("username", name, "password", PASSWORD, "email", name + "@bench.example"))), "sign-up of " + name)
                .json().get("id").asLong();
    }

    private static String login(TestHttp gateway, String name, String password) {
        return expect(200, retrying(() -> gateway.post("/api/v1/users/login", Map.of("username", name, "password", password))),
                "login of " + name).json().get("accessToken").asString();
    }

    /** The environment's ADMIN_USERNAME/ADMIN_PASSWORD, else those in the file {@code ./tickitecking up} writes. */
    private static Map<String, String> adminCredentials(String file) throws IOException {
        String user = System.getenv("ADMIN_USERNAME");
        String password = System.getenv("ADMIN_PASSWORD");
        if (user != null && password != null) {
            return Map.of("ADMIN_USERNAME", user, "ADMIN_PASSWORD", password);
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        }
        if (!values.containsKey("ADMIN_USERNAME") || !values.containsKey("ADMIN_PASSWORD")) {
            throw new IllegalStateException(file + " has no ADMIN_USERNAME/ADMIN_PASSWORD; set them in the environment");
        }
        return values;
    }

    /**
     * A set-up call, again after a moment while the gateway sheds it (429 with the default limits, 502/503) or it
     * times out (the first logins on a system that has just started, BCrypt on a cold JIT).
     */
    private static TestHttp.Response retrying(Supplier<TestHttp.Response> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                TestHttp.Response response = call.get();
                if (attempt >= 10 || !List.of(429, 502, 503).contains(response.status())) {
                    return response;
                }
            } catch (IllegalStateException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
            sleep(attempt * 500L);
        }
    }

    private static TestHttp.Response expect(int status, TestHttp.Response response, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response + " (expected " + status + ")");
        }
        return response;
    }

    private static boolean ready(String baseUrl) {
        try {
            return TestHttp.at(baseUrl).get("/actuator/health/readiness").status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
