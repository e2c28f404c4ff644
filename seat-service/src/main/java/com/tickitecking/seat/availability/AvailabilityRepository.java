package com.tickitecking.seat.availability;

import com.tickitecking.platform.redis.RedisKeys;
import com.tickitecking.seat.config.SeatProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.GenericToStringSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Redis bitmap of a concert's unavailable seats (encoded as {@link SeatBitmap} says) and its change counter.
 *
 * <p>Every change increments the counter and sets bits only if the bitmap exists (so a change never creates a
 * partial bitmap). The counter is the bitmap's version (its ETag): it starts from Redis's clock in microseconds
 * when it is (re)created, so a counter that expired or was deleted never comes back to a value it had. A rebuild reads the counter before its database query and stores its result only if the
 * counter has not moved meanwhile: a change the query may have missed forbids caching it. Both steps are Lua
 * scripts ({@code lua/availability-*.lua}), read once here and run by SHA.
 */
@Repository
public class AvailabilityRepository {

    /** The arguments are raw bytes (bitmaps, and numbers as text), not strings. */
    private static final RedisSerializer<byte[]> BYTES = RedisSerializer.byteArray();
    private static final RedisSerializer<Long> LONG = new GenericToStringSerializer<>(Long.class);

    private final RedisScript<Long> apply = script("lua/availability-apply.lua");
    private final RedisScript<Long> storeIfUnchanged = script("lua/availability-store-if-unchanged.lua");
    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final long ttlMillis;

    public AvailabilityRepository(StringRedisTemplate redis, RedisKeys keys, SeatProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.ttlMillis = properties.bitmapTtl().toMillis();
    }

    /**
     * The cached bitmap and its version, in one round trip.
     *
     * @param bitmap  the bitmap's bytes, or null when it is not cached
     * @param version the change counter, which moves with every change and every rebuild stored; null when none
     */
    public record Cached(byte[] bitmap, String version) {
    }

    public Cached read(long concertId) {
        byte[] bitmapKey = bytes(bitmapKey(concertId));
        byte[] changesKey = bytes(changesKey(concertId));
        List<byte[]> values = redis.execute((RedisCallback<List<byte[]>>) connection ->
                connection.stringCommands().mGet(bitmapKey, changesKey));
        if (values == null || values.size() < 2) {
            return new Cached(null, null);
        }
        byte[] version = values.get(1);
        return new Cached(values.get(0), version == null ? null : new String(version, StandardCharsets.UTF_8));
    }

    /** The change counter, read before a rebuild's query ("" when there is none). */
    public String changeCount(long concertId) {
        String count = redis.opsForValue().get(changesKey(concertId));
        return count == null ? "" : count;
    }

    /**
     * Caches a rebuilt bitmap unless a change happened since {@link #changeCount}, and moves the counter (a new
     * bitmap is a new version).
     *
     * @return the bitmap's version when it stored it, null when a change forbade it
     */
    public String storeIfUnchanged(long concertId, byte[] bitmap, String changeCountBefore) {
        Long version = redis.execute(storeIfUnchanged, BYTES, LONG, List.of(bitmapKey(concertId), changesKey(concertId)),
                bitmap, bytes(changeCountBefore), bytes(String.valueOf(ttlMillis)), bytes(String.valueOf(ttlMillis * 2)));
        return version == null || version == 0L ? null : String.valueOf(version);
    }

    /** Sets each seat's bit: true = not available. */
    public void apply(long concertId, Map<Integer, Boolean> unavailableBySeat) {
        List<byte[]> args = new ArrayList<>(1 + unavailableBySeat.size() * 2);
        args.add(bytes(String.valueOf(ttlMillis * 2)));
        unavailableBySeat.forEach((index, unavailable) -> {
            args.add(bytes(String.valueOf(index)));
            args.add(bytes(unavailable ? "1" : "0"));
        });
        redis.execute(apply, BYTES, LONG, List.of(bitmapKey(concertId), changesKey(concertId)), args.toArray());
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

    /** Read once: a classpath resource script would otherwise be checked for changes on every call. */
    private static RedisScript<Long> script(String path) {
        try {
            return RedisScript.of(new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8), Long.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
