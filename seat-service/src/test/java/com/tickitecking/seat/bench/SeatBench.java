package com.tickitecking.seat.bench;

import com.tickitecking.events.ConcertCreated;
import com.tickitecking.events.ConcertDetails;
import com.tickitecking.events.DomainEvent;
import com.tickitecking.events.EventJson;
import com.tickitecking.events.ReservationCancelled;
import com.tickitecking.events.ReservationCreated;
import com.tickitecking.events.SeatGrade;
import com.tickitecking.events.SeatingLayout;
import com.tickitecking.localaws.EmbeddedSqs;
import com.tickitecking.localaws.LocalCredentials;
import com.tickitecking.testing.TestKeys;
import com.tickitecking.seat.SeatServiceApplication;
import com.tickitecking.seat.availability.AvailabilityService;
import com.tickitecking.seat.messaging.SeatEventsListener;
import com.tickitecking.seat.config.SeatProperties;
import com.tickitecking.seat.concert.Concert;
import com.tickitecking.seat.seat.NewSeat;
import com.tickitecking.seat.seat.RowGrade;
import com.tickitecking.seat.seat.SeatRepository;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seat-service benchmark (not a test; run through the {@code bench} Maven profile, see NOTES.md). Against the local
 * MariaDB and Redis, in a database of its own ({@code tickitecking_seat_bench}, dropped and re-created):
 * <ol>
 *   <li>creates one 100,000-seat concert through {@link SeatRepository} (the service's batch path) with several driver
 *       settings, beside a raw multi-row INSERT and a seed-style one-INSERT-per-row autocommit loop;</li>
 *   <li>fills 100,000 seats over 20 concerts (through the service's own event handler) and measures availability
 *       lookups: the Redis bitmap path (in-process and over HTTP) beside a seed-style lookup that loads the
 *       concert's seat rows and filters their status in Java;</li>
 *   <li>repeats (2) while a writer keeps holding and releasing seats through the event handler.</li>
 * </ol>
 * Loopback only; every loop is bounded in count and time.
 */
public final class SeatBench {

    private static final String DB = "tickitecking_seat_bench";

    private final Map<String, String> args;
    private final String dbBase;
    private final List<String[]> table = new ArrayList<>();
    private final Map<String, Double> figures = new HashMap<>();

    private SeatBench(Map<String, String> args) {
        this.args = args;
        this.dbBase = arg("db", "127.0.0.1:3306");
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            if (a.startsWith("--") && a.contains("=")) {
                args.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        new SeatBench(args).run();
    }

    private String arg(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }

    private int intArg(String name, int fallback) {
        return Integer.parseInt(arg(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        recreateDatabase();
        migrate();
        System.out.printf("%nseat-service benchmark on %s, database %s, %d cores, Java %s%n", dbBase, DB,
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        insertBenchmark();
        readBenchmark();

        System.out.printf("%n%-80s %16s %9s %9s%n", "measurement", "throughput", "p50 ms", "p99 ms");
        for (String[] row : table) {
            System.out.printf("%-80s %16s %9s %9s%n", (Object[]) row);
        }
        System.out.println();
        System.out.println(ratioLine());
    }

    // ---- 1. creating seats ------------------------------------------------------------------------------------

    private void insertBenchmark() throws Exception {
        int seats = intArg("seats", 100_000);
        ConcertDetails details = stadium(seats);
        System.out.printf("%n[1] creating %,d seats of one concert%n", details.layout().totalSeats());

        double bulk = timeBatchPath("jdbc:mariadb://" + dbBase + "/" + DB, details,
                "SeatRepository batch, MariaDB C/J 3.5 defaults (bulk inserts)");
        figures.put("insert.batch", bulk);
        timeBatchPath("jdbc:mariadb://" + dbBase + "/" + DB + "?useBulkStmts=false&useBulkStmtsForInserts=false", details,
                "SeatRepository batch, MariaDB C/J useBulkStmtsForInserts=false");
        timeBatchPath("jdbc:mysql://" + dbBase + "/" + DB + "?rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true",
                details, "SeatRepository batch, MySQL C/J rewriteBatchedStatements=true");
        timeBatchPath("jdbc:mysql://" + dbBase + "/" + DB + "?useSSL=false&allowPublicKeyRetrieval=true",
                details, "SeatRepository batch, MySQL C/J without rewrite");
        figures.put("insert.multirow", timeMultiRowInsert(details));
        figures.put("insert.seed", timeRowByRow(details));

        ConcertDetails repriced = repriced(details);
        System.out.printf("%n[1] repricing every seat of that concert (the seed's other slow step: modifying seats)%n");
        figures.put("regrade.batch", timeRegrade(details, repriced));
        figures.put("regrade.seed", timeRowByRowRegrade(repriced));

        ConcertDetails seedSized = seedSizedHall();
        System.out.printf("%n[1] the seed's own concert size: rows A-Z x seats 1-100%n");
        timeBatchPath("jdbc:mariadb://" + dbBase + "/" + DB, seedSized,
                "SeatRepository batch, " + seedSized.layout().totalSeats() + " seats (rows A-Z x 1-100)");
        truncateSeats();
    }

    /** Inserts the concert's seats, then times {@link SeatRepository#regrade} giving every row a new price. */
    private double timeRegrade(ConcertDetails before, ConcertDetails after) {
        truncateSeats();
        try (HikariDataSource ds = dataSource("jdbc:mariadb://" + dbBase + "/" + DB)) {
            var writer = new SeatRepository(new JdbcTemplate(ds), new SeatProperties(1000, 0, null, null, 0));
            var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            tx.execute(status -> writer.insert(1, rowsOf(before)));
            long start = System.nanoTime();
            tx.execute(status -> writer.regrade(1, regradedRows(before, after)));
            double seconds = (System.nanoTime() - start) / 1e9;
            checkPrices(after);
            return rate("SeatRepository.regrade: one range UPDATE per row of seats, one batch", after.layout().totalSeats(), seconds);
        }
    }

    /** The row-by-row way: one UPDATE per seat, each its own autocommit transaction. Bounded in time. */
    private double timeRowByRowRegrade(ConcertDetails after) throws Exception {
        return rowByRow("seed-style: one UPDATE per seat, autocommit",
                "UPDATE seat SET grade = ?, price = ? WHERE concert_id = 1 AND seat_index = ?", rowsOf(after), (ps, r) -> {
                    ps.setString(1, r.grade());
                    ps.setBigDecimal(2, r.price().add(BigDecimal.ONE));
                    ps.setInt(3, r.index());
                });
    }

    private void checkPrices(ConcertDetails expected) {
        for (SeatGrade grade : expected.grades()) {
            long stale = jdbc().queryForObject("SELECT COUNT(*) FROM seat WHERE concert_id = 1 AND grade = ? AND price <> ?",
                    Long.class, grade.name(), grade.price());
            if (stale > 0) {
                throw new IllegalStateException(stale + " seats of grade " + grade.name() + " kept their old price");
            }
        }
    }

    /** The same concert with every grade 10 % dearer, so every row of seats changes. */
    private static ConcertDetails repriced(ConcertDetails details) {
        List<SeatGrade> grades = details.grades().stream()
                .map(g -> new SeatGrade(g.name(), g.price().multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_UP), g.areas()))
                .toList();
        return details(details.layout(), grades);
    }

    /** The seed's grid: rows A to Z of 100 seats, 2,600 seats, one grade. */
    private static ConcertDetails seedSizedHall() {
        List<SeatingLayout.Row> rows = new ArrayList<>();
        for (char row = 'A'; row <= 'Z'; row++) {
            rows.add(new SeatingLayout.Row(String.valueOf(row), 100));
        }
        return details(new SeatingLayout(List.of(new SeatingLayout.Section("HALL", "Hall", rows))),
                List.of(new SeatGrade("R", new BigDecimal("90.00"), List.of(new SeatGrade.Area("HALL", null)))));
    }

    /** The seat rows the service creates for the concert (what ConcertEventsHandler inserts). */
    private static List<NewSeat> rowsOf(ConcertDetails details) {
        return Concert.created(1, 1, details).seats();
    }

    /** The rows of seats the service regrades when the concert goes from {@code before} to {@code after}. */
    private static List<RowGrade> regradedRows(ConcertDetails before, ConcertDetails after) {
        return Concert.created(1, 1, before).update(2, after).orElseThrow().regraded();
    }

    private double timeBatchPath(String url, ConcertDetails details, String name) {
        truncateSeats();
        try (HikariDataSource ds = dataSource(url)) {
            var jdbc = new JdbcTemplate(ds);
            var writer = new SeatRepository(jdbc, new SeatProperties(1000, 0, null, null, 0));
            var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            long start = System.nanoTime();
            Integer inserted = tx.execute(s -> writer.insert(1, rowsOf(details)));
            double seconds = (System.nanoTime() - start) / 1e9;
            check(inserted, details);
            return rate(name, inserted, seconds);
        }
    }

    private double timeMultiRowInsert(ConcertDetails details) throws Exception {
        truncateSeats();
        var rows = rowsOf(details);
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (Statement st = c.createStatement()) {
                for (int from = 0; from < rows.size(); from += 1000) {
                    StringBuilder sql = new StringBuilder("INSERT INTO seat (concert_id, seat_index, label, section, row_label, number, grade, price, status) VALUES ");
                    for (int i = from; i < Math.min(from + 1000, rows.size()); i++) {
                        var r = rows.get(i);
                        if (i > from) {
                            sql.append(',');
                        }
                        sql.append("(1,").append(r.index()).append(",'").append(r.seat()).append("','")
                                .append(r.seat().section()).append("','").append(r.seat().row()).append("',")
                                .append(r.seat().number()).append(",'").append(r.grade()).append("',")
                                .append(r.price().toPlainString()).append(",'AVAILABLE')");
                    }
                    st.executeUpdate(sql.toString());
                }
            }
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            check(rows.size(), details);
            return rate("raw multi-row INSERT, 1000 rows/statement, one tx", rows.size(), seconds);
        }
    }

    /** The seed-script way: one INSERT per seat, each its own autocommit transaction. Bounded in time. */
    private double timeRowByRow(ConcertDetails details) throws Exception {
        truncateSeats();
        return rowByRow("seed-style: one INSERT per row, autocommit", SeatRepository.INSERT, rowsOf(details),
                (ps, r) -> SeatRepository.bindInsert(ps, 1, r));
    }

    private interface RowBinder {
        void bind(PreparedStatement ps, NewSeat row) throws SQLException;
    }

    /** Runs {@code sql} once per row, each its own autocommit transaction, until done or {@code --seed-seconds}. */
    private double rowByRow(String name, String sql, List<NewSeat> rows, RowBinder binder) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(intArg("seed-seconds", 60)).toNanos();
        int done = 0;
        long start = System.nanoTime();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            for (var r : rows) {
                binder.bind(ps, r);
                ps.executeUpdate();
                done++;
                if ((done & 255) == 0 && System.nanoTime() > deadline) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return rate(name + (done < rows.size() ? " (" + done + " rows, time cap)" : ""), done, seconds);
    }

    private double rate(String name, int rows, double seconds) {
        double perSecond = rows / seconds;
        System.out.printf("  %-62s %,9d rows in %6.2f s = %,10.0f seats/s%n", name, rows, seconds, perSecond);
        table.add(new String[]{"[1] " + name, String.format(Locale.ROOT, "%,.0f seats/s", perSecond), "", ""});
        return perSecond;
    }

    private void check(int inserted, ConcertDetails details) {
        long count = jdbc().queryForObject("SELECT COUNT(*) FROM seat WHERE concert_id = 1", Long.class);
        if (count != inserted || inserted != details.layout().totalSeats()) {
            throw new IllegalStateException("expected " + details.layout().totalSeats() + " seats, found " + count);
        }
    }

    // ---- 2./3. availability lookups ----------------------------------------------------------------------------

    private void readBenchmark() throws Exception {
        int concerts = intArg("concerts", 20);
        int perConcert = intArg("seats-per-concert", 5_000);
        EmbeddedSqs sqs = EmbeddedSqs.startWithQueues(0, "bench-");
        int port = intArg("port", 18083);
        ConfigurableApplicationContext app = startSeatService(sqs, port);
        try {
            var listener = app.getBean(SeatEventsListener.class);
            var availability = app.getBean(AvailabilityService.class);
            app.getBean(StringRedisTemplate.class).delete(
                    app.getBean(StringRedisTemplate.class).keys("bench:*"));
            long[] ids = fill(listener, concerts, perConcert);
            long total = jdbc().queryForObject("SELECT COUNT(*) FROM seat", Long.class);
            long taken = jdbc().queryForObject("SELECT COUNT(*) FROM seat WHERE status <> 'AVAILABLE'", Long.class);
            System.out.printf("%n[2] availability lookups over %,d seats in %d concerts (%,d not available)%n", total, concerts, taken);

            String inProcessUrl = "http://127.0.0.1:" + port;
            List<Target> targets = targets(inProcessUrl, ids[0]);
            // The HTTP stack (Tomcat, security, Jackson) has far more code to compile than the Redis path: give the
            // JIT a head start once, so the first measured target is not measured half-interpreted.
            HttpClient warm = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            runFor(intArg("threads", 8), Duration.ofSeconds(intArg("http-warmup", 15)), 1_000_000, () ->
                    get(warm, inProcessUrl + "/api/v1/concerts/" + pick(ids) + "/seats/availability") == 200);
            phase("[2]", "", ids, availability, targets, null);

            System.out.printf("%n[3] the same while a writer holds and releases seats through the event handler%n");
            Writer alone = new Writer(listener, ids, perConcert);
            Thread aloneThread = Thread.ofPlatform().name("bench-writer-alone").start(alone);
            Thread.sleep(Duration.ofSeconds(intArg("seconds", 10)));
            alone.stop.set(true);
            aloneThread.join(10_000);
            System.out.printf("  writer alone: %,d reservation events applied (%,.0f/s)%n", alone.applied.get(),
                    alone.applied.get() / alone.seconds());
            table.add(new String[]{"[3] writer alone (ReservationCreated/Cancelled via handler)",
                    String.format(Locale.ROOT, "%,.0f ev/s", alone.applied.get() / alone.seconds()), "", ""});
            Writer writer = new Writer(listener, ids, perConcert);
            Thread writerThread = Thread.ofPlatform().name("bench-writer").start(writer);
            try {
                phase("[3]", " under writes", ids, availability, targets, writer);
            } finally {
                writer.stop.set(true);
                writerThread.join(10_000);
            }
            System.out.printf("  writer: %,d reservation events applied (%,.0f/s)%n", writer.applied.get(),
                    writer.applied.get() / writer.seconds());
            table.add(new String[]{"[3] writer (ReservationCreated/Cancelled via handler)",
                    String.format(Locale.ROOT, "%,.0f ev/s", writer.applied.get() / writer.seconds()), "", ""});
        } finally {
            app.close();
            sqs.close();
        }
    }

    /** Where availability is asked for over HTTP, and of which concerts (null: the bench's own). */
    private record Target(String name, String url, long[] concerts) {
    }

    private List<Target> targets(String inProcessUrl, long someConcert) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("HTTP, seat-service in-process " + inProcessUrl, inProcessUrl, null));
        for (String[] candidate : new String[][]{{"HTTP, running seat-service", arg("url", "http://127.0.0.1:8083")},
                {"HTTP, through the gateway", arg("gateway", "http://127.0.0.1:8080")}}) {
            if (candidate[1].isBlank() || "none".equals(candidate[1])) {
                continue;
            }
            int status = probe(candidate[1] + "/api/v1/concerts/" + someConcert + "/seats/availability");
            long[] live = status > 0 && status != 200 ? liveConcerts(arg("gateway", "http://127.0.0.1:8080")) : new long[0];
            if (status == 200) {
                targets.add(new Target(candidate[0] + " " + candidate[1], candidate[1], null));
            } else if (live.length > 0) {
                // A running system on its own database: measure the same lookup on the concerts it has.
                System.out.printf("  %s %s serves another database: measuring its own %d concerts%n", candidate[0], candidate[1], live.length);
                targets.add(new Target(candidate[0] + " " + candidate[1] + " (its " + live.length + " concerts)", candidate[1], live));
            } else {
                String why = status < 0 ? "not reachable" : "answers " + status + " for bench concert " + someConcert
                        + " (it serves another database than " + DB + ")";
                System.out.printf("  skipped %s %s: %s%n", candidate[0], candidate[1], why);
                table.add(new String[]{"[2] skipped " + candidate[1] + ": " + (status < 0 ? "not reachable" : "other database"), "", "", ""});
            }
        }
        return targets;
    }

    private void phase(String label, String suffix, long[] ids, AvailabilityService availability, List<Target> targets,
                       Writer writer) throws Exception {
        int threads = intArg("threads", 8);
        Duration time = Duration.ofSeconds(intArg("seconds", 10));
        int maxOps = intArg("requests", 200_000);
        try (HikariDataSource ds = dataSource("jdbc:mariadb://" + dbBase + "/" + DB)) {
            ds.setMaximumPoolSize(threads);
            var jdbc = new JdbcTemplate(ds);
            Result redis = measure(threads, time, maxOps, () -> availability.of(pick(ids)).totalSeats() > 0);
            record(label + " Redis bitmap, in-process service call" + suffix, redis, "read.redis" + suffix);
            Result seed = measure(threads, time, maxOps, () -> seedLookup(jdbc, pick(ids)) > 0);
            record(label + " seed-style: load seat rows, filter in Java" + suffix, seed, "read.seed" + suffix);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            for (Target target : targets) {
                long[] concerts = target.concerts() == null ? ids : target.concerts();
                Result r = measure(threads, time, maxOps, () -> get(http, target.url() + "/api/v1/concerts/" + pick(concerts) + "/seats/availability") == 200);
                record(label + " " + target.name() + suffix, r, "read.http." + target.url() + suffix);
            }
        }
    }

    /** What a seed script's lookup does: every seat row of the concert, status filtered in Java, same answer. */
    private static int seedLookup(JdbcTemplate jdbc, long concertId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM seat WHERE concert_id = ? ORDER BY seat_index", concertId);
        byte[] bits = new byte[(rows.size() + 7) / 8];
        int unavailable = 0;
        for (Map<String, Object> row : rows) {
            if (!"AVAILABLE".equals(row.get("status"))) {
                int i = (Integer) row.get("seat_index");
                bits[i >>> 3] |= (byte) (0x80 >>> (i & 7));
                unavailable++;
            }
        }
        return Base64.getEncoder().encodeToString(bits).length() + unavailable;
    }

    private record Result(long ops, long errors, double seconds, double p50, double p99) {
    }

    private interface Op {
        boolean call() throws Exception;
    }

    private Result measure(int threads, Duration time, int maxOps, Op op) throws Exception {
        // Warm up: JIT, connection pools, the bitmaps of every concert.
        runFor(threads, Duration.ofSeconds(intArg("warmup", 5)), maxOps, op);
        return runFor(threads, time, maxOps, op);
    }

    private static Result runFor(int threads, Duration time, int maxOps, Op op) throws Exception {
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + time.toNanos();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int me = t;
            latencies[t] = new long[Math.max(16, Math.min(maxOps / threads + 1, 1 << 20))];
            workers.add(Thread.ofPlatform().start(() -> {
                while (issued.incrementAndGet() <= maxOps && System.nanoTime() < deadline) {
                    long begin = System.nanoTime();
                    boolean ok;
                    try {
                        ok = op.call();
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (counts[me] < latencies[me].length) {
                        latencies[me][counts[me]++] = System.nanoTime() - begin;
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = Arrays.stream(counts).sum();
        long[] all = new long[n];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(n, errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private void record(String name, Result r, String key) {
        double perSecond = r.ops() / r.seconds();
        System.out.printf("  %-70s %,9.0f ops/s  p50 %7.2f ms  p99 %7.2f ms  (%,d ops, %d errors)%n",
                name, perSecond, r.p50(), r.p99(), r.ops(), r.errors());
        table.add(new String[]{name, String.format(Locale.ROOT, "%,.0f ops/s", perSecond),
                String.format(Locale.ROOT, "%.2f", r.p50()), String.format(Locale.ROOT, "%.2f", r.p99())});
        figures.put(key, perSecond);
        figures.put(key + ".p99", r.p99());
    }

    /** Keeps holding four random seats and releasing an earlier hold, through the service's event handler. */
    private static final AtomicLong NEXT_RESERVATION = new AtomicLong(1_000_000);

    private static final class Writer implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong applied = new AtomicLong();
        private final SeatEventsListener listener;
        private final long[] ids;
        private final int perConcert;
        private long started;
        private long stopped;

        Writer(SeatEventsListener listener, long[] ids, int perConcert) {
            this.listener = listener;
            this.ids = ids;
            this.perConcert = perConcert;
        }

        @Override
        public void run() {
            started = System.nanoTime();
            long reservationId = NEXT_RESERVATION.getAndAdd(10_000_000);
            List<ReservationCreated> live = new ArrayList<>();
            long limit = 2_000_000; // bounded even if the phase would run long
            while (!stop.get() && applied.get() < limit) {
                var random = ThreadLocalRandom.current();
                long concert = ids[random.nextInt(ids.length)];
                List<String> seats = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    seats.add(label(random.nextInt(perConcert), perConcert));
                }
                var created = ReservationCreated.of(++reservationId, concert, 1, seats, 1, Instant.now().plusSeconds(600));
                apply(created);
                live.add(created);
                if (live.size() > 50) {
                    var old = live.removeFirst();
                    apply(ReservationCancelled.of(old.reservationId(), old.concertId(), 1, old.seats(), 2));
                }
            }
            stopped = System.nanoTime();
        }

        private void apply(DomainEvent event) {
            try {
                listener.receive(EventJson.write(event));
                applied.incrementAndGet();
            } catch (RuntimeException e) {
                // a lock wait or deadlock between writer and nothing else: skip, the bench goes on
            }
        }

        double seconds() {
            return ((stopped == 0 ? System.nanoTime() : stopped) - started) / 1e9;
        }
    }

    private long[] fill(SeatEventsListener listener, int concerts, int perConcert) {
        long start = System.nanoTime();
        long[] ids = new long[concerts];
        long reservation = 1;
        for (int c = 0; c < concerts; c++) {
            ids[c] = 1000 + c;
            listener.receive(EventJson.write(ConcertCreated.of(ids[c], 1, arena(perConcert))));
            // About a third of the seats taken, in reservations of 10 seats, some confirmed.
            for (int from = 0; from + 10 <= perConcert; from += 30) {
                List<String> seats = new ArrayList<>();
                for (int i = from; i < from + 10; i++) {
                    seats.add(label(i, perConcert));
                }
                listener.receive(EventJson.write(ReservationCreated.of(reservation++, ids[c], 1, seats, 1, Instant.now().plusSeconds(3600))));
            }
        }
        System.out.printf("%n  filled %d concerts x %,d seats through the event handler in %.1f s%n", concerts, perConcert,
                (System.nanoTime() - start) / 1e9);
        return ids;
    }

    private static long pick(long[] ids) {
        return ids[ThreadLocalRandom.current().nextInt(ids.length)];
    }

    // ---- layouts ----------------------------------------------------------------------------------------------

    /** {@code seats} seats as 10 sections of 20 rows (S1..S10, R1..R20), graded VIP/R/S by section. */
    static ConcertDetails stadium(int seats) {
        int perRow = Math.max(1, seats / 200);
        List<SeatingLayout.Section> sections = new ArrayList<>();
        for (int s = 1; s <= 10; s++) {
            List<SeatingLayout.Row> rows = new ArrayList<>();
            for (int r = 1; r <= 20; r++) {
                rows.add(new SeatingLayout.Row("R" + r, perRow));
            }
            sections.add(new SeatingLayout.Section("S" + s, "Stand " + s, rows));
        }
        return details(new SeatingLayout(sections), List.of(
                new SeatGrade("VIP", new BigDecimal("250.00"), List.of(new SeatGrade.Area("S1", null), new SeatGrade.Area("S2", null))),
                new SeatGrade("R", new BigDecimal("150.00"), List.of(new SeatGrade.Area("S3", null), new SeatGrade.Area("S4", null),
                        new SeatGrade.Area("S5", null))),
                new SeatGrade("S", new BigDecimal("80.00"), List.of(new SeatGrade.Area("S6", null), new SeatGrade.Area("S7", null),
                        new SeatGrade.Area("S8", null), new SeatGrade.Area("S9", null), new SeatGrade.Area("S10", null)))));
    }

    /** {@code seats} seats as 2 sections of 10 rows (A..J). */
    static ConcertDetails arena(int seats) {
        int perRow = seats / 20;
        List<SeatingLayout.Section> sections = new ArrayList<>();
        for (String code : List.of("FLOOR", "STAND")) {
            List<SeatingLayout.Row> rows = new ArrayList<>();
            for (int r = 0; r < 10; r++) {
                rows.add(new SeatingLayout.Row(String.valueOf((char) ('A' + r)), perRow));
            }
            sections.add(new SeatingLayout.Section(code, code, rows));
        }
        return details(new SeatingLayout(sections), List.of(
                new SeatGrade("R", new BigDecimal("120.00"), List.of(new SeatGrade.Area("FLOOR", null))),
                new SeatGrade("S", new BigDecimal("60.00"), List.of(new SeatGrade.Area("STAND", null)))));
    }

    /** The label of seat {@code index} of an {@link #arena} layout. */
    static String label(int index, int seats) {
        int perRow = seats / 20;
        int row = index / perRow;
        return (row < 10 ? "FLOOR" : "STAND") + "-" + (char) ('A' + row % 10) + "-" + (index % perRow + 1);
    }

    private static ConcertDetails details(SeatingLayout layout, List<SeatGrade> grades) {
        return new ConcertDetails(1, "Bench concert", Instant.parse("2027-06-01T19:00:00Z"), 1, "Bench arena", layout, grades);
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext startSeatService(EmbeddedSqs sqs, int port) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", String.valueOf(port));
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.datasource.url", "jdbc:mariadb://" + dbBase + "/" + DB);
        properties.put("spring.datasource.username", arg("db-user", "root"));
        properties.put("spring.datasource.password", arg("db-password", ""));
        properties.put("spring.datasource.hikari.maximum-pool-size", "16");
        properties.put("tickitecking.redis.key-prefix", "bench:");
        properties.put("spring.cloud.aws.sqs.endpoint", sqs.endpoint().toString());
        properties.put("spring.cloud.aws.region.static", LocalCredentials.REGION.id());
        properties.put("spring.cloud.aws.credentials.access-key", LocalCredentials.ACCESS_KEY);
        properties.put("spring.cloud.aws.credentials.secret-key", LocalCredentials.SECRET_KEY);
        properties.put("tickitecking.messaging.queue-prefix", "bench-");
        properties.put("tickitecking.security.public-key", TestKeys.publicKeyPem());
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        // As command-line arguments: they outrank application.yml and the platform defaults (DB_URL, SERVER_PORT...),
        // so the bench can never touch the service's real database or keys.
        String[] commandLine = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext app = new SpringApplication(SeatServiceApplication.class).run(commandLine);
        String url = app.getEnvironment().getProperty("spring.datasource.url", "");
        if (!url.contains(DB)) {
            app.close();
            throw new IllegalStateException("the in-process seat-service would use " + url + ", not " + DB);
        }
        return app;
    }

    private void recreateDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + dbBase + "/", arg("db-user", "root"), arg("db-password", ""));
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB);
            st.execute("CREATE DATABASE " + DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private void migrate() {
        Flyway.configure().dataSource("jdbc:mariadb://" + dbBase + "/" + DB, arg("db-user", "root"), arg("db-password", ""))
                .locations("classpath:db/migration", "classpath:db/platform").load().migrate();
    }

    private HikariDataSource dataSource(String url) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(arg("db-user", "root"));
        ds.setPassword(arg("db-password", ""));
        ds.setMaximumPoolSize(8);
        return ds;
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection("jdbc:mariadb://" + dbBase + "/" + DB, arg("db-user", "root"), arg("db-password", ""));
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:mariadb://" + dbBase + "/" + DB, arg("db-user", "root"), arg("db-password", "")));
    }

    private void truncateSeats() {
        jdbc().execute("TRUNCATE TABLE seat");
    }

    /** The concerts a running system lists through its gateway whose availability answers 200 (none if it is not up). */
    private static long[] liveConcerts(String gateway) {
        if (gateway.isBlank() || "none".equals(gateway)) {
            return new long[0];
        }
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            String body = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/concerts?size=100")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var ids = new ArrayList<Long>();
            for (var concert : tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).path("content")) {
                long id = concert.path("id").asLong();
                if (probe(gateway + "/api/v1/concerts/" + id + "/seats/availability") == 200) {
                    ids.add(id);
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        } catch (Exception e) {
            return new long[0];
        }
    }

    private static int probe(String url) {
        try {
            return get(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build(), url);
        } catch (Exception e) {
            return -1;
        }
    }

    private static int get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode();
    }

    private String ratioLine() {
        double batch = figures.getOrDefault("insert.batch", Double.NaN);
        StringBuilder line = new StringBuilder("RATIOS:");
        line.append(String.format(Locale.ROOT, " insert batch/seed-style %.1fx, batch/multi-row %.2fx;",
                batch / figures.getOrDefault("insert.seed", Double.NaN), batch / figures.getOrDefault("insert.multirow", Double.NaN)));
        line.append(String.format(Locale.ROOT, " reprice batch/seed-style %.1fx;",
                figures.getOrDefault("regrade.batch", Double.NaN) / figures.getOrDefault("regrade.seed", Double.NaN)));
        line.append(String.format(Locale.ROOT, " lookups redis/seed-style %.1fx (under writes %.1fx);",
                figures.getOrDefault("read.redis", Double.NaN) / figures.getOrDefault("read.seed", Double.NaN),
                figures.getOrDefault("read.redis under writes", Double.NaN) / figures.getOrDefault("read.seed under writes", Double.NaN)));
        figures.keySet().stream().filter(k -> k.startsWith("read.http.") && !k.endsWith(".p99") && !k.endsWith("under writes"))
                .sorted().forEach(k -> line.append(String.format(Locale.ROOT, " HTTP %s/seed-style %.1fx (under writes %.1fx);",
                        k.substring("read.http.".length()),
                        figures.get(k) / figures.getOrDefault("read.seed", Double.NaN),
                        figures.getOrDefault(k + " under writes", Double.NaN) / figures.getOrDefault("read.seed under writes", Double.NaN))));
        line.append(String.format(Locale.ROOT, " redis reads under writes/idle %.2fx",
                figures.getOrDefault("read.redis under writes", Double.NaN) / figures.getOrDefault("read.redis", Double.NaN)));
        return line.toString();
    }
}
