package com.tickitecking.user.user;

import com.tickitecking.platform.security.Role;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An account as its owner and admins see it; never the password hash. */
public record UserResponse(long id, String username, String email, @Nullable String nickname, Role role, Instant createdAt,
                           boolean deleted) {

    public static UserResponse of(User user) {
        return new UserResponse(user.getId(), user.getUsername(), user.getEmail(), user.getNickname(), user.getRole(),
                user.getCreatedAt(), user.isDeleted());
    }
}
