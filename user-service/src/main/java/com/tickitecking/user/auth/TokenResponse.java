package com.tickitecking.user.auth;

/** What login and refresh answer: a short-lived access token and a one-use refresh token. */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType) {
}
