package com.tickitecking.user.user;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Instant;

/** An account. Deleting it is soft: the row stays (names stay taken), but it can no longer log in. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    private String email;

    private String nickname;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    protected User() {
    }

    public User(String username, String passwordHash, String email, String nickname, Role role) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.email = email;
        this.nickname = nickname;
        this.role = role;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public void delete() {
        deletedAt = Instant.now();
        touch();
    }

    public void changeEmail(String email) {
        this.email = email;
        touch();
    }

    public void changeNickname(String nickname) {
        this.nickname = nickname;
        touch();
    }

    /**
     * A new password needs the current one, so whoever holds a stolen access token cannot lock the owner out.
     * The caller revokes the account's refresh tokens.
     */
    public void changePassword(String currentPassword, String newPassword, PasswordEncoder passwords) {
        if (currentPassword == null || !passwords.matches(currentPassword, passwordHash)) {
            throw DomainException.invalid("currentPassword", "must be your current password to set a new one");
        }
        changePasswordHash(passwords.encode(newPassword));
    }

    /** Sets the password without the current one: only for the configured admin, from ADMIN_PASSWORD. */
    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        touch();
    }

    public void changeRole(Role role) {
        this.role = role;
        touch();
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getEmail() {
        return email;
    }

    public String getNickname() {
        return nickname;
    }

    public Role getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
