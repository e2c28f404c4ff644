package com.tickitecking.seat.availability;

import com.tickitecking.platform.redis.RedisKeys;
import com.tickitecking.seat.config.SeatProperties;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Redis bitmap of a concert's unavailable seats: bit i (SETBIT offset i, most significant bit of byte 0 first)
 * is set when seat i in SeatIndex order is HELD, RESERVED or BLOCKED.
 *
 * <p>Each concert also has a change counter. Every change increments it and sets bits only if the bitmap exists
 * (so a change never creates a partial bitmap). A rebuild reads the counter before its database query and stores
 * its result only if the counter has not moved meanwhile: a change the query may have missed forbids caching it.
 */
@Component
public class AvailabilityRepository {

    private static final String APPLY = """
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            if redis.call('EXISTS', KEYS[1]) == 1 then
              for i = 2, #ARGV, 2 do redis.call('SETBIT', KEYS[1], ARGV[i], ARGV[i + 1]) end
            end
            return 1""";

    private static final String STORE_IF_UNCHANGED = """
            local changes = redis.call('GET', KEYS[2]) or ''
            if changes ~= ARGV[2] then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3], 'NX')
            return 1""";

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final long ttlMillis;

    public AvailabilityRepository(StringRedisTemplate redis, RedisKeys keys, SeatProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.ttlMillis = properties.bitmapTtl().toMillis();
    }

    /** The bitmap's bytes, or null when it is not cached. */
    public byte[] read(long concertId) {
        byte[] key = bytes(bitmapKey(concertId));
        return redis.execute((RedisCallback<byte[]>) connection -> connection.stringCommands().get(key));
    }

    /** The change counter, read before a rebuild's query ("" when there is none). */
    public String changeCount(long concertId) {
        String count = redis.opsForValue().get(changesKey(concertId));
        return count == null ? "" : count;
    }

    /** Caches a rebuilt bitmap unless a change happened since {@link #changeCount}; returns whether it did. */
    public boolean storeIfUnchanged(long concertId, byte[] bitmap, String changeCountBefore) {
        byte[][] keysAndArgs = {bytes(bitmapKey(concertId)), bytes(changesKey(concertId)),
                bitmap, bytes(changeCountBefore), bytes(String.valueOf(ttlMillis))};
        Long stored = redis.execute((RedisCallback<Long>) connection ->
                connection.scriptingCommands().eval(bytes(STORE_IF_UNCHANGED), ReturnType.INTEGER, 2, keysAndArgs));
        return stored != null && stored == 1L;
    }

    /** Sets each seat's bit: true = not available. */
    public void apply(long concertId, Map<Integer, Boolean> unavailableBySeat) {
        List<byte[]> keysAndArgs = new ArrayList<>(2 + 1 + unavailableBySeat.size() * 2);
        keysAndArgs.add(bytes(bitmapKey(concertId)));
        keysAndArgs.add(bytes(changesKey(concertId)));
        keysAndArgs.add(bytes(String.valueOf(ttlMillis * 2)));
        unavailableBySeat.forEach((index, unavailable) -> {
            keysAndArgs.add(bytes(String.valueOf(index)));
            keysAndArgs.add(bytes(unavailable ? "1" : "0"));
        });
        byte[][] array = keysAndArgs.toArray(byte[][]::new);
        redis.execute((RedisCallback<Long>) connection ->
                connection.scriptingCommands().eval(bytes(APPLY), ReturnType.INTEGER, 2, array));
    }

    public void delete(long concertId) {
        redis.delete(List.of(bitmapKey(concertId), changesKey(concertId)));
    }

    String bitmapKey(long concertId) {
        // The hash tag keeps both keys of a concert in one slot, as a cluster needs for the scripts.
        return keys.key("seats", "{" + concertId + "}", "unavailable");
    }

    private String changesKey(long concertId) {
        return keys.key("seats", "{" + concertId + "}", "changes");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
