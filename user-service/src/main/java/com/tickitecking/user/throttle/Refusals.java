package com.tickitecking.user.throttle;

import com.tickitecking.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** The 429 a throttle answers with; {@code retryAfterSeconds} becomes the Retry-After header. */
final class Refusals {

    private Refusals() {
    }

    static ApiException tooMany(String what, long waitMillis) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                what + "; try again in " + seconds + " s.").with("retryAfterSeconds", seconds);
    }
}
