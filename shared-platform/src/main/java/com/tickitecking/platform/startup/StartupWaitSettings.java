package com.tickitecking.platform.startup;

import com.tickitecking.platform.retry.Backoff;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a starting service waits for its servers ({@code tickitecking.startup.*}).
 *
 * @param enabled      wait at all (off only for a test that wants to see a service start without its servers)
 * @param maxWait      give up and fail the start after this long, per server
 * @param probeTimeout how long one probe may take; generous, since a busy machine answers slowly at start
 * @param firstDelay   pause after the first failed probe; doubled after each further one
 * @param maxDelay     the longest pause between two probes
 */
public record StartupWaitSettings(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("5m") Duration maxWait,
                                  @DefaultValue("5s") Duration probeTimeout,
                                  @DefaultValue("250ms") Duration firstDelay,
                                  @DefaultValue("5s") Duration maxDelay) {

    /** The pause before probe number {@code attempt + 1}, after {@code attempt} failures (1, 2, …). */
    public Duration delayAfter(int attempt) {
        return new Backoff(0, firstDelay, maxDelay).waitAfter(attempt);
    }
}
