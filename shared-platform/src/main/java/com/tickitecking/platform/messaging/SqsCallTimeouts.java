package com.tickitecking.platform.messaging;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;

import java.time.Duration;

/**
 * Time limits the SDK itself enforces on one SQS call. Timing out the returned future is not enough: the request
 * would stay on its connection, and a connection that went dead without a reset (a broken network path, a server
 * shutting down gracefully) would be handed out again from the pool. An SDK attempt time-out closes that
 * connection, and the SDK retries on a new one.
 */
public final class SqsCallTimeouts {

    private static final int ATTEMPTS = 3;

    private SqsCallTimeouts() {
    }

    /** Each attempt may take {@code attempt}; the call with its retries at most three times that. */
    public static AwsRequestOverrideConfiguration perAttempt(Duration attempt) {
        return AwsRequestOverrideConfiguration.builder()
                .apiCallAttemptTimeout(attempt)
                .apiCallTimeout(attempt.multipliedBy(ATTEMPTS))
                .build();
    }
}
