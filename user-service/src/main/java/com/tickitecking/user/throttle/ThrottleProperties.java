package com.tickitecking.user.throttle;

import com.tickitecking.platform.retry.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param login  failed logins per account and per client address
 * @param signup sign-ups per client address
 */
@ConfigurationProperties("tickitecking.throttle")
public record ThrottleProperties(Login login, Signup signup) {

    public ThrottleProperties {
        if (login == null || signup == null) {
            throw new IllegalArgumentException("tickitecking.throttle needs login and signup settings");
        }
    }

    /**
     * @param perUsername  the back-off of one account (or unknown username) after failed logins
     * @param perAddress   the back-off of one client address after failed logins, whichever usernames they named
     * @param forgetAfter  a counter with no failure for this long is gone (Redis TTL), so the next one starts afresh
     */
    public record Login(Backoff perUsername, Backoff perAddress, Duration forgetAfter) {

        public Login {
            if (perUsername == null || perAddress == null || forgetAfter == null || forgetAfter.isNegative() || forgetAfter.isZero()) {
                throw new IllegalArgumentException("tickitecking.throttle.login needs per-username, per-address and a positive forget-after");
            }
        }
    }

    /**
     * @param perAddress at most this many sign-ups from one client address …
     * @param window     … within this long (a fixed window starting with its first sign-up)
     */
    public record Signup(int perAddress, Duration window) {

        public Signup {
            if (perAddress < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("tickitecking.throttle.signup needs per-address >= 1 and a positive window");
            }
        }
    }
}
