package io.dataforge.identity.tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.dataforge.identity.IdentityProperties;
import io.dataforge.identity.tokens.TokenKeyRepository.StoredKey;
import io.dataforge.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The keys of our tokens, each named by the {@code kid} in a token's header: one signs,
 * retired ones still verify until every token they signed has expired, so a rotation logs
 * nobody out. They come from configuration ({@code jwt-secret}, with
 * {@code previous-jwt-secrets} still verifying) or from {@code token_keys}, shared by
 * every replica: a replica signs with a key rotated in elsewhere within {@link #REFRESH},
 * and verifies its tokens at once, since an unknown kid makes it read the table again.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How long a replica may go on signing with a key another replica has retired. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    /**
     * However many tokens name kids nobody knows (forged ones too), the table is read at
     * most once per this; a genuine new kid waits at most so long.
     */
    private static final Duration UNKNOWN_KID_GAP = Duration.ofMillis(100);

    private final TokenKeyRepository stored;

    /**
     * A retired key verifies for this long: the tokens it signed live at most so long.
     */
    private final Duration window;

    private volatile Keys keys;

    SigningKeys(IdentityProperties props, TokenKeyRepository stored, @Value("${dataforge.data-dir}") String dataDir) {
        this.window = props.tokenTtl().plus(REFRESH);
        if (StringUtils.hasText(props.jwtSecret())) {
            this.stored = null;
            List<OctetSequenceKey> configured = new ArrayList<>();
            configured.add(configured(props.jwtSecret(), "dataforge.security.jwt-secret"));
            props.previousJwtSecrets()
                .forEach(previous -> configured.add(configured(previous, "dataforge.security.previous-jwt-secrets")));
            this.keys = new Keys(configured, Instant.now());
            return;
        }
        this.stored = stored;
        Path earlier = Path.of(dataDir, "keys", "jwt-signing.key");
        if (stored.proposeFirst(newKid(), KeyMaterial.earlierOrGenerated(earlier))) {
            log.info("Stored the token signing key in token_keys for every replica");
        }
        this.keys = load();
    }

    /** The key new tokens are signed with. */
    OctetSequenceKey signing() {
        return fresh().signing();
    }

    /** The key new signatures are made with, as a MAC key. */
    public SecretKey signingKey() {
        return secret(signing());
    }

    /** Every key a signature may have been made with, the signing one first. */
    public List<SecretKey> verifyingKeys() {
        return fresh().accepted().stream().map(SigningKeys::secret).toList();
    }

    /**
     * The accepted keys the selector picks. A kid not among them reads the table again,
     * since another replica may have just rotated.
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Instant asked = Instant.now();
        List<JWK> found = selector.select(fresh().set());
        if (found.isEmpty() && selector.getMatcher().getKeyIDs() != null && stored != null) {
            found = selector.select(readAfter(asked).set());
        }
        return found;
    }

    /** Every key still accepted, the signing one first. */
    List<TokenKey> list() {
        if (stored == null) {
            return keys.accepted()
                .stream()
                .map(key -> new TokenKey(key.getKeyID(), key == keys.signing(), "configuration", null, null, null))
                .toList();
        }
        return stored.accepted(window)
            .stream()
            .map(key -> new TokenKey(key.kid(), key.retiredAt() == null, "token_keys", key.createdAt(), key.retiredAt(),
                    key.retiredAt() == null ? null : key.retiredAt().plus(window)))
            .toList();
    }

    /**
     * A new signing key for every replica; the one it replaces verifies until its tokens
     * have expired.
     */
    TokenKey rotate() {
        if (stored == null) {
            throw new ApiException(409, "The signing key comes from configuration (dataforge.security.jwt-secret):"
                    + " set the new key there and the old one in dataforge.security.previous-jwt-secrets until its"
                    + " tokens have expired");
        }
        stored.forget(window);
        StoredKey rotated = stored.rotate(newKid(), KeyMaterial.generated())
            .orElseThrow(() -> new ApiException(409, "Another rotation has just replaced the signing key"));
        keys = load();
        log.info("Rotated the token signing key: {} signs from now on", rotated.kid());
        return new TokenKey(rotated.kid(), true, "token_keys", rotated.createdAt(), null, null);
    }

    private Keys fresh() {
        Keys now = keys;
        if (stored == null || now.loadedAt().plus(REFRESH).isAfter(Instant.now())) {
            return now;
        }
        synchronized (this) {
            if (keys == now) {
                keys = load();
            }
            return keys;
        }
    }

    /** The keys as read after {@code asked}, by this caller or one it waited for. */
    private synchronized Keys readAfter(Instant asked) {
        if (keys.loadedAt().isAfter(asked)) {
            return keys;
        }
        long early = Duration.between(Instant.now(), keys.loadedAt().plus(UNKNOWN_KID_GAP)).toMillis();
        if (early > 0) {
            try {
                Thread.sleep(early);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return keys;
            }
        }
        keys = load();
        return keys;
    }

    private Keys load() {
        List<StoredKey> accepted = stored.accepted(window);
        if (accepted.isEmpty() || accepted.get(0).retiredAt() != null) {
            throw new IllegalStateException("token_keys holds no signing key");
        }
        return new Keys(accepted.stream()
            .map(key -> key(KeyMaterial.decoded(key.material(), "token_keys " + key.kid()), key.kid()))
            .toList(), Instant.now());
    }

    private static OctetSequenceKey configured(String base64, String setting) {
        byte[] material = KeyMaterial.decoded(base64.strip(), setting);
        // a kid every replica derives alike from the same setting, which tells nothing of
        // the key
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(("kid\n" + base64.strip()).getBytes(StandardCharsets.US_ASCII));
            return key(material, "c-" + HexFormat.of().formatHex(digest, 0, 8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OctetSequenceKey key(byte[] material, String kid) {
        return new OctetSequenceKey.Builder(material).keyID(kid).build();
    }

    private static SecretKey secret(OctetSequenceKey key) {
        return new SecretKeySpec(key.toByteArray(), "HmacSHA256");
    }

    private static String newKid() {
        byte[] kid = new byte[9];
        RANDOM.nextBytes(kid);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(kid);
    }

    /** The accepted keys, the signing one first, and when they were read. */
    private record Keys(List<OctetSequenceKey> accepted, Instant loadedAt) {

        OctetSequenceKey signing() {
            return accepted.get(0);
        }

        JWKSet set() {
            return new JWKSet(List.<JWK>copyOf(accepted));
        }

    }

}
