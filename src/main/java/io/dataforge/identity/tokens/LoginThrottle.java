package io.dataforge.identity.tokens;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.dataforge.identity.IdentityProperties;
import io.dataforge.platform.web.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed logins per principal, kept in PostgreSQL so that every instance sees the same
 * count. Past the limit within the window, the principal is refused (429 with
 * Retry-After) until the block ends, even with the right secret.
 */
@Component
public class LoginThrottle {

    /** Every failed login reads the same, so nobody can learn which names exist. */
    public static final String INVALID = "Invalid credentials";

    private final JdbcTemplate jdbc;

    private final IdentityProperties.Throttle props;

    LoginThrottle(JdbcTemplate jdbc, IdentityProperties props) {
        this.jdbc = jdbc;
        this.props = props.throttle();
    }

    /**
     * One login of {@code principal}: 429 while it is blocked; otherwise {@code check}
     * answers who logged in, or nothing for wrong credentials, which counts a failure and
     * gets 401. A success clears the count.
     */
    <T> T attempt(String principal, Supplier<Optional<T>> check) {
        boolean failedBefore = checkNotBlocked(principal);
        Optional<T> who = check.get();
        if (who.isEmpty()) {
            recordFailure(principal);
            throw new ApiException(401, INVALID);
        }
        if (failedBefore) {
            reset(principal);
        }
        return who.get();
    }

    /**
     * Throws 429 while the principal is blocked; otherwise tells whether it has failures
     * on record (most logins have none, and then nothing needs clearing).
     */
    private boolean checkNotBlocked(String principal) {
        Optional<Optional<Instant>> row = jdbc
            .query("SELECT CASE WHEN blocked_until > now() THEN blocked_until END FROM login_failures"
                    + " WHERE principal = ?",
                    (rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant), principal)
            .stream()
            .findFirst();
        Optional<Instant> until = row.flatMap(blocked -> blocked);
        if (until.isPresent()) {
            long seconds = Math.max(1, Duration.between(Instant.now(), until.get()).toSeconds() + 1);
            throw new ApiException(429, "Too many failed logins; try again in " + seconds + " s", "LOGIN_THROTTLED",
                    java.util.Map.of("retryAfterSeconds", seconds));
        }
        return row.isPresent();
    }

    private void recordFailure(String principal) {
        jdbc.update("""
                INSERT INTO login_failures AS f (principal, failures, window_start)
                VALUES (?, 1, now())
                ON CONFLICT (principal) DO UPDATE SET
                    failures = CASE WHEN f.window_start < now() - ?::interval THEN 1 ELSE f.failures + 1 END,
                    window_start = CASE WHEN f.window_start < now() - ?::interval THEN now() ELSE f.window_start END""",
                principal, interval(props.window()), interval(props.window()));
        jdbc.update(
                "UPDATE login_failures SET blocked_until = ?, failures = 0, window_start = now()"
                        + " WHERE principal = ? AND failures >= ?",
                Timestamp.from(Instant.now().plus(props.block())), principal, props.maxFailures());
    }

    private void reset(String principal) {
        jdbc.update("DELETE FROM login_failures WHERE principal = ?", principal);
    }

    private static String interval(Duration duration) {
        return duration.toMillis() + " milliseconds";
    }

}
