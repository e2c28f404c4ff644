package com.tickitecking.reservation.queue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.redis.RedisKeys;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.reservation.concert.Concert;
import com.tickitecking.reservation.concert.ConcertRepository;
import com.tickitecking.reservation.reservation.SeatGuard;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The waiting room's use cases: join, look at one's place, leave, the public status and pre-queue, one admission
 * run per concert, and the admission check on a hold. The rules are {@link AdmissionRule}, {@link Shuffle} and
 * {@link WaitEstimate}; the state is in Redis and every change is one Lua script ({@link QueueScripts}).
 */
@Service
public class WaitingRoom {

    private static final Logger log = LoggerFactory.getLogger(WaitingRoom.class);

    private final QueueScripts scripts;
    private final RedisKeys keys;
    private final ConcertRepository concerts;
    private final WaitingRoomRepository repository;
    private final SeatGuard seatGuard;
    private final AdmissionTokens tokens;
    private final WaitingRoomFlags flags;
    private final WaitingRoomProperties properties;
    private final Clock clock;
    private final PollAdvice pollAdvice;
    /** Seats on sale per concert revision: the layout and grades change only by event, so count them once. */
    private final Cache<String, Long> capacities = Caffeine.newBuilder().maximumSize(1000).build();
    private final WaitingRoomMetrics metrics;

    public WaitingRoom(QueueScripts scripts, RedisKeys keys, ConcertRepository concerts, WaitingRoomRepository repository,
                       SeatGuard seatGuard, AdmissionTokens tokens, WaitingRoomFlags flags, WaitingRoomProperties properties,
                       WaitingRoomMetrics metrics, Clock clock) {
        this.scripts = scripts;
        this.keys = keys;
        this.concerts = concerts;
        this.repository = repository;
        this.seatGuard = seatGuard;
        this.tokens = tokens;
        this.flags = flags;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.pollAdvice = PollAdvice.of(properties.pollMin(), properties.pollMax(), properties.lapseAfter(),
                properties.admissionTtl());
    }

    /** A join's place, and whether the place is new (or the account's place already there). */
    public record Joined(QueuePlace place, boolean created) {
    }

    /**
     * Joins the concert's waiting room: one place per account; joining again answers the same place.
     *
     * @throws DomainException unknown concert, no waiting room ({@code reason=no-waiting-room}), sale over
     *                         ({@code reason=sale-ended}), {@link WaitingRoomUnavailable}
     */
    public Joined join(AuthenticatedUser caller, long concertId) {
        Concert concert = waitingRoomOf(concertId);
        Instant now = clock.instant();
        if (concert.saleEndedBy(now) || concert.hasStartedBy(now)) {
            throw DomainException.conflict("The sale of concert " + concertId + " has ended.").with("reason", "sale-ended");
        }
        List<Object> answer = scripts.join(keysOf(concertId), opening(concert, now), caller.id(), Shuffle.newPseudonym(),
                properties.lapseAfter().toMillis());
        boolean created = "1".equals(String.valueOf(answer.get(1)));
        return new Joined(me(caller, concertId), created);
    }

    /** The caller's place; polling it counts as "still here". 404 when the account has no place. */
    public QueuePlace me(AuthenticatedUser caller, long concertId) {
        Concert concert = waitingRoomOf(concertId);
        long now = clock.millis();
        List<Object> answer = scripts.poll(keysOf(concertId), caller.id(), now, properties.lapseAfter().toMillis(),
                properties.rateWindow().toMillis());
        if (answer == null || answer.isEmpty()) {
            throw DomainException.notFound("place in the waiting room of concert", concertId);
        }
        return place(concert, caller.id(), answer, now);
    }

    /** Leaves the waiting room; an admitted shopper frees the slot for the next in line. Leaving twice is harmless. */
    public void leave(AuthenticatedUser caller, long concertId) {
        waitingRoomOf(concertId);
        scripts.leave(keysOf(concertId), caller.id());
    }

    /** The waiting room as everyone sees it. */
    public QueueStatus status(long concertId) {
        Concert concert = waitingRoomOf(concertId);
        Instant now = clock.instant();
        List<Object> a = scripts.status(keysOf(concertId), now.toEpochMilli());
        boolean closed = flag(a.get(2));
        boolean shuffled = flag(a.get(3));
        QueueState state;
        if (concert.saleEndedBy(now) || concert.hasStartedBy(now)) {
            state = QueueState.CLOSED;
        } else if (flag(a.get(5))) {
            state = QueueState.SOLD_OUT;
        } else if (closed && shuffled) {
            state = QueueState.OPEN;
        } else {
            state = QueueState.PRE_QUEUE;
        }
        String seed = text(a.get(1));
        String limit = text(a.get(8));
        return new QueueStatus(concertId, concert.saleStartsAt(), state, number(a.get(4)), number(a.get(6)),
                number(a.get(7)), limit.isEmpty() ? null : number(limit), text(a.get(0)), seed.isEmpty() ? null : seed);
    }

    /** The pre-queue's pseudonyms, with their positions once shuffled, for the fairness check. */
    public PreQueue preQueue(long concertId) {
        waitingRoomOf(concertId);
        List<Object> a = scripts.preQueue(keysOf(concertId));
        List<PreQueue.Place> places = new ArrayList<>(a.size() / 2);
        for (int i = 2; i + 1 < a.size(); i += 2) {
            String position = text(a.get(i + 1));
            places.add(new PreQueue.Place(text(a.get(i)), position.isEmpty() ? null : Long.parseLong(position)));
        }
        String seed = text(a.get(1));
        return new PreQueue(concertId, text(a.get(0)), seed.isEmpty() ? null : seed, places);
    }

    /**
     * A hold of a waiting-room concert needs the caller's admission token for it; each token makes at most
     * holds-per-admission holds (counted in Redis by jti). Other concerts' holds pass untouched.
     *
     * @throws AdmissionRefused        no good token, or it is used up
     * @throws WaitingRoomUnavailable  Redis cannot count the hold
     */
    public void requireAdmission(AuthenticatedUser caller, long concertId, String admissionToken) {
        Concert concert = concerts.find(concertId).orElse(null);
        if (concert == null || !concert.waitingRoom()) {
            return;
        }
        Jwt token = tokens.verify(admissionToken, caller.id(), concertId)
                .orElseThrow(() -> AdmissionRefused.required(concertId));
        long life = Math.max(1000, token.getExpiresAt().toEpochMilli() - clock.millis() + 60_000);
        long holds = scripts.countHold(keysOf(concertId), token.getId(), life);
        if (holds > properties.holdsPerAdmission()) {
            throw AdmissionRefused.usedUp(properties.holdsPerAdmission());
        }
    }

    /** An admitted shopper confirmed: their slot is free for the next. Never throws (the admission lapses anyway). */
    public void finished(long userId, long concertId) {
        try {
            if (concerts.find(concertId).map(Concert::waitingRoom).orElse(false)) {
                scripts.finish(keysOf(concertId), userId);
            }
        } catch (WaitingRoomUnavailable | RedisException e) {
            log.warn("could not free the waiting-room slot of user {} for concert {}; it frees itself when the admission expires",
                    userId, concertId);
        }
    }

    /**
     * One admission run for one concert: raises the gateway's flag, makes the seed and closes the pre-queue at the
     * opening (atomically, in the script), shuffles once, then admits the next places while the rule and the
     * adaptive limit allow.
     *
     * @param underPressure this instance's database pool queued since the last run: the limit shrinks
     * @return how many places this run admitted
     */
    int admitNext(long concertId, boolean underPressure) {
        Concert concert = concerts.find(concertId).orElse(null);
        if (concert == null || !concert.waitingRoom()) {
            metrics.forget(concertId);
            return 0;
        }
        QueueScripts.redis(() -> {
            flags.raise(concertId);
            return null;
        });
        Instant now = clock.instant();
        // taken seats counted by the seat guard's expiry index (O(log n), not a scan of the concert's seats)
        SeatGuard.TakenCount taken = seatGuard.takenCount(concertId);
        long free = Math.max(0, capacity(concert) - taken.taken() - repository.blockedSeats(concertId));
        boolean soldOut = AdmissionRule.soldOut(free, taken.held());
        long ceiling = soldOut ? 0 : AdmissionRule.activeCeiling(free, concert.maxTicketsPerBuyer(), properties.maxActiveShoppers());
        QueueKeys queue = keysOf(concertId);
        List<Object> answer = scripts.admit(queue, opening(concert, now), admissionArguments(soldOut, ceiling, underPressure));
        if ("SHUFFLE".equals(answer.getFirst())) {
            String seed = text(answer.get(1));
            List<String> pre = answer.subList(2, answer.size()).stream().map(WaitingRoom::text).toList();
            long shuffled = scripts.shuffle(queue, now.toEpochMilli(), Shuffle.order(seed, pre));
            if (shuffled == 1) {
                log.info("waiting room of concert {} opened: {} places of the pre-queue shuffled, seed published", concertId, pre.size());
            }
            answer = scripts.admit(queue, opening(concert, now), admissionArguments(soldOut, ceiling, underPressure));
        }
        if (!"OPEN".equals(answer.getFirst())) {
            metrics.forget(concertId);
            return 0;
        }
        int admitted = (int) number(answer.get(1));
        metrics.ran(concertId, admitted, number(answer.get(2)), number(answer.get(3)), soldOut);
        return admitted;
    }

    private List<String> admissionArguments(boolean soldOut, long ceiling, boolean underPressure) {
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(properties.lapseAfter().toMillis()));
        args.add(String.valueOf(ceiling));
        args.add(soldOut ? "1" : "0");
        args.add(String.valueOf(properties.admissionTtl().toMillis()));
        args.add(String.valueOf(properties.skipsPerTick()));
        args.add(String.valueOf(properties.rateWindow().toMillis()));
        args.add(underPressure ? "1" : "0");
        args.add(String.valueOf(Math.min(properties.admissionLimitFloor(), properties.maxActiveShoppers())));
        args.add(String.valueOf(properties.admissionLimitStep()));
        args.add(String.valueOf(properties.maxActiveShoppers()));
        // the jtis of the admissions this run may make (Lua has no good randomness of its own)
        long fresh = Math.min(properties.admitPerTick(), ceiling);
        for (long i = 0; i < fresh; i++) {
            args.add(UUID.randomUUID().toString());
        }
        return args;
    }

    private long capacity(Concert concert) {
        return capacities.get(concert.id() + "@" + concert.revision(), k -> {
            long[] onSale = {0};
            concert.layout().forEachSeat(seat -> onSale[0] += concert.gradeOf(seat) != null ? 1 : 0);
            return onSale[0];
        });
    }

    private QueuePlace place(Concert concert, long userId, List<Object> a, long now) {
        String pseudonym = text(a.get(0));
        PlaceStatus status = switch (text(a.get(1))) {
            case "ADMITTED" -> PlaceStatus.ADMITTED;
            case "WAITING" -> flag(a.get(5)) ? PlaceStatus.SOLD_OUT : PlaceStatus.WAITING;
            default -> PlaceStatus.EXPIRED;
        };
        String position = text(a.get(2));
        Long positionValue = position.isEmpty() ? null : Long.parseLong(position);
        long ahead = number(a.get(3));
        Long eta = null;
        if (status == PlaceStatus.WAITING && positionValue != null) {
            String oldest = text(a.get(7));
            eta = WaitEstimate.seconds(ahead, number(a.get(6)), oldest.isEmpty() ? now : (long) Double.parseDouble(oldest), now);
        }
        String token = null;
        Instant issuedAt = null;
        Instant expiresAt = null;
        if (status == PlaceStatus.ADMITTED) {
            String[] admission = text(a.get(4)).split(":");
            issuedAt = Instant.ofEpochMilli(Long.parseLong(admission[1]));
            expiresAt = Instant.ofEpochMilli(Long.parseLong(admission[2]));
            token = tokens.sign(userId, concert.id(), admission[0], issuedAt, expiresAt);
        }
        long untilOpening = concert.saleStartsAt() == null ? 0 : concert.saleStartsAt().toEpochMilli() - now;
        // the next run's free admission slots: its ceiling (written by the last run) less the active shoppers now
        String ceiling = text(a.get(9));
        long freeSlots = ceiling.isEmpty() ? 0 : Math.max(0, number(ceiling) - number(a.get(8)));
        Long pollAfter = pollAdvice.seconds(status, positionValue, ahead, freeSlots, eta, untilOpening);
        return new QueuePlace(concert.id(), status, positionValue, ahead, eta, pollAfter, pseudonym, token, issuedAt, expiresAt);
    }

    private Concert waitingRoomOf(long concertId) {
        Concert concert = concerts.find(concertId).orElseThrow(() -> DomainException.notFound("concert", concertId));
        if (!concert.waitingRoom()) {
            throw DomainException.conflict("Concert " + concertId + " has no waiting room: hold seats directly.")
                    .with("reason", "no-waiting-room");
        }
        return concert;
    }

    private static QueueScripts.Opening opening(Concert concert, Instant now) {
        return new QueueScripts.Opening(now.toEpochMilli(),
                concert.saleStartsAt() == null ? null : concert.saleStartsAt().toEpochMilli());
    }

    private QueueKeys keysOf(long concertId) {
        return new QueueKeys(keys, concertId);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static long number(Object value) {
        String text = text(value);
        return text.isEmpty() ? 0 : (long) Double.parseDouble(text);
    }

    private static boolean flag(Object value) {
        return number(value) == 1;
    }
}
