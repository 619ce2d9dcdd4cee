package io.dataforge.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;

import io.dataforge.identity.tokens.KeyMaterial;
import org.springframework.stereotype.Component;

/**
 * Signs small payloads other capabilities hand to clients and must get back unaltered
 * (query cursors): HMAC-SHA256 under the instance-shared token key, with the purpose
 * mixed in so a signature for one use is worthless for another.
 */
@Component
public class PayloadSigner {

    private final KeyMaterial keys;

    PayloadSigner(KeyMaterial keys) {
        this.keys = keys;
    }

    public String sign(String purpose, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.tokenKey());
            mac.update((purpose + "\n").getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(String purpose, String payload, String signature) {
        return MessageDigest.isEqual(sign(purpose, payload).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

}
