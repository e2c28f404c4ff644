package com.tickitecking.user.auth;

import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.security.SecurityProperties;
import com.tickitecking.user.user.User;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Issues RS256 access tokens: subject = user id, {@code role} claim, short-lived. */
@Component
public class AccessTokens {

    private final JwtEncoder encoder;
    private final JwtProperties properties;
    private final String issuer;

    public AccessTokens(JwtEncoder encoder, JwtProperties properties, SecurityProperties security) {
        this.encoder = encoder;
        this.properties = properties;
        this.issuer = security.issuer();
    }

    public String issue(User user) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(String.valueOf(user.getId()))
                .claim(AuthenticatedUser.ROLE_CLAIM, user.getRole().name())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public long expiresInSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }
}
