package io.dataforge.identity.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** {@code token_keys}: the signing key and the retired ones still accepted. */
@Repository
class TokenKeyRepository {

    private static final String ACCEPTED = "retired_at IS NULL OR retired_at > now() - make_interval(secs => ?)";

    private final JdbcTemplate jdbc;

    TokenKeyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores {@code material} as the signing key unless there is one; replicas starting
     * together all propose, one wins (the index allows a single key not retired).
     */
    boolean proposeFirst(String kid, String material) {
        return jdbc.update("INSERT INTO token_keys (kid, material) SELECT ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM token_keys WHERE retired_at IS NULL) ON CONFLICT DO NOTHING", kid,
                material) == 1;
    }

    /**
     * The signing key first, then the retired keys retired less than {@code window} ago,
     * newest first.
     */
    List<StoredKey> accepted(Duration window) {
        return jdbc.query("SELECT kid, material, created_at, retired_at FROM token_keys WHERE " + ACCEPTED
                + " ORDER BY retired_at DESC NULLS FIRST", TokenKeyRepository::map, window.toSeconds());
    }

    /**
     * Retires the signing key and stores the new one in one transaction; of two rotations
     * at once, the second waits for the first and then finds a key already signing, so it
     * rotates nothing and answers empty.
     */
    @Transactional
    Optional<StoredKey> rotate(String kid, String material) {
        jdbc.update("UPDATE token_keys SET retired_at = now() WHERE retired_at IS NULL");
        if (jdbc.update("INSERT INTO token_keys (kid, material) VALUES (?, ?) ON CONFLICT DO NOTHING", kid,
                material) == 0) {
            return Optional.empty();
        }
        return Optional.of(new StoredKey(kid, material, Instant.now(), null));
    }

    /** Keys retired longer ago than any token lives are of no use to anyone. */
    void forget(Duration window) {
        jdbc.update("DELETE FROM token_keys WHERE NOT (" + ACCEPTED + ")", window.toSeconds());
    }

    private static StoredKey map(ResultSet rs, int row) throws SQLException {
        java.sql.Timestamp retired = rs.getTimestamp("retired_at");
        return new StoredKey(rs.getString("kid"), rs.getString("material"), rs.getTimestamp("created_at").toInstant(),
                retired == null ? null : retired.toInstant());
    }

    record StoredKey(String kid, String material, Instant createdAt, Instant retiredAt) {
    }

}
