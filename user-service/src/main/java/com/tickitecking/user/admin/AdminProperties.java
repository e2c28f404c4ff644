package com.tickitecking.user.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The bootstrap admin account, from {@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD}; no account when unset. */
@ConfigurationProperties("tickitecking.admin")
public record AdminProperties(String username, String password, String email) {

    public boolean configured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
