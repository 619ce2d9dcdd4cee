package io.dataforge.identity.tokens;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code identity_keys}: a key is written once, by whichever replica gets there first;
 * replicas starting together all propose one and all read the one that won.
 */
final class SharedKeys {

    private final JdbcTemplate jdbc;

    SharedKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The key stored under {@code name}, which is {@code proposed} if none was. */
    String firstOf(String name, String proposed) {
        jdbc.update("INSERT INTO identity_keys (name, material) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", name,
                proposed);
        return jdbc.queryForObject("SELECT material FROM identity_keys WHERE name = ?", String.class, name);
    }

}
