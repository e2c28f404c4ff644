package com.tickitecking.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, as the verified access token says: its subject (the user id) and role. A controller takes it as
 * a parameter; it is never read from a header a client could forge.
 */
public record AuthenticatedUser(long id, Role role) {

    public static final String ROLE_CLAIM = "role";

    public static AuthenticatedUser from(Jwt jwt) {
        return new AuthenticatedUser(Long.parseLong(jwt.getSubject()), Role.valueOf(jwt.getClaimAsString(ROLE_CLAIM)));
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** True for the owner of something, and for an admin. */
    public boolean owns(long ownerId) {
        return isAdmin() || id == ownerId;
    }
}
