package io.dataforge.identity.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.dataforge.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The key of the client secrets' hashes, which never rotates (it would void every stored
 * hash): from configuration (base64, at least 256 bits) or, when absent, from
 * {@code identity_keys}, where the first replica to start puts it, so every replica
 * hashes alike. A key an earlier single instance generated under its data folder is
 * carried over rather than replaced, as is its token key ({@link SigningKeys}). There is
 * no built-in key.
 */
@Component
class KeyMaterial {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

    private static final int KEY_BYTES = 32;

    private final SecretKey secretHashKey;

    KeyMaterial(IdentityProperties props, JdbcTemplate jdbc, @Value("${dataforge.data-dir}") String dataDir) {
        this.secretHashKey = new SecretKeySpec(load(props.secretHashKey(), new SharedKeys(jdbc),
                Path.of(dataDir, "keys", "secret-hash.key"), "secret-hash-key"), "HmacSHA256");
    }

    SecretKey secretHashKey() {
        return secretHashKey;
    }

    private static byte[] load(String configured, SharedKeys shared, Path earlierFile, String name) {
        if (StringUtils.hasText(configured)) {
            return decoded(configured.strip(), "dataforge.security." + name);
        }
        String proposed = earlierOrGenerated(earlierFile);
        String kept = shared.firstOf(name, proposed);
        if (kept.equals(proposed)) {
            log.info("Stored {} in identity_keys for every replica ({})", name,
                    Files.exists(earlierFile) ? "carried over from " + earlierFile : "generated");
        }
        return decoded(kept, "identity_keys " + name);
    }

    /**
     * The base64 key an earlier single instance kept in {@code file}, or a new one.
     */
    static String earlierOrGenerated(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).strip() : generated();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String generated() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A base64 key of at least 256 bits; {@code source} names it in the error. */
    static byte[] decoded(String base64, String source) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException(source + " must hold at least 256 bits (32 bytes, base64)");
        }
        return key;
    }

}
