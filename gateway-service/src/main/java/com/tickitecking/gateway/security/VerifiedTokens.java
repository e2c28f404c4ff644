package com.tickitecking.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the access tokens the gateway has verified, until each expires, so a logged-in buyer who polls
 * availability every second costs one RSA signature check per token rather than one per request (the check was
 * about a fifth of the gateway's CPU on an authenticated read; docs/performance.md). The key is the whole compact
 * token, signature included: only the very same bytes that passed the check are answered from memory, a token
 * altered in any way is checked (and refused) by the decoder. Bounded: when {@code capacity} tokens are
 * remembered the memory is emptied and fills again, so a flood of distinct tokens costs what it cost without it.
 * Spring Security has no such cache for JWTs (its decoders verify on every call), hence this small one.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final int capacity;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(ReactiveJwtDecoder decoder, int capacity, Clock clock) {
        this.decoder = decoder;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.getExpiresAt())) {
                return Mono.just(known);
            }
            verified.remove(token, known);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return; // never expires by itself: always checked again (the issuer's tokens all carry exp)
        }
        if (verified.size() >= capacity) {
            verified.clear();
        }
        verified.put(token, jwt);
    }
}
