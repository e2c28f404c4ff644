package com.tickitecking.user.user;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.Role;
import com.tickitecking.user.auth.RefreshTokens;
import com.tickitecking.user.throttle.SignupThrottle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

/** Sign-up, profile changes, soft deletion and role changes. */
@Service
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final RefreshTokens refreshTokens;
    private final SignupThrottle throttle;

    public UserService(UserRepository users, PasswordEncoder passwords, RefreshTokens refreshTokens, SignupThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
    }

    /** Every sign-up that gets this far counts against the client's address, taken or not (429 past the limit). */
    @Transactional
    public User signup(UserRequests.Signup request, String clientAddress) {
        throttle.count(clientAddress);
        String email = normalise(request.email());
        requireFree("username", users.existsByUsername(request.username()));
        requireFree("email", users.existsByEmail(email));
        if (request.nickname() != null) {
            requireFree("nickname", users.existsByNickname(request.nickname()));
        }
        var user = new User(request.username(), passwords.encode(request.password()), email, request.nickname(), Role.USER);
        return saveUnique(user);
    }

    @Transactional(readOnly = true)
    public User activeUser(long id) {
        return users.findById(id).filter(u -> !u.isDeleted())
                .orElseThrow(() -> DomainException.unauthenticated("This account no longer exists."));
    }

    @Transactional
    public User updateProfile(long id, UserRequests.UpdateProfile request) {
        User user = activeUser(id);
        if (request.email() != null && !normalise(request.email()).equals(user.getEmail())) {
            requireFree("email", users.existsByEmail(normalise(request.email())));
            user.changeEmail(normalise(request.email()));
        }
        if (request.nickname() != null && !request.nickname().equals(user.getNickname())) {
            requireFree("nickname", users.existsByNickname(request.nickname()));
            user.changeNickname(request.nickname());
        }
        if (request.newPassword() != null) {
            user.changePassword(request.currentPassword(), request.newPassword(), passwords);
            refreshTokens.revokeAll(id);
        }
        return saveUnique(user);
    }

    @Transactional
    public void delete(long id) {
        activeUser(id).delete();
        refreshTokens.revokeAll(id);
    }

    @Transactional(readOnly = true)
    public Page<User> list(Pageable page) {
        return users.findAll(page);
    }

    @Transactional
    public User changeRole(long id, Role role) {
        User user = users.findById(id).orElseThrow(() -> DomainException.notFound("user", id));
        // a deleted account keeps its row for the records; a role on it would mean nothing, so the admin is told
        if (user.isDeleted()) {
            throw DomainException.conflict("This account was deleted; its role can no longer change.");
        }
        user.changeRole(role);
        return user;
    }

    /** Checks above give a friendly answer; the unique constraints settle a race between two sign-ups. */
    private User saveUnique(User user) {
        try {
            return users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            for (String field : new String[]{"username", "email", "nickname"}) {
                if (message.contains("uk_users_" + field)) {
                    throw taken(field);
                }
            }
            throw e;
        }
    }

    private static void requireFree(String field, boolean taken) {
        if (taken) {
            throw taken(field);
        }
    }

    private static DomainException taken(String field) {
        return DomainException.conflict("This " + field + " is already taken.").with("field", field);
    }

    private static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
