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
 * The two keys identity needs: one signs tokens, one keys the hashes of client secrets.
 * Each comes from configuration (base64, at least 256 bits) or, when absent, from
 * {@code identity_keys}, where the first replica to start puts it, so every replica signs
 * and checks with the same keys. A key an earlier single instance generated under its
 * data folder is carried over rather than replaced: tokens and stored secret hashes keep
 * working. There is no built-in key.
 */
@Component
public class KeyMaterial {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

    private static final int KEY_BYTES = 32;

    private final SecretKey tokenKey;

    private final SecretKey secretHashKey;

    KeyMaterial(IdentityProperties props, JdbcTemplate jdbc, @Value("${dataforge.data-dir}") String dataDir) {
        Path keys = Path.of(dataDir, "keys");
        SharedKeys shared = new SharedKeys(jdbc);
        this.tokenKey = new SecretKeySpec(
                load(props.jwtSecret(), shared, keys.resolve("jwt-signing.key"), "jwt-secret"), "HmacSHA256");
        this.secretHashKey = new SecretKeySpec(
                load(props.secretHashKey(), shared, keys.resolve("secret-hash.key"), "secret-hash-key"), "HmacSHA256");
    }

    public SecretKey tokenKey() {
        return tokenKey;
    }

    SecretKey secretHashKey() {
        return secretHashKey;
    }

    private static byte[] load(String configured, SharedKeys shared, Path earlierFile, String name) {
        if (StringUtils.hasText(configured)) {
            return checked(Base64.getDecoder().decode(configured.strip()), "dataforge.security." + name);
        }
        String proposed = earlier(earlierFile).orElseGet(KeyMaterial::generated);
        String kept = shared.firstOf(name, proposed);
        if (kept.equals(proposed)) {
            log.info("Stored {} in identity_keys for every replica ({})", name,
                    Files.exists(earlierFile) ? "carried over from " + earlierFile : "generated");
        }
        return checked(Base64.getDecoder().decode(kept), "identity_keys " + name);
    }

    private static java.util.Optional<String> earlier(Path file) {
        try {
            return Files.exists(file) ? java.util.Optional.of(Files.readString(file).strip())
                    : java.util.Optional.empty();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String generated() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException(source + " must hold at least 256 bits (32 bytes, base64)");
        }
        return key;
    }

}
