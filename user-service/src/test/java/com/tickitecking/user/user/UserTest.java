package com.tickitecking.user.user;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.Role;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserTest {

    /** The real encoder at its lowest cost, so a hash takes a millisecond. */
    static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder(4);
    static final String CURRENT = "Current1!";

    final User user = new User("karl", PASSWORDS.encode(CURRENT), "karl@example.com", null, Role.USER);

    @Test
    void changesThePasswordGivenTheCurrentOne() {
        user.changePassword(CURRENT, "Newpass1!", PASSWORDS);

        assertThat(PASSWORDS.matches("Newpass1!", user.getPasswordHash())).isTrue();
        assertThat(PASSWORDS.matches(CURRENT, user.getPasswordHash())).isFalse();
    }

    @Test
    void refusesANewPasswordWithAWrongCurrentOne() {
        String before = user.getPasswordHash();

        assertRefused(() -> user.changePassword("Wrong1!x", "Newpass1!", PASSWORDS));
        assertThat(user.getPasswordHash()).isEqualTo(before);
    }

    @Test
    void refusesANewPasswordWithoutTheCurrentOne() {
        String before = user.getPasswordHash();

        assertRefused(() -> user.changePassword(null, "Newpass1!", PASSWORDS));
        assertThat(user.getPasswordHash()).isEqualTo(before);
    }

    @Test
    void aDeletedAccountIsKeptButMarkedDeleted() {
        assertThat(user.isDeleted()).isFalse();

        user.delete();

        assertThat(user.isDeleted()).isTrue();
        assertThat(user.getDeletedAt()).isNotNull();
        assertThat(user.getUsername()).as("the name stays taken").isEqualTo("karl");
    }

    @Test
    void takesTheRoleAnAdminGivesIt() {
        user.changeRole(Role.COMPANY_USER);

        assertThat(user.getRole()).isEqualTo(Role.COMPANY_USER);
    }

    private static void assertRefused(ThrowingCallable change) {
        assertThatThrownBy(change).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.properties().get("errors")).isEqualTo(List.of(new DomainException.FieldError(
                    "currentPassword", "must be your current password to set a new one")));
        });
    }
}
