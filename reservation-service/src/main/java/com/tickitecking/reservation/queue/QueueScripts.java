package com.tickitecking.reservation.queue;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The waiting room's Lua scripts in {@code lua/} (each says what it takes and answers). Every change to a waiting
 * room is one script, so it is atomic across any number of instances: nothing is read into Java, changed and
 * written back. An unreachable Redis is {@link WaitingRoomUnavailable}.
 */
@Component
class QueueScripts {

    /** The seed and the closing of the pre-queue, the first step of the join and admission scripts. */
    private static final String OPEN = lua("waiting-room-open");

    private final String join = OPEN + lua("waiting-room-join");
    private final String admit = OPEN + lua("waiting-room-admit");
    private final String shuffle = lua("waiting-room-shuffle");
    private final String poll = lua("waiting-room-poll");
    private final String leave = lua("waiting-room-leave");
    private final String finish = lua("waiting-room-finish");
    private final String status = lua("waiting-room-status");
    private final String preQueue = lua("waiting-room-pre-queue");
    private final String countHold = lua("admission-hold");

    private final RedissonClient redisson;

    QueueScripts(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** The opening step's arguments: now, the opening ('' = open from the start), a fresh seed and its commitment. */
    record Opening(long nowMillis, Long opensAtMillis) {
        List<Object> arguments() {
            String seed = Shuffle.newSeed();
            return new ArrayList<>(List.of(String.valueOf(nowMillis), opensAtMillis == null ? "" : String.valueOf(opensAtMillis),
                    seed, Shuffle.commitment(seed)));
        }
    }

    List<Object> join(QueueKeys keys, Opening opening, long userId, String pseudonym, long lapseMillis) {
        List<Object> args = opening.arguments();
        args.addAll(List.of(String.valueOf(userId), pseudonym, String.valueOf(lapseMillis)));
        return list(join, keys.forJoin(), args);
    }

    List<Object> admit(QueueKeys keys, Opening opening, List<String> tail) {
        List<Object> args = opening.arguments();
        args.addAll(tail);
        return list(admit, keys.forAdmission(), args);
    }

    long shuffle(QueueKeys keys, long nowMillis, List<String> order) {
        List<Object> args = new ArrayList<>(order.size() + 1);
        args.add(String.valueOf(nowMillis));
        args.addAll(order);
        return number(shuffle, keys.forShuffle(), args);
    }

    /** Null when the account has no place. */
    List<Object> poll(QueueKeys keys, long userId, long nowMillis, long lapseMillis, long rateWindowMillis) {
        return list(poll, keys.forPoll(), List.of(String.valueOf(userId), String.valueOf(nowMillis),
                String.valueOf(lapseMillis), String.valueOf(rateWindowMillis)));
    }

    boolean leave(QueueKeys keys, long userId) {
        return number(leave, keys.forLeave(), List.of(String.valueOf(userId))) == 1;
    }

    boolean finish(QueueKeys keys, long userId) {
        return number(finish, keys.forFinish(), List.of(String.valueOf(userId))) == 1;
    }

    List<Object> status(QueueKeys keys, long nowMillis) {
        String seed = Shuffle.newSeed();
        return list(status, keys.forStatus(), List.of(String.valueOf(nowMillis), seed, Shuffle.commitment(seed)));
    }

    List<Object> preQueue(QueueKeys keys) {
        return list(preQueue, keys.forPreQueue(), List.of());
    }

    long countHold(QueueKeys keys, String jti, long lifeMillis) {
        return number(countHold, List.of(keys.holds(jti)), List.of(String.valueOf(lifeMillis)));
    }

    private List<Object> list(String script, List<Object> keys, List<Object> args) {
        return redis(() -> redisson.getScript(StringCodec.INSTANCE)
                .eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.LIST, keys, args.toArray()));
    }

    private long number(String script, List<Object> keys, List<Object> args) {
        Long answer = redis(() -> redisson.getScript(StringCodec.INSTANCE)
                .eval(RScript.Mode.READ_WRITE, script, RScript.ReturnType.LONG, keys, args.toArray()));
        return answer == null ? 0 : answer;
    }

    static <T> T redis(Supplier<T> call) {
        try {
            return call.get();
        } catch (RedisException e) {
            throw new WaitingRoomUnavailable();
        }
    }

    private static String lua(String name) {
        try {
            return new ClassPathResource("lua/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("the waiting room's script lua/" + name + ".lua is missing", e);
        }
    }
}
