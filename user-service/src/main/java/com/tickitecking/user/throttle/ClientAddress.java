package com.tickitecking.user.throttle;

import jakarta.servlet.http.HttpServletRequest;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The client a request came from, as the counters key it. The gateway sets {@code X-Client-Address} from the
 * address it trusts (and drops one a client sent), so that is used; without it (a call that did not come through
 * the gateway) the request's own peer. Never X-Forwarded-For: its leftmost entry is whatever the client wrote.
 * An IPv6 client counts by its /64, the block one subscriber is given, so it cannot step to a fresh address.
 */
public final class ClientAddress {

    public static final String HEADER = "X-Client-Address";
    private static final int IPV6_SUBSCRIBER_PREFIX_BYTES = 8;

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String fromGateway = normalise(request.getHeader(HEADER));
        if (fromGateway != null) {
            return fromGateway;
        }
        String peer = normalise(request.getRemoteAddr());
        return peer != null ? peer : "unknown";
    }

    /** An IP literal as a key (IPv6 cut to its /64); null when it is not an IP literal (never a DNS lookup). */
    static String normalise(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.ofLiteral(address.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (parsed instanceof Inet6Address) {
            byte[] bytes = parsed.getAddress();
            for (int i = IPV6_SUBSCRIBER_PREFIX_BYTES; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return parsed.getHostAddress();
    }
}
