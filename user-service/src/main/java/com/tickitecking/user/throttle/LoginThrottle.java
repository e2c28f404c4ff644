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
 * {@code forget-after} after its last failure ({@code lua/login-throttle.lua}). One script reads two keys (account
 * and address): fine on one Redis primary (ElastiCache without cluster mode, as deployed), not on Redis Cluster.
 */
@Component
public class LoginThrottle {

    /** Begins a try ('begin') or counts a failure against an address ('failed'); see the script. */
    private static final RedisScript<Long> SCRIPT = LuaScripts.load("login-throttle.lua");
    private static final String BEGIN = "begin";
    private static final String FAILED = "failed";

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final List<String> beginArgs;
    private final List<String> failedArgs;

    public LoginThrottle(StringRedisTemplate redis, RedisKeys keys, ThrottleProperties properties) {
        this.redis = redis;
        this.keys = keys;
        ThrottleProperties.Login login = properties.login();
        this.beginArgs = args(BEGIN, login.forgetAfter(), login.perUsername());
        this.failedArgs = args(FAILED, login.forgetAfter(), login.perAddress());
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
        Long waitMillis = redis.execute(SCRIPT, List.of(account, address), beginArgs.toArray());
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
            redis.execute(SCRIPT, List.of(addressKey), failedArgs.toArray());
        }

        public void succeeded() {
            redis.delete(accountKey);
        }
    }

    /** The script's ARGV: its mode, then the counter's settings (the back-off of an account, or of an address). */
    private static List<String> args(String mode, Duration forgetAfter, Backoff backoff) {
        List<String> args = new ArrayList<>();
        args.add(mode);
        args.add(String.valueOf(forgetAfter.toMillis()));
        backoff.schedule().forEach(wait -> args.add(String.valueOf(wait.toMillis())));
        return List.copyOf(args);
    }
}
