package com.tickitecking.reservation.reservation;

import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.RedisCommands;
import com.tickitecking.reservation.RequestConnections;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hold path under a rush: a losing attempt is refused by Redis alone and asks the database nothing, and a
 * repeated Idempotency-Key is still recognised when Redis has lost it. The idempotency TTL is 2 s here, so that
 * "Redis has remembered every key for a whole TTL" is reached by waiting, as in production after 24 h.
 */
@IntegrationTest
@Import({RequestConnections.Wiring.class, RedisCommands.Wiring.class})
@TestPropertySource(properties = {"tickitecking.reservation.idempotency-ttl=" + HoldPathIT.TTL,
        "tickitecking.reservation.concert-cache.ttl=10m",
        // what this class shows is the path while Redis has not remembered for a TTL: no restore here (IdempotencyRestoreIT)
        "tickitecking.reservation.idempotency-restore=false"})
class HoldPathIT extends ThroughTheApi {

    static final String TTL = "2s";
    private static final int RIVALS = 200;

    @Autowired
    RequestConnections connections;
    @Autowired
    RedisCommands commands;
    @Autowired
    RedissonClient redisson;
    @Value("${tickitecking.redis.key-prefix}")
    String redisPrefix;

    private long concertId;
    private ReservationApi alice;

    @BeforeEach
    void concertOnSale() {
        concertId = events.concertOnSale(TestEvents.hall(4, 10, Instant.now().plus(7, ChronoUnit.DAYS)));
        alice = ReservationApi.as(port, 1);
    }

    @Test
    void losingAttemptsAskTheDatabaseNothing() {
        redisHasRememberedEveryKeyForAWholeTtl();
        assertThat(alice.hold(concertId, "FLOOR-A-1").status()).isEqualTo(201);
        long before = connections.taken();

        for (int rival = 0; rival < RIVALS; rival++) {
            var refused = ReservationApi.as(port, 10_000 + rival).hold(concertId, "FLOOR-A-1", "FLOOR-A-2");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("reason").asString()).isEqualTo("taken");
        }

        assertThat(connections.taken() - before).as("database connections taken by %d losing attempts", RIVALS).isZero();
    }

    @Test
    void anUncontendedHoldRunsAtReadCommittedWithoutChangingTheConnectionsIsolationLevel() {
        assertThat(jdbc.queryForObject("SELECT @@tx_isolation", String.class)).as("the pool's default").isEqualTo("READ-COMMITTED");
        long before = connections.isolationChanges();

        assertThat(alice.hold(concertId, "FLOOR-A-5", "FLOOR-A-6").status()).isEqualTo(201);
        assertThat(alice.hold(concertId, "FLOOR-A-7").status()).isEqualTo(201);

        assertThat(connections.isolationChanges() - before).as("SET SESSION TRANSACTION ISOLATION LEVEL sent by two holds")
                .isZero();
    }

    @Test
    void aNewKeyIsLookedUpInTheDatabaseWhileRedisHasNotRememberedForAWholeTtl() {
        assertThat(alice.hold(concertId, "FLOOR-A-3").status()).isEqualTo(201);
        forgetTheServicesRedisKeys();
        var rival = ReservationApi.as(port, 2);
        assertThat(rival.hold(concertId, "FLOOR-A-3").status()).isEqualTo(409); // rebuilds the seat guard from the database
        long before = connections.taken();

        assertThat(rival.hold(concertId, "FLOOR-A-3").status()).isEqualTo(409);

        assertThat(connections.taken() - before).as("the new key's look-up in the database").isEqualTo(1);
    }

    @Test
    void aRepeatIsStillRecognisedAfterRedisLostTheServicesKeys() {
        String key = UUID.randomUUID().toString();
        long first = alice.holdWithKey(concertId, key, "FLOOR-B-1", "FLOOR-B-2").json().get("id").asLong();
        forgetTheServicesRedisKeys();

        var otherRequest = alice.holdWithKey(concertId, key, "FLOOR-B-3");
        var again = alice.holdWithKey(concertId, key, "FLOOR-B-2", "FLOOR-B-1");

        assertThat(otherRequest.status()).isEqualTo(422);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(first);
        assertThat(reservationsWithKey(key)).isEqualTo(1);
    }

    @Test
    void aRepeatRedisNoLongerKnowsIsAnsweredByTheUniqueKeyOnTheRow() {
        String key = UUID.randomUUID().toString();
        long first = alice.holdWithKey(concertId, key, "FLOOR-C-1").json().get("id").asLong();
        assertThat(alice.cancel(first).status()).isEqualTo(200);
        redisHasRememberedEveryKeyForAWholeTtl(); // and has forgotten the key: it is older than the TTL

        var otherRequest = alice.holdWithKey(concertId, key, "FLOOR-C-2");
        var again = alice.holdWithKey(concertId, key, "FLOOR-C-1");

        assertThat(otherRequest.status()).isEqualTo(422);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(first);
        assertThat(again.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(reservationsWithKey(key)).isEqualTo(1);
        var bob = ReservationApi.as(port, 3);
        assertThat(bob.hold(concertId, "FLOOR-C-1").status()).as("the repeat gave its seat claim back").isEqualTo(201);
        assertThat(bob.hold(concertId, "FLOOR-C-2").status()).as("so did the refused request").isEqualTo(201);
    }

    @Test
    void aHoldOfSeatsOthersHoldIsRefusedOnTwoReadsSentTogether() {
        redisHasRememberedEveryKeyForAWholeTtl();
        assertThat(alice.hold(concertId, "FLOOR-D-8").status()).isEqualTo(201);
        var bob = ReservationApi.as(port, 2);
        assertThat(bob.hold(concertId, "FLOOR-D-8").status()).isEqualTo(409); // the scripts are loaded by now
        String seats = redisPrefix + "reservation:{" + concertId + "}:seats";
        int seatCommandsBefore = commands.mentioning(seats).size();
        String key = UUID.randomUUID().toString();

        assertThat(bob.holdWithKey(concertId, key, "FLOOR-D-8").status()).isEqualTo(409);

        assertThat(commands.mentioning(key)).as("commands naming the key: what Redis remembers of it, read").hasSize(1);
        assertThat(commands.mentioning(seats).size() - seatCommandsBefore).as("commands naming the seats: who holds them, read")
                .isEqualTo(1);
    }

    @Test
    void aRefusedHoldTakesNothingInRedisNotEvenItsKey() {
        redisHasRememberedEveryKeyForAWholeTtl();
        assertThat(alice.hold(concertId, "FLOOR-D-1").status()).isEqualTo(201);
        String key = UUID.randomUUID().toString();
        var bob = ReservationApi.as(port, 2);

        var refused = bob.holdWithKey(concertId, key, "FLOOR-D-1", "FLOOR-D-2");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("reason").asString()).isEqualTo("taken");
        assertThat(refused.json().get("seats").get(0).asString()).isEqualTo("FLOOR-D-1");
        assertThat(redisson.getKeys().getKeysStreamByPattern(redisPrefix + "reservation:idempotency:*:2:" + key).count())
                .as("the refused request's key in Redis").isZero();
        assertThat(seatEntry("FLOOR-D-2")).as("the free seat it asked for").isNull();
        assertThat(bob.holdWithKey(concertId, key, "FLOOR-D-2").status()).as("the key is free for another request").isEqualTo(201);
    }

    @Test
    void aSeatsEntryNamesItsOwnerAlsoWhenRebuiltFromTheDatabase() {
        long id = alice.hold(concertId, "FLOOR-D-3").json().get("id").asLong();
        assertThat(seatEntry("FLOOR-D-3")).matches("\\d+:1:[0-9a-f-]{36}");
        assertThat(alice.confirm(id).status()).isEqualTo(200);
        assertThat(seatEntry("FLOOR-D-3")).matches("0:1:[0-9a-f-]{36}");
        forgetTheServicesRedisKeys();

        assertThat(ReservationApi.as(port, 2).hold(concertId, "FLOOR-D-3").status()).isEqualTo(409); // rebuilds the guard

        assertThat(seatEntry("FLOOR-D-3")).matches("0:1:[0-9a-f-]{36}");
    }

    @Test
    void aNewKeyForSeatsTheCallerHoldsIsRefusedTheWholeWay() {
        redisHasRememberedEveryKeyForAWholeTtl();
        assertThat(alice.hold(concertId, "FLOOR-D-4").status()).isEqualTo(201);

        var again = alice.hold(concertId, "FLOOR-D-4");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("reason").asString()).isEqualTo("taken");
    }

    @Test
    void aRepeatRedisLostOfAHoldWhoseSeatWasGivenUpAndTakenByAnotherIsAnsweredWithTheEarlierReservation() {
        String key = UUID.randomUUID().toString();
        long first = alice.holdWithKey(concertId, key, "FLOOR-D-5").json().get("id").asLong();
        assertThat(alice.cancel(first).status()).isEqualTo(200);
        assertThat(ReservationApi.as(port, 2).hold(concertId, "FLOOR-D-5").status()).isEqualTo(201);
        forgetTheServicesRedisKeys();

        var again = alice.holdWithKey(concertId, key, "FLOOR-D-5");
        var otherRequest = alice.holdWithKey(concertId, key, "FLOOR-D-5", "FLOOR-D-6");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(first);
        assertThat(again.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(otherRequest.status()).isEqualTo(422);
    }

    @Test
    void anEntryThatDoesNotNameItsOwnerStillRefusesEveryone() {
        redisHasRememberedEveryKeyForAWholeTtl();
        assertThat(alice.hold(concertId, "FLOOR-D-7").status()).isEqualTo(201);
        // the shape written before entries named their owner: "<expiry>:<token>"
        String entry = seatEntry("FLOOR-D-7");
        seats().put("FLOOR-D-7", entry.substring(0, entry.indexOf(':')) + entry.substring(entry.lastIndexOf(':')));

        assertThat(alice.hold(concertId, "FLOOR-D-7").status()).isEqualTo(409);
        assertThat(ReservationApi.as(port, 2).hold(concertId, "FLOOR-D-7").status()).isEqualTo(409);
    }

    private org.redisson.api.RMap<String, String> seats() {
        return redisson.getMap(redisPrefix + "reservation:{" + concertId + "}:seats", StringCodec.INSTANCE);
    }

    private String seatEntry(String seat) {
        return seats().get(seat);
    }

    /**
     * Lets every shard's watermark come into being (any hold starts it) and grow older than the TTL. Users 1 to 16
     * cover the 16 shards; a hold of an unknown concert writes nothing else.
     */
    private void redisHasRememberedEveryKeyForAWholeTtl() {
        for (long user = 1; user <= 16; user++) {
            assertThat(ReservationApi.as(port, user).hold(987_654_321L, "FLOOR-A-1").status()).isEqualTo(404);
        }
        try {
            Thread.sleep(Duration.parse("PT" + TTL).plusMillis(300));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a flush does to this service, without touching anyone else's keys. */
    private void forgetTheServicesRedisKeys() {
        redisson.getKeys().deleteByPattern(redisPrefix + "*");
    }

    private long reservationsWithKey(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reservation WHERE idempotency_key = ?", Long.class, key);
    }
}
