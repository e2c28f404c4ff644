package com.tickitecking.gateway.security;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.http.server.HttpServerRequest;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The one address the gateway vouches for as the client's: what the rate limit keys on and what services get in
 * {@code X-Client-Address}. The leftmost {@code X-Forwarded-For} entry is whatever the client wrote (and
 * {@code forward-headers-strategy: framework} makes {@code getRemoteAddress()} that entry), so it is never used:
 * with no proxy in front ({@code trusted-proxies: 0}, local runs) it is the peer of the TCP connection; behind
 * {@code n} proxies that each append the peer they saw (the AWS load balancer does), it is the n-th entry from the
 * right.
 */
@Component
public class ClientAddress {

    public static final String HEADER = "X-Client-Address";
    static final String UNKNOWN = "unknown";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final ClientAddressProperties settings;

    public ClientAddress(ClientAddressProperties settings) {
        this.settings = settings;
    }

    public String of(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        // The raw request as it came off the connection: ForwardedHeaderTransformer has already replaced the remote
        // address by the leftmost X-Forwarded-For entry and removed the X-Forwarded-* headers from the exchange.
        if (ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest raw) {
            return resolve(raw.requestHeaders().getAll(FORWARDED_FOR), hostOf(raw.connectionRemoteAddress()),
                    settings.trustedProxies());
        }
        return resolve(request.getHeaders().get(FORWARDED_FOR), hostOf(request.getRemoteAddress()), settings.trustedProxies());
    }

    /**
     * Whether the request came through a proxy (it carries X-Forwarded-For, as every request through the public
     * load balancer does), read from the raw request for the same reason as {@link #of}.
     */
    public boolean cameThroughProxy(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        if (ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest raw) {
            return raw.requestHeaders().contains(FORWARDED_FOR);
        }
        return request.getHeaders().containsHeader(FORWARDED_FOR);
    }

    /** The rule, apart from the request: the peer itself, or the entry the last trusted proxy appended. */
    static String resolve(List<String> forwardedFor, String peer, int trustedProxies) {
        if (trustedProxies == 0) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        if (forwardedFor != null) {
            for (String header : forwardedFor) {
                for (String entry : header.split(",")) {
                    if (!entry.isBlank()) {
                        entries.add(entry.strip());
                    }
                }
            }
        }
        // fewer entries than proxies: the request did not come through them, so only the peer is known
        return entries.size() < trustedProxies ? peer : entries.get(entries.size() - trustedProxies);
    }

    private static String hostOf(SocketAddress address) {
        return address instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : UNKNOWN;
    }
}
