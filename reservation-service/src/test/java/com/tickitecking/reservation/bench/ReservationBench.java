package com.tickitecking.reservation.bench;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.localaws.EmbeddedSqs;
import com.tickitecking.localaws.LocalCredentials;
import com.tickitecking.platform.security.Role;
import com.tickitecking.testing.TestHttp;
import com.tickitecking.testing.TestKeys;
import com.tickitecking.testing.TestTokens;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.reservation.ReservationServiceApplication;
import com.tickitecking.reservation.reservation.SeatGuard;
import org.redisson.api.RedissonClient;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

import java.math.BigDecimal;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Measures holds on the local servers, with the service started in-process against its own bench database
 * ({@code tickitecking_reservation_bench}), its own Redis key prefix and an embedded SQS (the sizes below are the
 * defaults, see {@link BenchOptions}):
 * <ol>
 *   <li>a contention storm: 10,000 attempts of random 1–4 seat sets on 100 seats, through the real path
 *   (Redis set → seat locks → unique index);</li>
 *   <li>the same storm against a database-only strategy ({@link PessimisticHoldEndpoint}, SELECT … FOR UPDATE);</li>
 *   <li>what refusing a taken seat costs in-process (no HTTP): the Redis guard against a FOR UPDATE transaction;</li>
 *   <li>an uncontended run: every attempt holds a seat nobody else wants;</li>
 *   <li>event lag: ReservationCreated's occurrence → received from the seat-events queue, both during the
 *   uncontended run (relay saturated) and at a steady 50 holds/s;</li>
 *   <li>when a system started by {@code ./tickitecking up} answers: hold through its gateway → seat-service's
 *   availability shows the seat (and cancel → free again), see {@link LiveEventLag}.</li>
 * </ol>
 * Run: {@code ./tickitecking bench reserve [--attempts=… --threads=… …]} ({@code --help} lists the options; the
 * defaults are the published run).
 */
public final class ReservationBench {

    private static final int PACED_ATTEMPTS = 500;
    private static final int IN_PROCESS_THREADS = 8;
    /** Seats per row of the uncontended run's hall, which has as many rows as its holds need. */
    private static final int UNCONTENDED_SEATS_PER_ROW = 100;
    private static final String DATABASE = "tickitecking_reservation_bench";
    private static final String QUEUE_PREFIX = "bench-";

    private record Result(String name, int attempts, int accepted, int failed, double seconds, long[] latenciesNanos) {
        double attemptsPerSecond() {
            return attempts / seconds;
        }

        double acceptedPerSecond() {
            return accepted / seconds;
        }

        double percentileMillis(double p) {
            return percentile(latenciesNanos, p) / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "%-34s attempts=%d accepted=%d other=%d in %.1f s | attempts/s=%.0f accepted/s=%.1f | p50=%.1f ms p99=%.1f ms",
                    name, attempts, accepted, failed, seconds, attemptsPerSecond(), acceptedPerSecond(), percentileMillis(50), percentileMillis(99));
        }
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        System.out.println("reservation bench: " + options);
        recreateDatabase();
        EmbeddedSqs sqs = EmbeddedSqs.startWithQueues(0, QUEUE_PREFIX);
        String redisPrefix = "bench:reservation:" + System.currentTimeMillis() + ":";
        ConfigurableApplicationContext app = start(sqs, redisPrefix);
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            SqsClient client = sqs.client();
            List<String> tokens = new ArrayList<>();
            for (int u = 0; u < 2000; u++) {
                tokens.add(TestTokens.accessToken(1_000_000 + u, Role.USER));
            }
            List<String> hundredSeats = seats(10, 10);

            // Warm-up of both paths: JIT, connection pools, Redis scripts.
            long warmup = concert(client, jdbc, 10, 10);
            run(options.threads(), "warm-up, three guards", port, tokens, "/api/v1/concerts/" + warmup + "/reservations", 2000, randomSets(hundredSeats, 4, 1));
            long warmupDb = concert(client, jdbc, 10, 10);
            app.getBean(PessimisticHoldEndpoint.class).seatRows(warmupDb, hundredSeats);
            run(options.threads(), "warm-up, DB-only", port, tokens, "/bench/pessimistic/concerts/" + warmupDb + "/reservations", 2000, randomSets(hundredSeats, 4, 1));

            long redisConcert = concert(client, jdbc, 10, 10);
            Result redis = run(options.threads(), "contention, three guards", port, tokens, "/api/v1/concerts/" + redisConcert + "/reservations",
                    options.attempts(), randomSets(hundredSeats, 4, 42));

            long dbConcert = concert(client, jdbc, 10, 10);
            app.getBean(PessimisticHoldEndpoint.class).seatRows(dbConcert, hundredSeats);
            Result db = run(options.threads(), "contention, DB-only FOR UPDATE", port, tokens, "/bench/pessimistic/concerts/" + dbConcert + "/reservations",
                    options.attempts(), randomSets(hundredSeats, 4, 42));

            // The cost of saying "taken", in-process (no HTTP, JSON or token check): the Redis guard against a
            // transaction that locks the seat rows. Every seat asked for here was taken in the storms above.
            SeatGuard guard = app.getBean(SeatGuard.class);
            PessimisticHoldEndpoint pessimistic = app.getBean(PessimisticHoldEndpoint.class);
            List<String> takenByGuards = jdbc.queryForList(
                    "SELECT seat_label FROM reservation_seat WHERE concert_id = ? AND active_marker = 1", String.class, redisConcert);
            List<String> takenInDb = jdbc.queryForList(
                    "SELECT seat_label FROM bench_seat WHERE concert_id = ? AND reservation_id IS NOT NULL", String.class, dbConcert);
            Instant expiry = Instant.now().plus(Duration.ofHours(1));
            IntPredicate guardRefuses = i -> {
                try {
                    guard.hold(redisConcert, 0, List.of(takenByGuards.get(i % takenByGuards.size())), expiry, token -> {
                        throw new IllegalStateException("a taken seat got past the Redis guard");
                    });
                    return false;
                } catch (DomainException e) {
                    return e.kind() == DomainException.Kind.CONFLICT;
                }
            };
            IntPredicate databaseRefuses = i -> pessimistic.refuses(dbConcert, List.of(takenInDb.get(i % takenInDb.size())));
            inProcess("warm-up, rejections", options.rejections(), guardRefuses);
            inProcess("warm-up, rejections DB-only", options.rejections(), databaseRefuses);
            Result guardRejects = inProcess("rejection in-process, Redis guard", options.rejections(), guardRefuses);
            Result dbRejects = inProcess("rejection in-process, FOR UPDATE", options.rejections(), databaseRefuses);

            drain(client); // only the uncontended run's events count for the lag
            ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
            AtomicBoolean collecting = new AtomicBoolean(true);
            int freeRows = Math.ceilDiv(options.uncontended(), UNCONTENDED_SEATS_PER_ROW);
            long freeConcert = concert(client, jdbc, freeRows, UNCONTENDED_SEATS_PER_ROW);
            Thread collector = Thread.ofPlatform().start(() -> collectLag(client, freeConcert, lags, collecting));
            List<String> freeSeats = seats(freeRows, UNCONTENDED_SEATS_PER_ROW);
            Instant uncontendedStart = Instant.now();
            Result free = run(options.threads(), "uncontended, three guards", port, tokens, "/api/v1/concerts/" + freeConcert + "/reservations",
                    options.uncontended(), i -> List.of(freeSeats.get(i)));
            long waitUntil = System.currentTimeMillis() + 30_000;
            while (lags.size() < free.accepted() && System.currentTimeMillis() < waitUntil) {
                Thread.sleep(100);
            }
            collecting.set(false);
            collector.join();
            long[] lag = lags.stream().mapToLong(Long::longValue).toArray();
            long[] relayLag = relayLag(jdbc, uncontendedStart);

            // Event lag again at a steady 50 holds/s, when the relay is not saturated.
            drain(client);
            ConcurrentLinkedQueue<Long> pacedLags = new ConcurrentLinkedQueue<>();
            AtomicBoolean pacedCollecting = new AtomicBoolean(true);
            long pacedConcert = concert(client, jdbc, 10, 50);
            Thread pacedCollector = Thread.ofPlatform().start(() -> collectLag(client, pacedConcert, pacedLags, pacedCollecting));
            List<String> pacedSeats = seats(10, 50);
            for (int i = 0; i < PACED_ATTEMPTS; i++) {
                long t0 = System.nanoTime();
                int attempt = i;
                Thread.ofVirtual().start(() -> TestHttp.at(port).as(tokens.get(attempt)).header("Idempotency-Key", UUID.randomUUID().toString())
                        .post("/api/v1/concerts/" + pacedConcert + "/reservations", Map.of("seats", List.of(pacedSeats.get(attempt)))));
                Thread.sleep(Math.max(0, 20 - (System.nanoTime() - t0) / 1_000_000));
            }
            waitUntil = System.currentTimeMillis() + 30_000;
            while (pacedLags.size() < PACED_ATTEMPTS && System.currentTimeMillis() < waitUntil) {
                Thread.sleep(100);
            }
            pacedCollecting.set(false);
            pacedCollector.join();
            long[] pacedLag = pacedLags.stream().mapToLong(Long::longValue).toArray();

            // The whole path on a running system, if one is up: hold → outbox → SQS → seat-service → availability.
            List<String> liveLag = options.liveSamples() == 0 ? List.of()
                    : LiveEventLag.measure(options.gateway(), options.seatService(), options.liveSamples());

            long doubleBooked = jdbc.queryForObject("""
                    SELECT COUNT(*) FROM (SELECT s.concert_id, s.seat_label FROM reservation_seat s
                    JOIN reservation r ON r.id = s.reservation_id WHERE r.status IN ('HELD', 'CONFIRMED')
                    GROUP BY s.concert_id, s.seat_label HAVING COUNT(*) > 1) d""", Long.class);

            System.out.println();
            System.out.println("reservation-service benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                    + options.threads() + " client threads, HTTP on 127.0.0.1, MariaDB + Redis local)");
            System.out.println(redis.line());
            System.out.println(db.line());
            System.out.println(free.line());
            System.out.println(guardRejects.line());
            System.out.println(dbRejects.line());
            System.out.printf(Locale.ROOT, "%-34s n=%d p50=%.1f ms p99=%.1f ms%n", "event lag, during uncontended run",
                    lag.length, percentile(lag, 50) / 1e6, percentile(lag, 99) / 1e6);
            System.out.printf(Locale.ROOT, "%-34s n=%d p50=%.1f ms p99=%.1f ms%n", "  of it commit → SQS (outbox relay)",
                    relayLag.length, percentile(relayLag, 50) / 1e6, percentile(relayLag, 99) / 1e6);
            System.out.printf(Locale.ROOT, "%-34s n=%d p50=%.1f ms p99=%.1f ms%n", "event lag, paced 50 holds/s",
                    pacedLag.length, percentile(pacedLag, 50) / 1e6, percentile(pacedLag, 99) / 1e6);
            liveLag.forEach(System.out::println);
            System.out.println("double-booked seats in the database: " + doubleBooked);
            System.out.printf(Locale.ROOT, "ratios: rejections/s in-process Redis guard/FOR UPDATE = %.2f (p50 %.1fx lower), "
                            + "contention attempts/s over HTTP guards/DB-only = %.2f, contention p99 DB-only/guards = %.2f, "
                            + "uncontended/contention attempts/s = %.2f, uncontended accepted/s guards/DB-only contention accepted/s = %.2f%n",
                    guardRejects.attemptsPerSecond() / dbRejects.attemptsPerSecond(),
                    dbRejects.percentileMillis(50) / guardRejects.percentileMillis(50),
                    redis.attemptsPerSecond() / db.attemptsPerSecond(), db.percentileMillis(99) / redis.percentileMillis(99),
                    free.attemptsPerSecond() / redis.attemptsPerSecond(), free.acceptedPerSecond() / db.acceptedPerSecond());
        } finally {
            try {
                app.getBean(RedissonClient.class).getKeys().deleteByPattern(redisPrefix + "*");
            } finally {
                app.close();
                sqs.close();
            }
        }
    }

    /** Holds over HTTP on the client threads, each attempt with its own Idempotency-Key. */
    private static Result run(int threads, String name, int port, List<String> tokens, String path, int attempts,
                              IntFunction<List<String>> seatsOf) throws Exception {
        return timed(name, attempts, threads, attempt -> TestHttp.at(port).as(tokens.get(attempt % tokens.size()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(path, Map.of("seats", seatsOf.apply(attempt))).status());
    }

    /** Calls that should each refuse a taken seat; one that does not counts as "other". */
    private static Result inProcess(String name, int attempts, IntPredicate refuses) throws Exception {
        return timed(name, attempts, IN_PROCESS_THREADS, attempt -> refuses.test(attempt) ? 409 : 500);
    }

    /**
     * Runs the attempts on a pool of {@code threads}, timing each. An attempt answers a status: 201 accepted,
     * 409 refused, anything else (e.g. 503 when Redis did not answer in time on an overloaded machine) "other".
     */
    private static Result timed(String name, int attempts, int threads, IntUnaryOperator statusOf) throws Exception {
        long[] latencies = new long[attempts];
        List<Future<Integer>> statuses = new ArrayList<>(attempts);
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < attempts; i++) {
                int attempt = i;
                statuses.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    int status = statusOf.applyAsInt(attempt);
                    latencies[attempt] = System.nanoTime() - t0;
                    return status;
                }));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int accepted = 0;
        int other = 0;
        for (Future<Integer> status : statuses) {
            int code = status.get();
            if (code == 201) {
                accepted++;
            } else if (code != 409) {
                other++;
            }
        }
        Result result = new Result(name, attempts, accepted, other, seconds, latencies);
        System.out.println(result.line());
        return result;
    }

    private static IntFunction<List<String>> randomSets(List<String> seats, int max, long seed) {
        return i -> {
            Random random = new Random(seed * 1_000_003 + i);
            List<String> copy = new ArrayList<>(seats);
            Collections.shuffle(copy, random);
            return List.copyOf(copy.subList(0, 1 + random.nextInt(max)));
        };
    }

    private static long nextConcert = 1;

    /** Publishes a concert the way concert-service would and waits for the projection. */
    private static long concert(SqsClient sqs, JdbcTemplate jdbc, int rows, int seatsPerRow) throws InterruptedException {
        long concertId = nextConcert++;
        List<SeatingLayout.Row> rowList = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            rowList.add(new SeatingLayout.Row("R" + r, seatsPerRow));
        }
        var layout = new SeatingLayout(List.of(new SeatingLayout.Section("FLOOR", "Floor", rowList)));
        var details = new ConcertDetails(1, "Bench " + concertId, Instant.now().plus(Duration.ofDays(30)), 1, "Bench Hall",
                layout, List.of(new SeatGrade("R", new BigDecimal("80.00"), List.of(new SeatGrade.Area("FLOOR", List.of())))));
        String url = sqs.getQueueUrl(b -> b.queueName(QUEUE_PREFIX + "reservation-events")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody(EventJson.write(ConcertCreated.of(concertId, 1, details))));
        while (jdbc.queryForObject("SELECT COUNT(*) FROM concert WHERE id = ?", Long.class, concertId) == 0) {
            Thread.sleep(50);
        }
        return concertId;
    }

    private static List<String> seats(int rows, int seatsPerRow) {
        List<String> seats = new ArrayList<>();
        for (int r = 1; r <= rows; r++) {
            for (int n = 1; n <= seatsPerRow; n++) {
                seats.add("FLOOR-R" + r + "-" + n);
            }
        }
        return seats;
    }

    /**
     * Reads the seat-events queue as a consumer would, ten at a time, and deletes each ten in one call: deleting one
     * by one (as this reader first did) made the reader itself the bottleneck under load, ten round trips per receive.
     */
    private static void collectLag(SqsClient sqs, long concertId, ConcurrentLinkedQueue<Long> lags, AtomicBoolean collecting) {
        String url = sqs.getQueueUrl(b -> b.queueName(QUEUE_PREFIX + "seat-events")).queueUrl();
        while (collecting.get()) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            Instant receivedAt = Instant.now();
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            for (Message message : messages) {
                if (EventJson.read(message.body()) instanceof ReservationCreated created && created.concertId() == concertId) {
                    lags.add(Duration.between(created.occurredAt(), receivedAt).toNanos());
                }
                deletes.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(deletes.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
            if (!deletes.isEmpty()) {
                sqs.deleteMessageBatch(b -> b.queueUrl(url).entries(deletes));
            }
        }
    }

    /** The outbox relay's share of the lag: each ReservationCreated row's commit → SQS accepted it. */
    private static long[] relayLag(JdbcTemplate jdbc, Instant since) {
        return jdbc.queryForList("""
                SELECT TIMESTAMPDIFF(MICROSECOND, created_at, published_at) * 1000 FROM outbox_event
                WHERE event_type = 'ReservationCreated' AND destination = 'SEAT' AND published_at IS NOT NULL
                  AND created_at >= ?""", Long.class, java.sql.Timestamp.from(since))
                .stream().mapToLong(Long::longValue).toArray();
    }

    private static void drain(SqsClient sqs) {
        String url = sqs.getQueueUrl(b -> b.queueName(QUEUE_PREFIX + "seat-events")).queueUrl();
        sqs.purgeQueue(b -> b.queueUrl(url));
    }

    private static ConfigurableApplicationContext start(EmbeddedSqs sqs, String redisPrefix) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", "jdbc:mariadb://127.0.0.1:3306/" + DATABASE);
        properties.put("spring.datasource.username", "root");
        properties.put("spring.datasource.password", "");
        properties.put("spring.datasource.hikari.maximum-pool-size", "16");
        properties.put("spring.data.redis.host", "127.0.0.1");
        properties.put("spring.data.redis.port", "6379");
        properties.put("tickitecking.redis.key-prefix", redisPrefix);
        properties.put("spring.cloud.aws.sqs.endpoint", sqs.endpoint().toString());
        properties.put("spring.cloud.aws.region.static", LocalCredentials.REGION.id());
        properties.put("spring.cloud.aws.credentials.access-key", LocalCredentials.ACCESS_KEY);
        properties.put("spring.cloud.aws.credentials.secret-key", LocalCredentials.SECRET_KEY);
        properties.put("tickitecking.messaging.queue-prefix", QUEUE_PREFIX);
        properties.put("tickitecking.messaging.relay.poll-interval", "100ms");
        properties.put("tickitecking.security.public-key", TestKeys.publicKeyPem());
        // the waiting room signs admission tokens at start-up; the ITs give it the same test key (IsolatedInfrastructure)
        properties.put("tickitecking.waiting-room.private-key", TestKeys.admissionPrivateKeyPem());
        properties.put("tickitecking.reservation.hold-time", "1h");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        properties.put("tickitecking.bench.pessimistic-endpoint", "true");
        return new SpringApplicationBuilder(ReservationServiceApplication.class)
                .web(WebApplicationType.SERVLET)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("bench", properties)))
                .run();
    }

    private static void recreateDatabase() throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    static double percentile(long[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
