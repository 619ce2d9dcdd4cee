package io.dataforge.identity.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.dataforge.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The two keys identity needs: one signs tokens, one keys the hashes of client secrets.
 * Each comes from configuration (base64, at least 256 bits) or, when absent, is generated
 * once and kept under the data folder, readable by its owner only. There is no built-in
 * key.
 */
@Component
public class KeyMaterial {

    private static final Logger log = LoggerFactory.getLogger(KeyMaterial.class);

    private static final int KEY_BYTES = 32;

    private final SecretKey tokenKey;

    private final SecretKey secretHashKey;

    KeyMaterial(IdentityProperties props, @Value("${dataforge.data-dir}") String dataDir) {
        Path keys = Path.of(dataDir, "keys");
        this.tokenKey = new SecretKeySpec(load(props.jwtSecret(), keys.resolve("jwt-signing.key"), "jwt-secret"),
                "HmacSHA256");
        this.secretHashKey = new SecretKeySpec(
                load(props.secretHashKey(), keys.resolve("secret-hash.key"), "secret-hash-key"), "HmacSHA256");
    }

    public SecretKey tokenKey() {
        return tokenKey;
    }

    SecretKey secretHashKey() {
        return secretHashKey;
    }

    private static byte[] load(String configured, Path file, String name) {
        if (StringUtils.hasText(configured)) {
            return checked(Base64.getDecoder().decode(configured.strip()), "dataforge.security." + name);
        }
        try {
            if (Files.exists(file)) {
                return checked(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            restrict(file);
            log.info("Generated {} in {}; set dataforge.security.{} to share it between instances", name, file, name);
            return key;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static byte[] checked(byte[] key, String source) {
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException(source + " must hold at least 256 bits (32 bytes, base64)");
        }
        return key;
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException | IOException e) {
            log.warn("Cannot restrict permissions of {}", file);
        }
    }

}
