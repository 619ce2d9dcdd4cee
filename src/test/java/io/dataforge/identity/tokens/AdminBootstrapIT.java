package io.dataforge.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dataforge.IntegrationTest;
import io.dataforge.identity.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first admin without a configured password: generated, printed once, only its hash
 * stored.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void generatedPasswordIsPrintedOnceAndOnlyItsHashIsKept(CapturedOutput output) {
        String username = "first-admin-" + System.nanoTime();
        IdentityProperties props = new IdentityProperties(username, null, "data-forge", Duration.ofHours(24), null,
                java.util.List.of(), null,
                new IdentityProperties.Throttle(5, Duration.ofMinutes(15), Duration.ofMinutes(5)),
                new IdentityProperties.Oidc(null, "admin", "pii-reader"));

        AdminUsers first = new AdminUsers(jdbc, encoder, props);
        Matcher printed = Pattern.compile("admin login '" + username + "' / '([^']+)'").matcher(output.getAll());
        assertThat(printed.find()).as("password printed at first start").isTrue();
        String password = printed.group(1);
        new AdminUsers(jdbc, encoder, props);

        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Pattern.compile("admin login '" + username + "'").matcher(output.getAll()).results().count())
            .as("printed only once")
            .isEqualTo(1);
        String stored = jdbc.queryForObject("SELECT password_hash FROM admin_users WHERE username = ?", String.class,
                username);
        assertThat(stored).doesNotContain(password).startsWith("{bcrypt}");
        assertThat(first.authenticate(username, password)).hasValue(username);
        assertThat(first.authenticate(username, password + "x")).isEmpty();
    }

}
