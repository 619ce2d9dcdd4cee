package io.dataforge.load.webhooks;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The per-account key callbacks are signed with: made on first use, read or rotated by an
 * admin.
 */
@Repository
class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    WebhookSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String secretFor(UUID accountId) {
        jdbc.update("INSERT INTO webhook_secrets (account_id, secret) VALUES (?, ?) ON CONFLICT DO NOTHING", accountId,
                newSecret());
        return jdbc.queryForObject("SELECT secret FROM webhook_secrets WHERE account_id = ?", String.class, accountId);
    }

    String rotate(UUID accountId) {
        String secret = newSecret();
        jdbc.update(
                "INSERT INTO webhook_secrets (account_id, secret) VALUES (?, ?) "
                        + "ON CONFLICT (account_id) DO UPDATE SET secret = EXCLUDED.secret, created_at = now()",
                accountId, secret);
        return secret;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

}
