package io.dataforge.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.Mac;

import org.springframework.stereotype.Component;

/**
 * Client secrets: 256 random bits made by the server, shown once, stored only as an
 * HMAC-SHA256 keyed with {@link KeyMaterial#secretHashKey()}, compared in constant time.
 */
@Component
public class Secrets {

    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    private final KeyMaterial keys;

    Secrets(KeyMaterial keys) {
        this.keys = keys;
    }

    public String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.secretHashKey());
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code found}, if {@code secret} matches its stored hash. The hash is computed even
     * when nothing was found, so the time taken does not tell whether the name exists.
     */
    <T> Optional<T> matching(String secret, Optional<T> found, Function<T, String> storedHash) {
        return matches(secret, found.map(storedHash).orElse(null)) ? found : Optional.empty();
    }

    /**
     * Constant time; a null stored hash (unknown principal) still costs one hash, then
     * fails.
     */
    private boolean matches(String secret, String storedHash) {
        byte[] actual = hash(secret == null ? "" : secret).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = (storedHash == null ? "" : storedHash).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expected) && storedHash != null;
    }

}
