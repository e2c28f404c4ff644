package com.tickitecking.reservation.reservation;

import com.tickitecking.reservation.ReservationApi;
import com.tickitecking.reservation.RequestConnections;
import com.tickitecking.reservation.TestEvents;
import com.tickitecking.reservation.ThroughTheApi;
import com.tickitecking.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After Redis lost the service's keys, the restore gives it back its memory of the Idempotency-Keys from the
 * reservation table and moves the watermarks back, so that a new key costs no database look-up from then on, not
 * only 24 h later. The idempotency TTL is the production one (24 h) here: a watermark is old only if it was moved.
 */
@IntegrationTest
@Import(RequestConnections.Wiring.class)
class IdempotencyRestoreIT extends ThroughTheApi {

    private static final int RIVALS = 200;
    private static final long TTL_MILLIS = Duration.ofHours(24).toMillis();

    @Autowired
    RequestConnections connections;
    @Autowired
    RedissonClient redisson;
    @Autowired
    IdempotencyKeys idempotencyKeys;
    @Autowired
    IdempotencyKeysRestore restore;
    @Value("${tickitecking.redis.key-prefix}")
    String redisPrefix;

    private long concertId;
    private ReservationApi alice;

    @BeforeEach
    void concertOnSaleAndNoRestoreRunning() {
        concertId = events.concertOnSale(TestEvents.hall(4, 10, Instant.now().plus(7, ChronoUnit.DAYS)));
        alice = ReservationApi.as(port, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !restore.running()); // the one at start-up
    }

    @Test
    void restoresTheKeysAfterRedisLostThemSoThatLosingAttemptsAskTheDatabaseNothing() {
        String key = UUID.randomUUID().toString();
        long first = alice.holdWithKey(concertId, key, "FLOOR-A-1").json().get("id").asLong();
        forgetTheServicesRedisKeys();
        assertThat(watermarkAge(1)).as("no watermark after the flush").isNull();

        var rival = ReservationApi.as(port, 2);
        assertThat(rival.hold(concertId, "FLOOR-A-1").status()).isEqualTo(409); // finds the watermark young: restores
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(IntStream.range(0, IdempotencyKeys.SHARDS)
                .mapToObj(this::watermarkAge)).as("every shard's watermark, moved back")
                .allSatisfy(age -> assertThat(age).isNotNull().isGreaterThanOrEqualTo(TTL_MILLIS)));
        assertThat(entry(1, key)).as("alice's key, restored from the reservation table").isNotNull()
                .startsWith("DONE:").endsWith(":" + first);
        long before = connections.taken();

        for (int user = 0; user < RIVALS; user++) {
            var refused = ReservationApi.as(port, 10_000 + user).hold(concertId, "FLOOR-A-1", "FLOOR-A-2");
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("reason").asString()).isEqualTo("taken");
        }
        assertThat(connections.taken() - before).as("database connections taken by %d losing attempts", RIVALS).isZero();

        var again = alice.holdWithKey(concertId, key, "FLOOR-A-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(first);
        assertThat(alice.holdWithKey(concertId, key, "FLOOR-A-2").status()).as("the same key for another request").isEqualTo(422);
    }

    @Test
    void aFlushDuringTheRestoreLeavesTheWatermarkYoung() {
        forgetTheServicesRedisKeys();
        var readBeforeTheScan = idempotencyKeys.watermark(3);
        forgetTheServicesRedisKeys(); // the second flush, during the scan

        assertThat(idempotencyKeys.moveWatermark(readBeforeTheScan, readBeforeTheScan.now() - TTL_MILLIS))
                .as("a watermark gone").isFalse();
        assertThat(watermarkAge(3)).isNull();
        var writtenAnew = idempotencyKeys.watermark(3); // as the next request writes it
        assertThat(idempotencyKeys.moveWatermark(readBeforeTheScan, readBeforeTheScan.now() - TTL_MILLIS))
                .as("a watermark written anew").isFalse();
        assertThat(watermarkAge(3)).as("still the young one").isNotNull().isLessThan(TTL_MILLIS);
        assertThat(idempotencyKeys.moveWatermark(writtenAnew, writtenAnew.now() - TTL_MILLIS))
                .as("the watermark the scan read is moved").isTrue();
        assertThat(watermarkAge(3)).isGreaterThanOrEqualTo(TTL_MILLIS);
    }

    /** Milliseconds since the shard's watermark, on Redis's clock; null when it is absent. */
    private Long watermarkAge(int shard) {
        String since = redisson.<String>getBucket(redisPrefix + "reservation:idempotency:{idempotency-" + shard
                + "}:remembered-since", StringCodec.INSTANCE).get();
        if (since == null) {
            return null;
        }
        Long now = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_ONLY,
                "local t = redis.call('TIME') return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
                RScript.ReturnType.LONG);
        return now - Long.parseLong(since);
    }

    private String entry(long userId, String key) {
        return redisson.<String>getBucket(redisPrefix + "reservation:idempotency:{idempotency-" + userId % 16 + "}:"
                + userId + ":" + key, StringCodec.INSTANCE).get();
    }

    /** What a flush does to this service, without touching anyone else's keys. */
    private void forgetTheServicesRedisKeys() {
        redisson.getKeys().deleteByPattern(redisPrefix + "*");
    }
}
