package com.tickitecking.user.throttle;

import com.tickitecking.platform.domain.DomainException;

import java.time.Duration;

/** The refusal a throttle answers with (429): the wait in whole seconds, rounded up, in the detail and in Retry-After. */
final class Refusals {

    private Refusals() {
    }

    static DomainException tooMany(String what, long waitMillis) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        return DomainException.throttled(what + "; try again in " + seconds + " s.", Duration.ofMillis(waitMillis));
    }
}
