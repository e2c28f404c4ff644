package com.tickitecking.user.auth;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.user.throttle.LoginThrottle;
import com.tickitecking.user.user.User;
import com.tickitecking.user.user.UserRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Login, refresh and logout. */
@Service
public class AuthService {

    /** Compared against when the user does not exist, so a wrong username costs as long as a wrong password. */
    private final String decoyHash;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;

    public AuthService(UserRepository users, PasswordEncoder passwords, AccessTokens accessTokens, RefreshTokens refreshTokens,
                       LoginThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.decoyHash = passwords.encode("decoy-password-1!");
    }

    /** While the account's or the address's back-off runs, refused (429) before the password is looked at. */
    @Transactional(readOnly = true)
    public TokenResponse login(String username, String password, String clientAddress) {
        User user = users.findByUsername(username).orElse(null);
        LoginThrottle.Attempt attempt = throttle.begin(user == null ? null : user.getId(), username, clientAddress);
        boolean matches = passwords.matches(password, user == null ? decoyHash : user.getPasswordHash());
        if (user == null || !matches || user.isDeleted()) {
            attempt.failed();
            throw DomainException.unauthenticated("Wrong username or password.");
        }
        attempt.succeeded();
        return tokensFor(user);
    }

    @Transactional(readOnly = true)
    public TokenResponse refresh(String refreshToken) {
        long userId = refreshTokens.consume(refreshToken)
                .orElseThrow(() -> DomainException.unauthenticated("This refresh token is not valid."));
        User user = users.findById(userId).filter(u -> !u.isDeleted())
                .orElseThrow(() -> DomainException.unauthenticated("This account no longer exists."));
        return tokensFor(user);
    }

    public void logout(String refreshToken) {
        refreshTokens.revoke(refreshToken);
    }

    private TokenResponse tokensFor(User user) {
        return new TokenResponse(accessTokens.issue(user), refreshTokens.issue(user.getId()), accessTokens.expiresInSeconds(), "Bearer");
    }
}
