package com.tickitecking.platform.security;

/** What a user may do. Carried in the access token's {@code role} claim. */
public enum Role {
    /** Browses and books. */
    USER,
    /** Also runs venues and concerts (a promoter or venue company). */
    COMPANY_USER,
    /** Everything, on everyone's data. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
