package com.tickitecking.user.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Locale;

/**
 * The bootstrap admin account, from {@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD}; no account when unset.
 * {@code ADMIN_EMAIL} is optional: without it the address is derived from the username, so two admin names never
 * share one default address.
 */
@ConfigurationProperties("tickitecking.admin")
public record AdminProperties(String username, String password, String email) {

    static final String DEFAULT_EMAIL_DOMAIN = "tickitecking.local";

    public boolean configured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }

    public boolean emailConfigured() {
        return email != null && !email.isBlank();
    }

    /** ADMIN_EMAIL as sign-up stores addresses (trimmed, lower case), else {@code <username>@tickitecking.local}. */
    public String emailOrDefault() {
        String address = emailConfigured() ? email : username + "@" + DEFAULT_EMAIL_DOMAIN;
        return address.trim().toLowerCase(Locale.ROOT);
    }
}
