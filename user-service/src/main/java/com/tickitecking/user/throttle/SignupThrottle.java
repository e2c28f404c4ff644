package com.tickitecking.user.throttle;

import com.tickitecking.platform.redis.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.util.List;

/** At most so many sign-ups per client address in a window, counted in Redis across instances. */
@Component
public class SignupThrottle {

    /** Counts and checks in one step; 0 = go on, else ms until the window ends (see the script). */
    private static final RedisScript<Long> COUNT = LuaScripts.load("signup-throttle.lua");

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ThrottleProperties.Signup settings;

    public SignupThrottle(StringRedisTemplate redis, RedisKeys keys, ThrottleProperties properties) {
        this.redis = redis;
        this.keys = keys;
        this.settings = properties.signup();
    }

    /** Counts a sign-up from this address, or refuses it with 429 once the window's are used up. */
    public void count(String clientAddress) {
        Long waitMillis = redis.execute(COUNT, List.of(keys.key("signup", "address", clientAddress)),
                String.valueOf(settings.perAddress()), String.valueOf(settings.window().toMillis()));
        if (waitMillis != null && waitMillis > 0) {
            throw Refusals.tooMany("Too many sign-ups from your address", waitMillis);
        }
    }
}
