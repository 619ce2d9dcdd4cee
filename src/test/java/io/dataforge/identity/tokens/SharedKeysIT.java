package io.dataforge.identity.tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.dataforge.IntegrationTest;
import io.dataforge.identity.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas share their keys through {@code identity_keys}: each new one, with its own
 * empty data folder as a pod has, signs and hashes with the keys of the running one.
 */
@IntegrationTest
class SharedKeysIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KeyMaterial running;

    @Autowired
    IdentityProperties props;

    @TempDir
    Path dataDirs;

    @Test
    void replicasWithTheirOwnDataFoldersUseTheKeysOfTheFirst() {
        KeyMaterial second = replica("second", null, null);
        KeyMaterial third = replica("third", null, null);

        assertThat(second.tokenKey().getEncoded()).isEqualTo(running.tokenKey().getEncoded())
            .isEqualTo(third.tokenKey().getEncoded());
        assertThat(second.secretHashKey().getEncoded()).isEqualTo(running.secretHashKey().getEncoded())
            .isEqualTo(third.secretHashKey().getEncoded());
        assertThat(second.tokenKey().getEncoded()).isNotEqualTo(second.secretHashKey().getEncoded());
        assertThat(Files.exists(dataDirs.resolve("second/keys"))).as("nothing kept on a replica's own disk").isFalse();
    }

    @Test
    void aConfiguredKeyWinsAndIsNotStored() {
        String configured = key();

        KeyMaterial replica = replica("configured", configured, null);

        assertThat(replica.tokenKey().getEncoded()).isEqualTo(Base64.getDecoder().decode(configured));
        assertThat(jdbc.queryForList("SELECT material FROM identity_keys", String.class)).doesNotContain(configured);
        assertThat(replica.secretHashKey().getEncoded()).isEqualTo(running.secretHashKey().getEncoded());
    }

    @Test
    void theKeysAnEarlierSingleInstanceKeptInItsDataFolderAreCarriedOver() throws Exception {
        List<Map<String, Object>> stored = jdbc.queryForList("SELECT name, material FROM identity_keys");
        Path earlier = dataDirs.resolve("earlier/keys");
        Files.createDirectories(earlier);
        String signing = key();
        Files.writeString(earlier.resolve("jwt-signing.key"), signing + "\n");
        try {
            jdbc.update("DELETE FROM identity_keys");

            KeyMaterial upgraded = replica("earlier", null, null);

            assertThat(upgraded.tokenKey().getEncoded()).isEqualTo(Base64.getDecoder().decode(signing));
            assertThat(
                    jdbc.queryForObject("SELECT material FROM identity_keys WHERE name = 'jwt-secret'", String.class))
                .isEqualTo(signing);
            assertThat(replica("after", null, null).tokenKey().getEncoded())
                .isEqualTo(Base64.getDecoder().decode(signing));
        }
        finally {
            // the other contexts of this run hold the keys that were stored
            jdbc.update("DELETE FROM identity_keys");
            stored.forEach(row -> jdbc.update("INSERT INTO identity_keys (name, material) VALUES (?, ?)",
                    row.get("name"), row.get("material")));
        }
    }

    private KeyMaterial replica(String name, String jwtSecret, String secretHashKey) {
        IdentityProperties own = new IdentityProperties(props.adminUser(), props.adminPassword(), props.issuer(),
                props.tokenTtl(), jwtSecret, secretHashKey, props.throttle(), props.oidc());
        return new KeyMaterial(own, jdbc, dataDirs.resolve(name).toString());
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

}
