package com.tickitecking.user.throttle;

import com.tickitecking.platform.retry.Backoff;
import com.tickitecking.platform.redis.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Slows password guessing down, with counters in Redis so every user-service instance sees the same ones.
 * <p>
 * An account's try is counted <em>before</em> its password is checked, in the same script that checks the wait:
 * of a burst of parallel guesses only as many get their password checked as the back-off lets through, the
 * others are refused without a check. A success deletes the account's counter. A client address counts only
 * failed tries (an office or a mobile network logs many people in from one address) and a success does not reset
 * it (or an attacker would reset it by logging into an account of their own between guesses).
 * <p>
 * Each counter is a hash {@code failures}, {@code until} (ms, Redis's clock) that expires by itself
 * {@code forget-after} after its last failure. One script reads two keys (account and address): fine on one Redis
 * primary (ElastiCache without cluster mode, as deployed), not on Redis Cluster.
 */
@Component
public class LoginThrottle {

    /** KEYS: counter to count; ARGV[1]: forget-after ms, ARGV[2..]: wait ms after 1, 2, … failures (last repeats). */
    private static final String COUNT = """
            local n = redis.call('HINCRBY', KEYS[1], 'failures', 1)
            local delay = tonumber(ARGV[math.min(n, #ARGV - 1) + 1])
            if delay > 0 then redis.call('HSET', KEYS[1], 'until', now + delay) end
            redis.call('PEXPIRE', KEYS[1], math.max(tonumber(ARGV[1]), delay))
            """;
    private static final String NOW = """
            local clock = redis.call('TIME')
            local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
            """;

    /** KEYS[1]: the account's counter, KEYS[2]: the address's. 0 and counted, or the ms to wait (nothing counted). */
    private static final RedisScript<Long> BEGIN = RedisScript.of(NOW + """
            local wait = 0
            for _, key in ipairs(KEYS) do
              local blocked = tonumber(redis.call('HGET', key, 'until') or '0') - now
              if blocked > wait then wait = blocked end
            end
            if wait > 0 then return wait end
            """ + COUNT + "return 0", Long.class);

    private static final RedisScript<Long> FAILED = RedisScript.of(NOW + COUNT + "return 0", Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final List<String> accountArgs;
    private final List<String> addressArgs;

    public LoginThrottle(StringRedisTemplate redis, RedisKeys keys, ThrottleProperties properties) {
        this.redis = redis;
        this.keys = keys;
        ThrottleProperties.Login login = properties.login();
        this.accountArgs = args(login.forgetAfter(), login.perUsername());
        this.addressArgs = args(login.forgetAfter(), login.perAddress());
    }

    /**
     * Starts a login try for an existing account ({@code accountId}) or a username nobody has: refused with 429
     * while that account's or that address's wait runs, otherwise counted against the account.
     */
    public Attempt begin(Long accountId, String username, String clientAddress) {
        String account = accountId != null ? keys.key("login", "account", accountId.toString())
                // keyed as the database compares names (case-insensitively), so "Bob" and "bob" share a counter
                : keys.key("login", "name", username.strip().toLowerCase(Locale.ROOT));
        String address = keys.key("login", "address", clientAddress);
        Long waitMillis = redis.execute(BEGIN, List.of(account, address), accountArgs.toArray());
        if (waitMillis != null && waitMillis > 0) {
            throw Refusals.tooMany("Too many failed logins", waitMillis);
        }
        return new Attempt(account, address);
    }

    /** One login try that was let through to the password check. */
    public final class Attempt {

        private final String accountKey;
        private final String addressKey;

        private Attempt(String accountKey, String addressKey) {
            this.accountKey = accountKey;
            this.addressKey = addressKey;
        }

        /** The account's count already holds this try; the address's gets it now. */
        public void failed() {
            redis.execute(FAILED, List.of(addressKey), addressArgs.toArray());
        }

        public void succeeded() {
            redis.delete(accountKey);
        }
    }

    private static List<String> args(Duration forgetAfter, Backoff backoff) {
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(forgetAfter.toMillis()));
        backoff.schedule().forEach(wait -> args.add(String.valueOf(wait.toMillis())));
        return List.copyOf(args);
    }
}
