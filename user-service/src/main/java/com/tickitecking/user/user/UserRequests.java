package com.tickitecking.user.user;

import com.tickitecking.platform.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the user endpoints. */
public final class UserRequests {

    private UserRequests() {
    }

    public record Signup(
            @NotBlank @Pattern(regexp = "^[A-Za-z0-9_]{4,20}$", message = "must be 4-20 letters, digits or _") String username,
            @NotNull @Pattern(regexp = PasswordPolicy.PATTERN, message = PasswordPolicy.MESSAGE) String password,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(min = 2, max = 20) @Pattern(regexp = "^\\S(.*\\S)?$", message = "must not start or end with a space") String nickname) {
    }

    /** Fields left out stay as they are; a new password needs the current one. */
    public record UpdateProfile(
            @Email @Size(max = 254) String email,
            @Size(min = 2, max = 20) @Pattern(regexp = "^\\S(.*\\S)?$", message = "must not start or end with a space") String nickname,
            @Size(max = 100) String currentPassword,
            @Pattern(regexp = PasswordPolicy.PATTERN, message = PasswordPolicy.MESSAGE) String newPassword) {
    }

    public record ChangeRole(@NotNull Role role) {
    }
}
