package com.tickitecking.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies how many proxies in front of the gateway append the peer they saw to
 *                       {@code X-Forwarded-For}: 0 when clients connect to the gateway directly (local runs),
 *                       1 behind the AWS load balancer (env {@code TICKITECKING_GATEWAY_CLIENTADDRESS_TRUSTEDPROXIES})
 */
@ConfigurationProperties("tickitecking.gateway.client-address")
public record ClientAddressProperties(int trustedProxies) {

    public ClientAddressProperties {
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("tickitecking.gateway.client-address.trusted-proxies must be 0 or more");
        }
    }
}
