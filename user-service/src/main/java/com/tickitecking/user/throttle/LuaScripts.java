package com.tickitecking.user.throttle;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The throttles' Lua scripts, from {@code src/main/resources/lua}, read once at start-up. (A script made from the
 * resource itself would check the resource for changes on every call and read it again after a NOSCRIPT.)
 */
final class LuaScripts {

    private LuaScripts() {
    }

    static RedisScript<Long> load(String name) {
        try {
            String text = new ClassPathResource("lua/" + name).getContentAsString(StandardCharsets.UTF_8);
            return RedisScript.of(text, Long.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lua/" + name, e);
        }
    }
}
