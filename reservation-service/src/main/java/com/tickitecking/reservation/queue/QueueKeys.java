package com.tickitecking.reservation.queue;

import com.tickitecking.platform.redis.RedisKeys;

import java.util.List;

/**
 * The Redis keys of one concert's waiting room, {@code <prefix>waiting-room:{<concertId>}:<part>}. The {tag} keeps
 * them on one Redis Cluster node, which the multi-key scripts need. The gateway's flag
 * {@code <prefix>waiting-room:<concertId>} (no braces) is {@link WaitingRoomFlags}'.
 */
record QueueKeys(RedisKeys keys, long concertId) {

    /** Hash: seed, commitment, closed (ms), n (pre-queue size), next (last position given), shuffled (ms), nowServing, soldOut. */
    String meta() {
        return part("meta");
    }

    /** List: the pre-queue's pseudonyms in join order. */
    String pre() {
        return part("pre");
    }

    /** Hash: user id → pseudonym of the account's current place. */
    String users() {
        return part("users");
    }

    /** Hash: pseudonym → user id. */
    String owners() {
        return part("owners");
    }

    /** Hash: pseudonym → position (pre-queue places get theirs at the shuffle). */
    String positions() {
        return part("positions");
    }

    /** Sorted set: the places still waiting, scored by position. */
    String line() {
        return part("line");
    }

    /** Hash: pseudonym → when its holder last polled (ms). */
    String seen() {
        return part("seen");
    }

    /** Hash: pseudonym → WAITING | ADMITTED | EXPIRED | LEFT. */
    String status() {
        return part("status");
    }

    /** Hash: pseudonym → {@code jti:issuedAtMs:expiresAtMs} of its admission. */
    String admission() {
        return part("admission");
    }

    /** Sorted set: admitted shoppers who have not finished, scored by when their admission expires (ms). */
    String active() {
        return part("active");
    }

    /** Sorted set: admissions of the rate window, scored by when they were admitted (ms). */
    String admitted() {
        return part("admitted");
    }

    /** Counter of the holds made with one admission token. */
    String holds(String jti) {
        return part("holds:" + jti);
    }

    List<Object> forJoin() {
        return List.of(meta(), pre(), users(), owners(), positions(), line(), seen(), status());
    }

    List<Object> forAdmission() {
        return List.of(meta(), pre(), positions(), line(), seen(), status(), admission(), active(), admitted());
    }

    List<Object> forShuffle() {
        return List.of(meta(), pre(), positions(), line(), status());
    }

    List<Object> forPoll() {
        return List.of(meta(), users(), positions(), line(), seen(), status(), admission(), active(), admitted());
    }

    List<Object> forLeave() {
        return List.of(users(), line(), status(), active());
    }

    List<Object> forFinish() {
        return List.of(users(), active());
    }

    List<Object> forStatus() {
        return List.of(meta(), pre(), line(), active());
    }

    List<Object> forPreQueue() {
        return List.of(meta(), pre(), positions());
    }

    private String part(String name) {
        return keys.key("waiting-room", "{" + concertId + "}", name);
    }
}
