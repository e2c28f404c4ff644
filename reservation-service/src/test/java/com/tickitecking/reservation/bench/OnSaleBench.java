package com.tickitecking.reservation.bench;

import com.tickitecking.reservation.bench.SaleClient.Answer;
import com.tickitecking.reservation.bench.SaleSetup.Account;
import com.tickitecking.reservation.bench.SaleSetup.SaleConcert;
import com.tickitecking.reservation.bench.SaleStats.Kind;
import tools.jackson.databind.JsonNode;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;

/**
 * A real on-sale on the running system ({@code ./tickitecking up}), every buyer's request through the gateway:
 * <ol>
 *   <li>set-up through the API: an organiser, a venue of {@code --seats} seats, a concert whose sale opens after
 *   {@code --join-window} seconds with the waiting room on, the same concert without one, and a third for the
 *   uncontended run; {@code --buyers} buyer accounts, their access tokens minted with the local signing key;</li>
 *   <li>the sale with the waiting room: every buyer joins the pre-queue before the opening and polls
 *   as the web client does (the public queue status every 1–2 s, its own place when nowServing reaches it, and a
 *   keep-alive); an admitted buyer reads the availability, holds 1–4 free seats with its admission token (a lost
 *   race: other seats, up to 5 attempts), confirms and leaves the queue; the rest poll until told sold out;</li>
 *   <li>the same sale without a waiting room: every buyer goes for seats at the same moment;</li>
 *   <li>the ceiling: the cheapest authenticated endpoint on a sale's path through the same gateway ({@code GET
 *   .../queue/me} of spare accounts in a pre-queue: the token checks, one hop and Redis), at full load, always the same
 *   so that runs compare; {@code GET /api/v1/users/me} beside it for information;</li>
 *   <li>uncontended holds (one free seat each) at full load, with {@link LiveEventLag} measuring hold →
 *   availability meanwhile; then holds of seats taken in it (rejections) at full load;</li>
 *   <li>checks: seats held twice (in reservation-service's database), admissions out of queue order
 *   ({@link AdmissionOrder}), the published shuffle ({@link PublishedShuffle}); the goals, PASS or FAIL.</li>
 * </ol>
 * Run: {@code ./tickitecking bench onsale [--buyers=… --seats=… …]} ({@code --help} lists the options).
 */
public final class OnSaleBench {

    /** Seat races a buyer loses before giving up. */
    private static final int MAX_ATTEMPTS = 5;
    /** Accounts of the ceiling run: the gateway allows each user 50 requests/s, so 64 allow 3,200/s. */
    private static final int CEILING_ACCOUNTS = 64;
    /** User ids of the ceiling's accounts: after any buyer's ({@link BuyerTokens#FIRST_BUYER_ID} + index). */
    private static final long SPARE_FIRST_ID = 2 * BuyerTokens.FIRST_BUYER_ID;
    /** Holds of one account in the uncontended run, under the concerts' buyer limit of 8. */
    private static final int HOLDS_PER_ACCOUNT = 4;
    /** Polls of a server that gives no pollAfterSeconds: every 1–2 s, as the protocol before the advice. */
    private static final Duration POLL_EVERY = Duration.ofMillis(1000);
    private static final Duration POLL_JITTER = Duration.ofMillis(1000);
    /** A 429 or 5xx poll without a Retry-After is asked again after this long. */
    private static final Duration RETRY_AFTER_DEFAULT = Duration.ofSeconds(1);
    /** The waiting-room sale's timeline: one line per this many seconds. */
    private static final int TIMELINE_SECONDS = 10;
    /** Buyers finish joining this long before the opening, so the last join is not a photo finish. */
    private static final double JOIN_SPREAD = 0.6;
    private static final double GOAL_REJECTIONS = 0.80;
    private static final double GOAL_UNCONTENDED = 0.30;
    private static final double GOAL_LAG_P99_MILLIS = 1000;

    private final OnSaleOptions options;
    private final SaleClient client;
    private final BuyerTokens tokens;
    private final List<String> buyers;
    private final Map<Integer, String> extraTokens = new ConcurrentHashMap<>();

    private OnSaleBench(OnSaleOptions options, SaleClient client, BuyerTokens tokens, List<String> buyers) {
        this.options = options;
        this.client = client;
        this.tokens = tokens;
        this.buyers = buyers;
    }

    public static void main(String[] args) throws Exception {
        OnSaleOptions options;
        try {
            options = OnSaleOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(OnSaleOptions.USAGE);
            return;
        }
        System.out.println("on-sale bench: " + options);
        SaleClient client = new SaleClient(options.gateway(), options.connections());
        SaleStats setupStats = new SaleStats();
        if (!client.get(setupStats, Kind.SETUP, "/api/v1/concerts?size=1", null).is(200)) {
            System.err.println("nothing answers at " + options.gateway() + ": ./tickitecking up first");
            System.exit(1);
        }
        BuyerTokens tokens = BuyerTokens.fromPem(options.local().resolve("jwt-private.pem"));
        SaleSetup setup = new SaleSetup(client, setupStats);
        long started = System.nanoTime();
        List<Account> accounts = setup.accounts(CEILING_ACCOUNTS + 1, options.local(), tokens);
        Answer me = client.get(setupStats, Kind.SETUP, "/api/v1/users/me", accounts.getFirst().token());
        if (!me.is(200)) {
            throw new IllegalStateException("a token minted with " + options.local().resolve("jwt-private.pem") + " (kid "
                    + tokens.keyId() + ") is refused with " + me.status() + ": is that the key of the running user-service?");
        }
        List<String> buyers = SaleSetup.mint(options.buyers(), tokens::buyer);
        System.out.printf(Locale.ROOT, "set-up: %d accounts signed up, %d buyer tokens minted (kid %s) in %.1f s%n",
                accounts.size() + 1, buyers.size(), tokens.keyId(), seconds(System.nanoTime() - started));
        new OnSaleBench(options, client, tokens, buyers).run(setup, accounts);
    }

    private void run(SaleSetup setup, List<Account> accounts) throws Exception {
        warnOfLapsingHolds();
        setup.auditorium(options.seats());
        String probe = buyers.getFirst();
        Long everyoneId = options.sales().everyone() ? setup.concert("Onsale Everyone", null, false) : null;
        long uncontendedId = setup.concert("Onsale Uncontended", null, false);
        // the ceiling's queue: a waiting room whose sale opens long after this run, so its places stay in the pre-queue
        long ceilingConcertId = setup.concert("Onsale Ceiling", Instant.now().plus(Duration.ofDays(1)), true);
        SaleConcert everyone = everyoneId == null ? null : setup.ready(everyoneId, false, probe);
        SaleConcert uncontended = setup.ready(uncontendedId, false, probe);
        if (uncontended == null) {
            throw new IllegalStateException("the uncontended run's concert never became ready");
        }
        // the waiting-room concert last, so that the join window is not spent waiting for the others' seats
        Instant opening = Instant.now().plusSeconds(options.joinWindow());
        Long waitingRoomId = options.sales().waitingRoom() ? setup.concert("Onsale Waiting Room", opening, true) : null;
        if (waitingRoomId != null) {
            JsonNode detail = setup.detail(waitingRoomId);
            if (!detail.path("waitingRoom").asBoolean(false)) {
                System.out.println("note: concert-service answers concert " + waitingRoomId + " without waitingRoom=true ("
                        + detail.path("waitingRoom") + ", saleStartsAt " + detail.path("saleStartsAt") + "): is i12-sale deployed?");
            }
        }
        SaleConcert waitingRoom = waitingRoomId == null ? null : setup.ready(waitingRoomId, true, probe);

        Sale withQueue = waitingRoom == null ? null : waitingRoomSale(waitingRoom, opening);
        Sale atOnce = everyone == null ? null : everyoneAtOnceSale(everyone);
        // The three runs whose ratios are the goals start on a quiet system: the events of what ran before applied.
        for (Sale sale : new Sale[] {withQueue, atOnce}) {
            if (sale != null) {
                sale.eventsCaughtUp = drain(sale.concert.id(), sale.seatsHeld.get());
            }
        }
        // The ceiling, always the same endpoint so that runs compare: GET .../queue/me of spare accounts in the
        // pre-queue of a concert of its own (Redis only: the cheapest authenticated call on a sale's path, and one
        // whose cost does not depend on how the sale went). GET /users/me (one primary-key read) beside it.
        List<String> spares = spareQueue(ceilingConcertId);
        Rate queueMe = rate("ceiling: GET /api/v1/concerts/{id}/queue/me", options.phaseSeconds(), new AtomicBoolean(true), 200,
                (stats, i) -> client.get(stats, Kind.TRIVIAL, "/api/v1/concerts/" + ceilingConcertId + "/queue/me",
                        spares.get(i % spares.size())));
        Rate usersMe = rate("for information: GET /api/v1/users/me", options.phaseSeconds(), new AtomicBoolean(true), 200,
                (stats, i) -> client.get(stats, Kind.TRIVIAL, "/api/v1/users/me", accounts.get(i % accounts.size()).token()));
        Rate ceiling = queueMe;

        ConcurrentLinkedQueue<String> taken = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Held> uncontendedHolds = new ConcurrentLinkedQueue<>();
        AtomicInteger nextSeat = new AtomicInteger();
        int seatsForLoad = uncontended.seats() - LiveEventLag.seatsNeeded(options.lagSamples());
        AtomicBoolean loading = new AtomicBoolean(true);
        LiveEventLag.Lag[] lag = new LiveEventLag.Lag[1];
        Thread lagProbe = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(2000); // let the load reach full speed first
                lag[0] = options.lagSamples() == 0 ? null
                        : LiveEventLag.measure(options.gateway(), options.seatService(), options.database(), uncontended.id(), options.lagSamples());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (options.lagSamples() > 0) {
                    loading.set(false);
                }
            }
        });
        String holdPath = "/api/v1/concerts/" + uncontended.id() + "/reservations";
        Rate free = rate("uncontended holds (1 free seat each)", options.lagSamples() > 0 ? options.saleTimeout() : options.phaseSeconds(),
                loading, 201, (stats, i) -> {
                    int seat = nextSeat.getAndIncrement();
                    if (seat >= seatsForLoad) {
                        loading.set(false);
                        return null;
                    }
                    String holder = token(seat / HOLDS_PER_ACCOUNT);
                    Answer hold = client.post(stats, Kind.HOLD, holdPath, holder,
                            Map.of("Idempotency-Key", UUID.randomUUID().toString()), Map.of("seats", List.of(uncontended.plan().label(seat))));
                    if (hold.is(201)) {
                        taken.add(uncontended.plan().label(seat));
                        uncontendedHolds.add(new Held(hold.json().path("id").asLong(), holder));
                    }
                    return hold;
                });
        lagProbe.join();
        List<String> takenSeats = List.copyOf(taken);
        drain(uncontended.id(), takenSeats.size());
        Rate rejections = takenSeats.isEmpty() ? null : rate("hold rejections (seats taken)", options.phaseSeconds(),
                new AtomicBoolean(true), 409, (stats, i) -> client.post(stats, Kind.HOLD, holdPath,
                        buyers.get(ThreadLocalRandom.current().nextInt(buyers.size())),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                        Map.of("seats", List.of(takenSeats.get(ThreadLocalRandom.current().nextInt(takenSeats.size()))))));

        List<Long> concertIds = new ArrayList<>(List.of(uncontended.id()));
        for (Sale sale : new Sale[] {withQueue, atOnce}) {
            if (sale != null) {
                concertIds.add(sale.concert.id());
            }
        }
        Database database = database(concertIds);
        cancel(uncontendedHolds);
        report(withQueue, atOnce, usersMe, queueMe, ceiling, free, rejections, lag[0], database);
    }

    // --- the sale with the waiting room -------------------------------------------------------------------

    private Sale waitingRoomSale(SaleConcert concert, Instant opening) throws InterruptedException {
        Sale sale = new Sale("with waiting room", concert);
        String base = "/api/v1/concerts/" + concert.id();
        JsonNode before = client.get(sale.stats, Kind.SETUP, base + "/queue", null).json();
        long untilOpening = Duration.between(Instant.now(), opening).toNanos();
        sale.openingNanos = System.nanoTime() + untilOpening;
        long joinsFrom = System.nanoTime();
        long joinSpread = Math.max(0, (long) (untilOpening * JOIN_SPREAD));
        long deadline = sale.openingNanos + Duration.ofSeconds(options.saleTimeout()).toNanos();
        System.out.printf(Locale.ROOT, "with waiting room: concert %d, %d buyers join over %.1f s, the sale opens in %.1f s%n",
                concert.id(), buyers.size(), seconds(joinSpread), seconds(untilOpening));
        List<Place> places = new ArrayList<>();
        AtomicBoolean selling = new AtomicBoolean(true);
        List<String> timeline = new ArrayList<>();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> sampleTimeline(sale, base, selling, timeline));
        try (ExecutorService everyone = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < buyers.size(); i++) {
                Place place = new Place();
                places.add(place);
                String token = buyers.get(i);
                long joinAt = joinsFrom + (long) (ThreadLocalRandom.current().nextDouble() * joinSpread);
                everyone.submit(() -> queueBuyer(sale, base, token, joinAt, deadline, place));
            }
        }
        sale.finishedNanos = System.nanoTime();
        selling.set(false);
        sampler.join();
        sale.timeline = List.copyOf(timeline);
        sale.cycle = cycle(places);
        JsonNode after = client.get(sale.stats, Kind.SETUP, base + "/queue", null).json();
        sale.queueChecks = queueChecks(sale, base, places, before, after);
        sale.print();
        return sale;
    }

    /**
     * One buyer, polling as the web client does (docs/waiting-room.md, "How a client polls"): join, then ask for its
     * own place ({@code GET .../queue/me}) again after the {@code pollAfterSeconds} of the last answer (far back
     * 10–20 s, near the front 1 s; at the opening for the pre-queue). A 429 or 5xx is asked again after its
     * {@code Retry-After} (1 s without one). When admitted: buy, then leave the queue whatever came of it, so the slot
     * is free at once. Records what it saw for the order check and the admitted shopper's cycle.
     */
    private void queueBuyer(Sale sale, String base, String token, long joinAt, long deadline, Place place) {
        sleepUntil(joinAt);
        Answer joined = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && (joined == null || retryable(joined)); attempt++) {
            joined = client.post(sale.stats, Kind.JOIN, base + "/queue", token, Map.of(), null);
        }
        if (!joined.is(201) && !joined.is(200)) {
            sale.outcome("join " + joined.status() + " " + joined.reason());
            return;
        }
        place.joinedAt = joined.receivedAt();
        Answer answer = joined;
        while (true) {
            long waitMillis = RETRY_AFTER_DEFAULT.toMillis();
            if (answer.is(200) || answer.is(201)) {
                JsonNode seen = answer.json();
                if (!seen.path("position").isNull() && !seen.path("position").isMissingNode()) {
                    place.position = seen.path("position").asLong();
                }
                place.pseudonym = seen.path("pseudonym").asString(place.pseudonym);
                switch (seen.path("status").asString("")) {
                    case "WAITING" -> {
                        place.lastWaitingSentAt = answer.sentAt();
                        JsonNode advice = seen.path("pollAfterSeconds");
                        // a server without the advice: the 1–2 s of the protocol before it
                        waitMillis = advice.isNumber() ? advice.asLong() * 1000
                                : POLL_EVERY.toMillis() + ThreadLocalRandom.current().nextLong(POLL_JITTER.toMillis());
                    }
                    case "ADMITTED" -> {
                        place.admittedAt = answer.receivedAt();
                        place.noticedAtMillis = System.currentTimeMillis();
                        place.admittedAtMillis = instantMillis(seen.path("admittedAt"));
                        sale.outcome(buy(sale, token, seen.path("admissionToken").asString(null), place));
                        leave(sale, base, token); // bought or gave up: either way the slot is the next buyer's now
                        place.leftAtMillis = System.currentTimeMillis();
                        return;
                    }
                    case "SOLD_OUT" -> {
                        sale.soldOutTold(answer.receivedAt());
                        sale.outcome("told sold out");
                        return;
                    }
                    case "EXPIRED" -> {
                        sale.outcome("place lapsed");
                        return;
                    }
                    default -> {
                        sale.outcome("status " + seen.path("status"));
                        return;
                    }
                }
            } else if (!retryable(answer)) {
                sale.outcome("queue/me " + answer.status() + " " + answer.reason());
                return;
            } else if (answer.retryAfterSeconds() > 0) {
                waitMillis = answer.retryAfterSeconds() * 1000;
            }
            if (System.nanoTime() + waitMillis * 1_000_000 > deadline) {
                sale.outcome("still waiting at the sale timeout");
                return;
            }
            pause(waitMillis);
            answer = client.get(sale.stats, Kind.POLL, base + "/queue/me", token);
        }
    }

    /** Epoch ms of an ISO-8601 instant in an answer, -1 when absent. */
    private static long instantMillis(JsonNode value) {
        return value.isString() ? Instant.parse(value.asString()).toEpochMilli() : -1;
    }

    /**
     * Every second the public status (active shoppers, the admission limit, now serving), and the requests so far;
     * every {@link #TIMELINE_SECONDS} one line: how the admission kept up, and what the polls cost meanwhile.
     */
    private void sampleTimeline(Sale sale, String base, AtomicBoolean selling, List<String> timeline) {
        SaleStats quiet = new SaleStats();
        long polls = 0;
        long statuses = 0;
        long holds = 0;
        long activeSum = 0;
        long samples = 0;
        long lastLine = System.nanoTime();
        while (selling.get()) {
            pause(1000);
            if (System.nanoTime() < sale.openingNanos) {
                lastLine = System.nanoTime();
                polls = sale.stats.count(Kind.POLL);
                statuses = sale.stats.count(Kind.STATUS);
                continue;
            }
            Answer status = client.get(quiet, Kind.SETUP, base + "/queue", null);
            JsonNode queue = status.is(200) ? status.json() : null;
            if (queue != null) {
                activeSum += queue.path("activeShoppers").asLong();
                samples++;
            }
            long now = System.nanoTime();
            if (now - lastLine >= Duration.ofSeconds(TIMELINE_SECONDS).toNanos() || !selling.get()) {
                double span = seconds(now - lastLine);
                long p = sale.stats.count(Kind.POLL);
                long st = sale.stats.count(Kind.STATUS);
                long h = sale.holds.sum();
                timeline.add(String.format(Locale.ROOT, "t=%3.0f s  active shoppers %4.0f (limit %s)  now serving %5s  waiting %5s  "
                                + "queue/me %4.0f/s  status %4.0f/s  holds %3.0f/s  seats held %d",
                        seconds(now - sale.openingNanos), samples == 0 ? Double.NaN : (double) activeSum / samples,
                        queue == null ? "?" : queue.path("admissionLimit").asString("-"),
                        queue == null ? "?" : queue.path("nowServing").asString(), queue == null ? "?" : queue.path("waiting").asString(),
                        (p - polls) / span, (st - statuses) / span, (h - holds) / span, sale.seatsHeld.get()));
                polls = p;
                statuses = st;
                holds = h;
                activeSum = 0;
                samples = 0;
                lastLine = now;
            }
        }
    }

    /**
     * The admitted shopper's cycle, p50 / p90 / p99 in ms: admission (the server's admittedAt) → the shopper
     * noticed it (its queue/me answer) → its hold (201, lost races and the availability read included) → its
     * confirm; and admission → leave, the time a slot of the admission ceiling was taken.
     */
    private static String cycle(List<Place> places) {
        StringJoiner line = new StringJoiner(" | ");
        line.add(span("admission → noticed", places, p -> p.admittedAtMillis, p -> p.noticedAtMillis));
        line.add(span("noticed → held", places, p -> p.noticedAtMillis, p -> p.heldAtMillis));
        line.add(span("held → confirmed", places, p -> p.heldAtMillis, p -> p.confirmedAtMillis));
        line.add(span("admission → left (slot taken)", places, p -> p.admittedAtMillis, p -> p.leftAtMillis));
        return line.toString();
    }

    private static String span(String name, List<Place> places, java.util.function.ToLongFunction<Place> from,
                               java.util.function.ToLongFunction<Place> to) {
        long[] spans = places.stream().filter(p -> from.applyAsLong(p) >= 0 && to.applyAsLong(p) >= 0)
                .mapToLong(p -> to.applyAsLong(p) - from.applyAsLong(p)).toArray();
        return String.format(Locale.ROOT, "%s n=%d p50=%.0f p90=%.0f p99=%.0f ms", name, spans.length,
                ReservationBench.percentile(spans, 50), ReservationBench.percentile(spans, 90), ReservationBench.percentile(spans, 99));
    }

    /** DELETE .../queue/me, again on a failure: a slot left taken stays so until the admission runs out. */
    private void leave(Sale sale, String base, String token) {
        Answer left = null;
        for (int attempt = 0; attempt < 3 && (left == null || retryable(left)); attempt++) {
            left = client.delete(sale.stats, Kind.LEAVE, base + "/queue/me", token);
        }
    }

    /** The order check and the published shuffle, from what the buyers saw and the queue's public status. */
    private String queueChecks(Sale sale, String base, List<Place> places, JsonNode before, JsonNode after) {
        sale.order = AdmissionOrder.check(places.stream()
                .map(p -> new AdmissionOrder.Observed(p.position, p.admittedAt, p.lastWaitingSentAt)).toList());
        long joinedBefore = places.stream().filter(p -> p.joinedAt >= 0 && p.joinedAt < sale.openingNanos).count();
        StringJoiner checks = new StringJoiner("; ");
        checks.add(joinedBefore + " of " + places.size() + " joined before the opening");
        checks.add(serverOrder(places));
        String commitment = before.path("commitment").asString("");
        String seed = after.path("seed").asString("");
        if (commitment.isEmpty() || seed.isEmpty()) {
            checks.add("shuffle not checked (commitment " + before.path("commitment") + ", seed " + after.path("seed") + ")");
            return checks.toString();
        }
        checks.add("seed " + (PublishedShuffle.seedMatchesCommitment(seed, commitment) ? "matches" : "DOES NOT MATCH")
                + " the commitment published before the opening"
                + (commitment.equalsIgnoreCase(after.path("commitment").asString("")) ? "" : " (and the commitment changed!)"));
        Answer list = client.get(sale.stats, Kind.SETUP, base + "/queue/pre-queue", null);
        Map<String, Long> published = preQueue(list.json());
        if (!list.is(200) || published.isEmpty()) {
            checks.add("pre-queue list: " + list.status() + ", not checked");
            return checks.toString();
        }
        Map<String, Long> recomputed = PublishedShuffle.positions(seed, List.copyOf(published.keySet()));
        long agree = published.entrySet().stream().filter(e -> e.getValue().equals(recomputed.get(e.getKey()))).count();
        long ours = places.stream().filter(p -> p.pseudonym != null && p.position != null
                && p.position.equals(recomputed.get(p.pseudonym))).count();
        checks.add(String.format(Locale.ROOT, "pre-queue positions recomputed from the seed: %d of %d agree with the "
                + "published list, %d of our %d buyers' positions", agree, published.size(), ours, places.size()));
        return checks.toString();
    }

    /**
     * The admissions' own times (admittedAt, the server's clock) against the positions: an admitted buyer whose
     * admission is earlier than that of an admitted buyer ahead of it is an inversion. With polls spread out by
     * pollAfterSeconds the client-side check above sees less; this one sees every admitted pair.
     */
    private static String serverOrder(List<Place> places) {
        List<Place> admitted = places.stream().filter(p -> p.position != null && p.admittedAtMillis >= 0)
                .sorted(java.util.Comparator.comparingLong(p -> p.position)).toList();
        long latestAhead = Long.MIN_VALUE;
        int inversions = 0;
        for (Place place : admitted) {
            if (place.admittedAtMillis < latestAhead) {
                inversions++;
            }
            latestAhead = Math.max(latestAhead, place.admittedAtMillis);
        }
        return "admission times (the server's admittedAt) out of position order: " + inversions + " of " + admitted.size();
    }

    /** Pseudonym → position from the pre-queue endpoint: an array of {pseudonym, position}, bare or in a field. */
    private static Map<String, Long> preQueue(JsonNode body) {
        JsonNode entries = body.isArray() ? body : null;
        if (entries == null) {
            for (JsonNode field : body) {
                if (field.isArray()) {
                    entries = field;
                    break;
                }
            }
        }
        Map<String, Long> positions = new HashMap<>();
        if (entries != null) {
            for (JsonNode entry : entries) {
                if (entry.has("pseudonym") && entry.has("position")) {
                    positions.put(entry.path("pseudonym").asString(), entry.path("position").asLong());
                }
            }
        }
        return positions;
    }

    // --- the sale without a waiting room ------------------------------------------------------------------

    private Sale everyoneAtOnceSale(SaleConcert concert) {
        Sale sale = new Sale("everyone at once", concert);
        sale.openingNanos = System.nanoTime() + Duration.ofSeconds(2).toNanos(); // every buyer's thread is waiting by then
        System.out.printf(Locale.ROOT, "everyone at once: concert %d, %d buyers go for seats at the same moment%n",
                concert.id(), buyers.size());
        try (ExecutorService everyone = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String token : buyers) {
                everyone.submit(() -> {
                    sleepUntil(sale.openingNanos);
                    sale.outcome(buy(sale, token, null, null));
                });
            }
        }
        sale.finishedNanos = System.nanoTime();
        sale.print();
        return sale;
    }

    // --- buying -------------------------------------------------------------------------------------------

    /** 409 reasons that mean another buyer was faster (taken) or is at it (busy): other seats may do. */
    private static final Set<String> LOST_RACE = Set.of("taken", "busy", "");

    /**
     * 1–4 free seats, as the buyer's availability shows them: hold (with the admission token when there is one),
     * confirm. A lost race (409 taken or busy) tries other seats, a failure (5xx, no answer) the same seats with the
     * same Idempotency-Key, up to {@link #MAX_ATTEMPTS} attempts in all; returns how it ended.
     */
    private String buy(Sale sale, String token, String admissionToken, Place place) {
        RandomGenerator random = ThreadLocalRandom.current();
        int count = 1 + random.nextInt(4);
        String base = "/api/v1/concerts/" + sale.concert.id();
        Object request = null;
        String key = null;
        int seatCount = count;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            if (request == null) { // new seats: the first attempt, or after a lost race
                key = UUID.randomUUID().toString();
                seatCount = count;
                if (options.best()) {
                    request = Map.of("best", Map.of("count", count, "grade", SaleSetup.GRADE));
                } else {
                    Answer availability = client.get(sale.stats, Kind.AVAILABILITY, base + "/seats/availability", token);
                    if (!availability.is(200)) {
                        pause(500);
                        continue;
                    }
                    List<String> seats = sale.concert.plan().pickFree(SeatPlan.bitmap(availability.json()), count, random);
                    if (seats.isEmpty()) {
                        return "saw nothing free";
                    }
                    request = Map.of("seats", seats);
                    seatCount = seats.size();
                }
            }
            Map<String, String> headers = new HashMap<>();
            headers.put("Idempotency-Key", key);
            if (admissionToken != null) {
                headers.put("Admission-Token", admissionToken);
            }
            Answer hold = client.post(sale.stats, Kind.HOLD, base + "/reservations", token, headers, request);
            if (hold.is(201)) {
                sale.held(seatCount, hold.receivedAt());
                if (place != null) {
                    place.heldAtMillis = System.currentTimeMillis();
                }
                String confirmed = confirm(sale, token, hold.json().path("id").asLong());
                if (place != null && confirmed.equals("bought")) {
                    place.confirmedAtMillis = System.currentTimeMillis();
                }
                return confirmed;
            }
            if (hold.is(409) && LOST_RACE.contains(hold.reason())) {
                sale.lostRaces.increment();
                request = null;
                continue;
            }
            if (hold.is(409) && hold.reason().equals("no-adjacent-seats") && count > 1) {
                count--; // fewer together, as a buyer would
                request = null;
                continue;
            }
            if (!retryable(hold)) {
                return "hold refused " + hold.status() + (hold.reason().isEmpty() ? "" : " " + hold.reason());
            }
            // no answer or 5xx: the hold may have been made all the same; the same request with the same key
            // answers it (Idempotent-Replayed) instead of holding other seats as well
            pause(500);
        }
        return "gave up after " + MAX_ATTEMPTS + " attempts";
    }

    private String confirm(Sale sale, String token, long reservationId) {
        Answer confirmed = null;
        for (int attempt = 0; attempt < 3 && (confirmed == null || retryable(confirmed)); attempt++) {
            confirmed = client.post(sale.stats, Kind.CONFIRM, "/api/v1/reservations/" + reservationId + "/confirm", token,
                    Map.of(), null);
        }
        if (confirmed.is(200)) {
            sale.confirmed.increment();
            return "bought";
        }
        return "held, confirm " + confirmed.status();
    }

    private static boolean retryable(Answer answer) {
        return answer.status() == 429 || answer.status() >= 500 || answer.status() == SaleClient.NO_ANSWER;
    }

    // --- throughput runs ----------------------------------------------------------------------------------

    /** A closed-loop run: {@code connections} workers each send one request after the other. */
    private Rate rate(String name, int maxSeconds, AtomicBoolean going, int success, Request request) {
        SaleStats stats = new SaleStats();
        LongAdder successes = new LongAdder();
        AtomicInteger sequence = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(maxSeconds).toNanos();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < options.connections(); w++) {
                workers.submit(() -> {
                    while (going.get() && System.nanoTime() < deadline) {
                        Answer answer = request.send(stats, sequence.getAndIncrement());
                        if (answer == null) {
                            return;
                        }
                        if (answer.is(success)) {
                            successes.increment();
                        }
                    }
                });
            }
        }
        Rate rate = new Rate(name, stats, successes.sum(), seconds(System.nanoTime() - started));
        System.out.println(rate.line());
        return rate;
    }

    /** A hold of the uncontended run, cancelled at the end. */
    private record Held(long id, String token) {
    }

    /**
     * Cancels the uncontended run's holds (thousands, never confirmed) once the database is checked: left alone they
     * would lapse ten minutes later, in the middle of the next run's sale (the sweeper expires each on the same pool).
     */
    private void cancel(ConcurrentLinkedQueue<Held> holds) {
        SaleStats stats = new SaleStats();
        long started = System.nanoTime();
        LongAdder cancelled = new LongAdder();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < options.connections(); w++) {
                workers.submit(() -> {
                    for (Held held = holds.poll(); held != null; held = holds.poll()) {
                        if (client.delete(stats, Kind.SETUP, "/api/v1/reservations/" + held.id(), held.token()).is(200)) {
                            cancelled.increment();
                        }
                    }
                });
            }
        }
        System.out.printf(Locale.ROOT, "clean-up: %d holds of the uncontended run cancelled in %.1f s%n",
                cancelled.sum(), seconds(System.nanoTime() - started));
    }

    @FunctionalInterface
    private interface Request {
        /** The answer, or null when there is nothing left to send. */
        Answer send(SaleStats stats, int sequence);
    }

    private record Rate(String name, SaleStats stats, long successes, double seconds) {

        double perSecond() {
            return successes / seconds;
        }

        long attempts() {
            long all = 0;
            for (Kind kind : Kind.values()) {
                all += stats.count(kind);
            }
            return all;
        }

        String line() {
            return String.format(Locale.ROOT, "%-40s %7.0f/s  (%d of %d in %.1f s; %s; non-2xx: %s)", name, perSecond(),
                    successes, attempts(), seconds, stats.latencyLine(Kind.values()), stats.non2xxLine());
        }
    }

    /**
     * Waits until seat-service's availability counts at least {@code seats} unavailable seats of the concert
     * (the events of every hold applied, end to end); how long that took after the call, -1 if not in 3 minutes.
     */
    private double drain(long concertId, int seats) {
        SaleStats quiet = new SaleStats();
        long from = System.nanoTime();
        long deadline = from + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Answer availability = client.get(quiet, Kind.SETUP, "/api/v1/concerts/" + concertId + "/seats/availability", buyers.getFirst());
            if (availability.is(200) && availability.json().path("unavailableSeats").asInt() >= seats) {
                double waited = seconds(System.nanoTime() - from);
                System.out.printf(Locale.ROOT, "concert %d: availability shows all %d seats held %.1f s later%n", concertId, seats, waited);
                return waited;
            }
            pause(250);
        }
        System.out.printf(Locale.ROOT, "concert %d: availability still behind the %d seats held after 3 min%n", concertId, seats);
        return -1;
    }

    /**
     * {@link #CEILING_ACCOUNTS} accounts of their own (minted, ids after every buyer's) joined to the ceiling concert's
     * queue, once reservation-service knows the concert.
     */
    private List<String> spareQueue(long concertId) {
        SaleStats quiet = new SaleStats();
        List<String> spares = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (int k = 0; k < CEILING_ACCOUNTS; k++) {
            String spare = tokens.token(SPARE_FIRST_ID + k, "USER");
            Answer joined = client.post(quiet, Kind.SETUP, "/api/v1/concerts/" + concertId + "/queue", spare, Map.of(), null);
            while (!joined.is(201) && !joined.is(200) && System.nanoTime() < deadline) {
                pause(250); // 404 until the concert's event has reached reservation-service
                joined = client.post(quiet, Kind.SETUP, "/api/v1/concerts/" + concertId + "/queue", spare, Map.of(), null);
            }
            if (!joined.is(201) && !joined.is(200)) {
                throw new IllegalStateException("a spare account cannot join the ceiling concert's queue: " + joined.status()
                        + " " + joined.reason());
            }
            spares.add(spare);
        }
        return spares;
    }

    /** Tokens for the uncontended run's accounts: the buyers', then more minted as needed. */
    private String token(int account) {
        return account < buyers.size() ? buyers.get(account)
                : extraTokens.computeIfAbsent(account, a -> tokens.buyer(a));
    }

    // --- one sale's figures -------------------------------------------------------------------------------

    private static final class Sale {
        final String name;
        final SaleConcert concert;
        final SaleStats stats = new SaleStats();
        final AtomicInteger seatsHeld = new AtomicInteger();
        final LongAdder holds = new LongAdder();
        final LongAdder confirmed = new LongAdder();
        final LongAdder lostRaces = new LongAdder();
        final AtomicLong soldOutAt = new AtomicLong(-1);
        final AtomicLong lastHoldAt = new AtomicLong(-1);
        final AtomicLong firstToldSoldOutAt = new AtomicLong(-1);
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        volatile long openingNanos;
        volatile long finishedNanos;
        double eventsCaughtUp;
        AdmissionOrder.Result order;
        String queueChecks;
        List<String> timeline = List.of();
        String cycle;

        Sale(String name, SaleConcert concert) {
            this.name = name;
            this.concert = concert;
        }

        void held(int seats, long at) {
            holds.increment();
            lastHoldAt.accumulateAndGet(at, Math::max);
            if (seatsHeld.addAndGet(seats) >= concert.seats()) {
                soldOutAt.compareAndSet(-1, at);
            }
        }

        void soldOutTold(long at) {
            firstToldSoldOutAt.compareAndSet(-1, at);
        }

        void outcome(String outcome) {
            outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
        }

        boolean soldOut() {
            return soldOutAt.get() >= 0;
        }

        /** Opening → the hold that took the last seat, or → the last hold when it did not sell out. */
        double sellingSeconds() {
            return seconds((soldOut() ? soldOutAt.get() : lastHoldAt.get()) - openingNanos);
        }

        double holdsPerSecond() {
            return holds.sum() / sellingSeconds();
        }

        String line() {
            return String.format(Locale.ROOT, "%-20s sold %d of %d seats %s %.1f s after the opening | holds %d (%.0f/s, %.0f seats/s), "
                            + "confirmed %d, lost seat races %d",
                    name, seatsHeld.get(), concert.seats(), soldOut() ? "(sold out)" : "(NOT sold out; last hold)",
                    sellingSeconds(), holds.sum(), holdsPerSecond(), seatsHeld.get() / sellingSeconds(), confirmed.sum(),
                    lostRaces.sum());
        }

        void print() {
            System.out.println(line());
        }

        String outcomesLine() {
            StringJoiner line = new StringJoiner(", ");
            new TreeMap<>(outcomes).forEach((outcome, count) -> line.add(outcome + "=" + count.sum()));
            return line.toString();
        }
    }

    /** What one buyer saw of its place; System.nanoTime stamps, -1 for never. */
    private static final class Place {
        volatile Long position;
        volatile String pseudonym;
        volatile long joinedAt = -1;
        volatile long admittedAt = -1;
        volatile long lastWaitingSentAt = -1;
        // the admitted shopper's cycle, epoch ms (the server's admittedAt and this machine's clock are the same clock)
        volatile long admittedAtMillis = -1;
        volatile long noticedAtMillis = -1;
        volatile long heldAtMillis = -1;
        volatile long confirmedAtMillis = -1;
        volatile long leftAtMillis = -1;
    }

    // --- the database check and the report ----------------------------------------------------------------

    /**
     * Holds of earlier runs that lapse while this one runs: the sweeper expires each in a transaction of its own
     * (and its event goes to seat-service), on the same pool and cores as the sale's holds. An earlier run's
     * uncontended holds (thousands, never confirmed) lapse ten minutes later: a run started within that time
     * measures their expiry as well.
     */
    private void warnOfLapsingHolds() throws Exception {
        String user = System.getenv().getOrDefault("DB_USERNAME", "root");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        try (var connection = DriverManager.getConnection(options.database(), user, password);
             var statement = connection.createStatement();
             var rows = statement.executeQuery("""
                     SELECT COUNT(*), MAX(expires_at) FROM reservation
                     WHERE status = 'HELD' AND expires_at > UTC_TIMESTAMP(6)""")) {
            rows.next();
            if (rows.getLong(1) > 0) {
                System.out.printf(Locale.ROOT, "WARNING: %d holds of earlier runs are still pending (the last lapses at %s UTC): "
                        + "their expiry will compete with this run's sale; wait for it for comparable figures%n",
                        rows.getLong(1), rows.getString(2));
            }
        }
    }

    private record Database(long doubleBooked, Map<Long, Map<String, Long>> seatsByStatus) {
    }

    /**
     * Seats held twice: a seat of one concert in more than one HELD or CONFIRMED reservation (the states that
     * occupy a seat), over this run's concerts; and each concert's seats by reservation status.
     */
    private Database database(List<Long> concertIds) throws Exception {
        String in = String.join(",", concertIds.stream().map(String::valueOf).toList());
        String user = System.getenv().getOrDefault("DB_USERNAME", "root");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        try (var connection = DriverManager.getConnection(options.database(), user, password);
             var statement = connection.createStatement()) {
            long doubleBooked;
            try (var rows = statement.executeQuery("""
                    SELECT COUNT(*) FROM (SELECT s.concert_id, s.seat_label FROM reservation_seat s
                    JOIN reservation r ON r.id = s.reservation_id
                    WHERE r.status IN ('HELD', 'CONFIRMED') AND s.concert_id IN (%s)
                    GROUP BY s.concert_id, s.seat_label HAVING COUNT(*) > 1) d""".formatted(in))) {
                rows.next();
                doubleBooked = rows.getLong(1);
            }
            Map<Long, Map<String, Long>> byStatus = new TreeMap<>();
            try (var rows = statement.executeQuery("""
                    SELECT s.concert_id, r.status, COUNT(*) FROM reservation_seat s JOIN reservation r ON r.id = s.reservation_id
                    WHERE s.concert_id IN (%s) GROUP BY s.concert_id, r.status""".formatted(in))) {
                while (rows.next()) {
                    byStatus.computeIfAbsent(rows.getLong(1), c -> new TreeMap<>()).put(rows.getString(2), rows.getLong(3));
                }
            }
            return new Database(doubleBooked, byStatus);
        }
    }

    private void report(Sale withQueue, Sale atOnce, Rate usersMe, Rate queueMe, Rate ceiling, Rate free, Rate rejections,
                        LiveEventLag.Lag lag, Database database) {
        System.out.println();
        System.out.printf(Locale.ROOT, "on-sale benchmark (%d cores, %d buyers, %d seats, %d client connections, through %s)%n",
                Runtime.getRuntime().availableProcessors(), buyers.size(), options.seats(), options.connections(), options.gateway());
        long errors = 0;
        for (Sale sale : new Sale[] {withQueue, atOnce}) {
            if (sale == null) {
                continue;
            }
            System.out.println(sale.line());
            System.out.println("  latencies: " + sale.stats.latencyLine(Kind.JOIN, Kind.STATUS, Kind.POLL, Kind.AVAILABILITY, Kind.HOLD,
                    Kind.CONFIRM, Kind.LEAVE));
            System.out.printf(Locale.ROOT, "  client: wait for a connection p99 hold %s, queue status %s, queue/me %s%n",
                    SaleStats.ms(sale.stats.waitPercentileMillis(Kind.HOLD, 99)),
                    SaleStats.ms(sale.stats.waitPercentileMillis(Kind.STATUS, 99)),
                    SaleStats.ms(sale.stats.waitPercentileMillis(Kind.POLL, 99)));
            if (sale.stats.count(Kind.STATUS) + sale.stats.count(Kind.POLL) > 0) {
                double selling = seconds(sale.finishedNanos - sale.openingNanos);
                System.out.printf(Locale.ROOT, "  polls: %d of the public queue status, %d of queue/me (%.0f/s and %.0f/s over "
                                + "the %.0f s from the opening to the last buyer's end)%n", sale.stats.count(Kind.STATUS),
                        sale.stats.count(Kind.POLL), sale.stats.count(Kind.STATUS) / selling, sale.stats.count(Kind.POLL) / selling, selling);
            }
            if (sale.cycle != null) {
                System.out.println("  admitted shopper's cycle: " + sale.cycle);
                sale.timeline.forEach(line -> System.out.println("  " + line));
            }
            System.out.println("  buyers: " + sale.outcomesLine());
            System.out.println("  5xx or no answer: " + sale.stats.errors() + "; non-2xx by status: " + sale.stats.non2xxLine());
            if (sale.firstToldSoldOutAt.get() >= 0) {
                System.out.printf(Locale.ROOT, "  the first waiting buyer was told sold out %.1f s after the opening%n",
                        seconds(sale.firstToldSoldOutAt.get() - sale.openingNanos));
            }
            if (sale.order != null) {
                System.out.printf(Locale.ROOT, "  queue: %s%n  admissions out of queue order: %d of %d admitted (%d buyers knew their "
                                + "position; duplicate positions %d)%n", sale.queueChecks, sale.order.outOfOrder(),
                        sale.order.admitted(), sale.order.withPosition(), sale.order.duplicatePositions());
            }
            if (sale.eventsCaughtUp != 0) {
                System.out.printf(Locale.ROOT, "  availability showed every seat held %s after the sale%n",
                        sale.eventsCaughtUp < 0 ? "not within 3 min" : String.format(Locale.ROOT, "%.1f s", sale.eventsCaughtUp));
            }
            if (sale == withQueue) {
                errors += sale.stats.errors(); // the sale without a waiting room is the comparison: its errors are its result
            }
        }
        System.out.println(queueMe.line());
        System.out.println(usersMe.line());
        System.out.println("  the goals' ceiling (trivial authenticated endpoint): " + ceiling.name() + ", spare accounts in a pre-queue");
        System.out.println(free.line());
        if (rejections != null) {
            System.out.println(rejections.line());
        }
        if (lag != null) {
            lag.lines().forEach(line -> System.out.println(line + " — during the uncontended run"));
            lag.hops().forEach(System.out::println);
        }
        for (Rate rate : new Rate[] {usersMe, queueMe, free, rejections}) {
            errors += rate == null ? 0 : rate.stats().errors();
        }
        System.out.println("seats by reservation status, per concert: " + database.seatsByStatus());
        System.out.println("seats held twice (reservation-service's database): " + database.doubleBooked());

        System.out.println("goals:");
        double ceilingRate = ceiling.perSecond();
        goal(rejections != null && rejections.perSecond() >= GOAL_REJECTIONS * ceilingRate,
                String.format(Locale.ROOT, "hold rejections/s ≥ %.0f %% of the trivial endpoint: %s", GOAL_REJECTIONS * 100,
                        rejections == null ? "not measured" : ratio(rejections.perSecond(), ceilingRate)));
        goal(free.perSecond() >= GOAL_UNCONTENDED * ceilingRate, String.format(Locale.ROOT,
                "uncontended holds/s ≥ %.0f %% of the trivial endpoint: %s", GOAL_UNCONTENDED * 100, ratio(free.perSecond(), ceilingRate)));
        goal(lag != null && lag.taken().length > 0 && lag.takenP99Millis() <= GOAL_LAG_P99_MILLIS, String.format(Locale.ROOT,
                "event lag p99 ≤ %.0f ms while saturated: %s", GOAL_LAG_P99_MILLIS,
                lag == null || lag.taken().length == 0 ? "not measured" : String.format(Locale.ROOT, "%.0f ms", lag.takenP99Millis())));
        goal(errors == 0, "0 errors (5xx or no answer) in the waiting-room sale and the runs after the sales: " + errors);
        goal(database.doubleBooked() == 0, "0 seats held twice: " + database.doubleBooked());
        goal(withQueue != null && withQueue.order != null && withQueue.order.outOfOrder() == 0
                        && withQueue.order.duplicatePositions() == 0 && withQueue.order.admitted() > 0,
                "0 admissions out of queue order: " + (withQueue == null || withQueue.order == null ? "not measured (no waiting-room sale)"
                        : withQueue.order.outOfOrder() + " of " + withQueue.order.admitted() + " admitted"));
    }

    private static void goal(boolean met, String what) {
        System.out.println("  " + (met ? "PASS" : "FAIL") + "  " + what);
    }

    private static String ratio(double value, double ceiling) {
        return String.format(Locale.ROOT, "%.0f %% (%.0f/s of %.0f/s)", 100 * value / ceiling, value, ceiling);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void sleepUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            pause(Math.ceilDiv(left, 1_000_000));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
