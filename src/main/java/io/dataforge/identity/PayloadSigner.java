package io.dataforge.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import io.dataforge.identity.tokens.SigningKeys;
import org.springframework.stereotype.Component;

/**
 * Signs small payloads other capabilities hand to clients and must get back unaltered
 * (query cursors): HMAC-SHA256 under the replicas' token signing key, with the purpose
 * mixed in so a signature for one use is worthless for another. A signature made before a
 * key rotation still verifies while that key verifies tokens.
 */
@Component
public class PayloadSigner {

    private final SigningKeys keys;

    PayloadSigner(SigningKeys keys) {
        this.keys = keys;
    }

    public String sign(String purpose, String payload) {
        return sign(keys.signingKey(), purpose, payload);
    }

    public boolean verify(String purpose, String payload, String signature) {
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        return keys.verifyingKeys()
            .stream()
            .anyMatch(key -> MessageDigest.isEqual(sign(key, purpose, payload).getBytes(StandardCharsets.US_ASCII),
                    given));
    }

    private static String sign(SecretKey key, String purpose, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((purpose + "\n").getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
