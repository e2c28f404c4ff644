package com.tickitecking.reservation.sales;

import com.tickitecking.reservation.queue.WaitingRoomProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The name an organiser sees for a buyer: {@code buyer-} and 12 hex digits of HMAC-SHA256(key, "concertId:userId").
 * The same buyer has the same name throughout one concert's sales and another, unlinkable one at every other concert;
 * user ids are small and sequential, so without the key anyone could recompute them. The key is derived from the
 * service's one secret, the admission signing key ({@code ADMISSION_PRIVATE_KEY}), with its own label: a new signing
 * key gives every buyer new names.
 */
@Component
public class BuyerPseudonyms {

    private static final String LABEL = "tickitecking buyer pseudonym v1\n";

    private final SecretKeySpec key;

    @Autowired
    public BuyerPseudonyms(WaitingRoomProperties properties) {
        this(properties.privateKey());
    }

    BuyerPseudonyms(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("No key for buyer pseudonyms: set ADMISSION_PRIVATE_KEY");
        }
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256")
                    .digest((LABEL + secret.strip()).getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String of(long concertId, long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((concertId + ":" + userId).getBytes(StandardCharsets.UTF_8));
            return "buyer-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
