package com.tickitecking.gateway.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void withoutAProxyInFrontTheConnectionsPeerIsTheClientWhateverXForwardedForSays() {
        assertThat(ClientAddress.resolve(List.of("203.0.113.9"), "198.51.100.1", 0)).isEqualTo("198.51.100.1");
        assertThat(ClientAddress.resolve(null, "198.51.100.1", 0)).isEqualTo("198.51.100.1");
    }

    @Test
    void behindOneProxyTheEntryItAppendedCountsNotTheOnesTheClientWrote() {
        // the client sent "X-Forwarded-For: 1.1.1.1, 2.2.2.2"; the load balancer appended the peer it saw
        assertThat(ClientAddress.resolve(List.of("1.1.1.1, 2.2.2.2, 198.51.100.7"), "10.0.0.5", 1)).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.resolve(List.of("1.1.1.1", "198.51.100.7"), "10.0.0.5", 1)).isEqualTo("198.51.100.7");
    }

    @Test
    void behindTwoProxiesTheSecondEntryFromTheRightIsTheClient() {
        assertThat(ClientAddress.resolve(List.of("6.6.6.6, 198.51.100.7, 10.0.0.9"), "10.0.0.5", 2)).isEqualTo("198.51.100.7");
    }

    @Test
    void aRequestThatBypassedTheProxiesIsKnownOnlyByItsPeer() {
        assertThat(ClientAddress.resolve(null, "10.0.0.5", 1)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.resolve(List.of(" , "), "10.0.0.5", 1)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.resolve(List.of("198.51.100.7"), "10.0.0.5", 2)).isEqualTo("10.0.0.5");
    }
}
