package io.dataforge.identity.tokens;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import io.dataforge.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Admin users (bcrypt hashes in {@code admin_users}). The first one comes from
 * configuration; with no password configured and no admin stored yet, a strong one is
 * generated, only its hash is stored, and it is printed once. A configured password is
 * applied at every start, so operators can reset it.
 */
@Component
class AdminUsers implements UserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AdminUsers.class);

    private final JdbcTemplate jdbc;

    private final PasswordEncoder encoder;

    AdminUsers(JdbcTemplate jdbc, PasswordEncoder encoder, IdentityProperties props) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        bootstrap(props.adminUser(), props.adminPassword());
    }

    private void bootstrap(String username, String configuredPassword) {
        if (StringUtils.hasText(configuredPassword)) {
            jdbc.update("""
                    INSERT INTO admin_users (username, password_hash) VALUES (?, ?)
                    ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash""", username,
                    encoder.encode(configuredPassword));
            return;
        }
        String generated = generatePassword();
        int created = jdbc.update(
                "INSERT INTO admin_users (username, password_hash) VALUES (?, ?) ON CONFLICT DO NOTHING", username,
                encoder.encode(generated));
        if (created == 1) {
            log.warn("""

                    ==================================================================
                    First start: admin login '{}' / '{}'
                    Only its hash is stored; this is the only time it is shown.
                    ==================================================================""", username, generated);
        }
    }

    /** The admin, if the password matches (bcrypt's own comparison is constant time). */
    Optional<String> authenticate(String username, String password) {
        return passwordHash(username).filter(hash -> password != null && encoder.matches(password, hash))
            .map(hash -> username);
    }

    boolean exists(String username) {
        return passwordHash(username).isPresent();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String hash = passwordHash(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(username).password(hash).roles("ADMIN").build();
    }

    private Optional<String> passwordHash(String username) {
        return jdbc
            .query("SELECT password_hash FROM admin_users WHERE username = ?", (rs, n) -> rs.getString(1), username)
            .stream()
            .findFirst();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
