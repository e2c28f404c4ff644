package com.tickitecking.gateway.security;

import com.tickitecking.testing.TestKeys;
import com.tickitecking.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private final NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(TestKeys.publicKey()).build();
    private final AtomicInteger checks = new AtomicInteger();
    /** The real decoder, counting how often it is asked. */
    private final ReactiveJwtDecoder counting = token -> Mono.defer(() -> {
        checks.incrementAndGet();
        return nimbus.decode(token);
    });

    @Test
    void aTokenSeenAgainIsNotCheckedAgainUntilItExpires() {
        String token = TestTokens.accessToken(5, "USER");
        Jwt first = nimbus.decode(token).block();
        var clock = new MutableClock(Instant.now());
        var tokens = new VerifiedTokens(counting, 100, clock);

        tokens.decode(token).block();
        Jwt again = tokens.decode(token).block();
        assertThat(checks).hasValue(1);
        assertThat(again.getSubject()).isEqualTo("5");

        clock.now = first.getExpiresAt().plus(Duration.ofSeconds(1));
        tokens.decode(token).block(); // past its exp by this clock: checked again (the decoder keeps its own time)
        assertThat(checks).hasValue(2);
    }

    @Test
    void anAlteredTokenIsCheckedAndRefusedEvenAfterTheGenuineOneWasRemembered() {
        String token = TestTokens.accessToken(5, "USER");
        var tokens = new VerifiedTokens(counting, 100, Clock.systemUTC());
        tokens.decode(token).block();

        assertThatThrownBy(() -> tokens.decode(TestTokens.forgedToken(5, "USER")).block()).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(token.substring(0, token.length() - 2) + "xx").block()).isInstanceOf(JwtException.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void remembersNoMoreThanItsCapacity() {
        var tokens = new VerifiedTokens(counting, 2, Clock.systemUTC());
        String a = TestTokens.accessToken(1, "USER");
        String b = TestTokens.accessToken(2, "USER");
        String c = TestTokens.accessToken(3, "USER");
        tokens.decode(a).block();
        tokens.decode(b).block();
        tokens.decode(c).block(); // full: forgets a and b

        tokens.decode(a).block();

        assertThat(checks).hasValue(4);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
