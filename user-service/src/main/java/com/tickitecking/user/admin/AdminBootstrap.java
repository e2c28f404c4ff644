package com.tickitecking.user.admin;

import com.tickitecking.platform.security.Role;
import com.tickitecking.user.auth.RefreshTokens;
import com.tickitecking.user.user.PasswordPolicy;
import com.tickitecking.user.user.User;
import com.tickitecking.user.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes sure the configured admin account exists with the configured password, so rotating the secret and
 * restarting is how an admin password is changed. Never a built-in default.
 * <p>
 * What is already in the database never stops the start: an ADMIN_USERNAME that belongs to an account that is
 * not an admin is <em>not</em> promoted (whoever signed up under that name would become admin, and revoking their
 * tokens would not make the account ours), and an e-mail address another account holds is not reused. In both
 * cases user-service starts without an env-configured admin and says why; an existing admin can still promote.
 * A badly configured secret (ADMIN_PASSWORD outside the policy) does stop it: that is the operator's to fix.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminProperties admin;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final RefreshTokens refreshTokens;
    private final TransactionTemplate transactions;

    public AdminBootstrap(AdminProperties admin, UserRepository users, PasswordEncoder passwords,
                          RefreshTokens refreshTokens, TransactionTemplate transactions) {
        this.admin = admin;
        this.users = users;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!admin.configured()) {
            log.warn("ADMIN_USERNAME / ADMIN_PASSWORD not set: no admin account is created");
            return;
        }
        if (!PasswordPolicy.accepts(admin.password())) {
            throw new IllegalStateException("ADMIN_PASSWORD " + PasswordPolicy.MESSAGE);
        }
        try {
            transactions.executeWithoutResult(status -> ensureAdmin());
        } catch (DataIntegrityViolationException e) {
            // another instance starting at the same moment created the account, or took its e-mail address
            log.warn("admin account '{}' not created: {} (another instance may have created it just now). "
                    + "user-service starts; check the admin account.", admin.username(), e.getMostSpecificCause().getMessage());
        }
    }

    private void ensureAdmin() {
        User user = users.findByUsername(admin.username()).orElse(null);
        if (user == null) {
            create();
        } else if (user.getRole() != Role.ADMIN) {
            log.error("ADMIN_USERNAME '{}' belongs to an existing {} account (id {}, since {}): it is NOT promoted and its "
                            + "password is left as it is, because whoever signed up under that name would become admin. "
                            + "user-service starts without an env-configured admin. Set ADMIN_USERNAME to a name nobody "
                            + "has, or let an existing admin promote that account once they know who owns it.",
                    admin.username(), user.getRole(), user.getId(), user.getCreatedAt());
        } else if (user.isDeleted()) {
            log.error("admin account '{}' (id {}) was deleted and is not restored: user-service starts without an "
                    + "env-configured admin. Set ADMIN_USERNAME to a new name.", admin.username(), user.getId());
        } else if (!passwords.matches(admin.password(), user.getPasswordHash())) {
            user.changePasswordHash(passwords.encode(admin.password()));
            refreshTokens.revokeAll(user.getId());
            log.info("admin account '{}': password set from ADMIN_PASSWORD, its refresh tokens revoked", admin.username());
        } else {
            log.info("admin account '{}' is in place", admin.username());
        }
    }

    private void create() {
        String email = admin.emailOrDefault();
        if (users.existsByEmail(email)) {
            if (admin.emailConfigured()) {
                log.error("ADMIN_EMAIL '{}' already belongs to another account: admin account '{}' is NOT created and "
                        + "user-service starts without an env-configured admin. Set ADMIN_EMAIL to an unused address.",
                        email, admin.username());
                return;
            }
            // the derived default was taken, e.g. by an admin an earlier version made with one shared default address
            String taken = email;
            email = email.replace("@", "+" + HexFormat.of().formatHex(randomBytes()) + "@");
            log.warn("the default admin e-mail '{}' already belongs to another account; admin account '{}' gets '{}' "
                    + "(set ADMIN_EMAIL to choose one)", taken, admin.username(), email);
        }
        users.saveAndFlush(new User(admin.username(), passwords.encode(admin.password()), email, null, Role.ADMIN));
        log.info("admin account '{}' created with e-mail '{}'", admin.username(), email);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
