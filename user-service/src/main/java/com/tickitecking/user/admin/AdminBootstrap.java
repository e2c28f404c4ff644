package com.tickitecking.user.admin;

import com.tickitecking.platform.security.Role;
import com.tickitecking.user.user.PasswordPolicy;
import com.tickitecking.user.user.User;
import com.tickitecking.user.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure the configured admin account exists with the configured password, so rotating the secret and
 * restarting is how an admin password is changed. Never a built-in default.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties admin;
    private final UserRepository users;
    private final PasswordEncoder passwords;

    public AdminBootstrap(AdminProperties admin, UserRepository users, PasswordEncoder passwords) {
        this.admin = admin;
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!admin.configured()) {
            log.warn("ADMIN_USERNAME / ADMIN_PASSWORD not set: no admin account is created");
            return;
        }
        if (!PasswordPolicy.accepts(admin.password())) {
            throw new IllegalStateException("ADMIN_PASSWORD " + PasswordPolicy.MESSAGE);
        }
        User user = users.findByUsername(admin.username()).orElse(null);
        if (user == null) {
            users.save(new User(admin.username(), passwords.encode(admin.password()), admin.email(), null, Role.ADMIN));
            log.info("admin account '{}' created", admin.username());
            return;
        }
        user.changeRole(Role.ADMIN);
        if (!passwords.matches(admin.password(), user.getPasswordHash())) {
            user.changePasswordHash(passwords.encode(admin.password()));
        }
    }
}
