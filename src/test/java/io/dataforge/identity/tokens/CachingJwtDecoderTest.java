package io.dataforge.identity.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

class CachingJwtDecoderTest {

    private final SecretKey key = new SecretKeySpec(new byte[32], "HmacSHA256");

    private final AtomicInteger verifications = new AtomicInteger();

    private final JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(60));

    private final CachingJwtDecoder decoder;

    CachingJwtDecoderTest() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(timestamps);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        decoder = new CachingJwtDecoder(counting, timestamps, 100, Duration.ofMinutes(5));
    }

    @Test
    void aTokenIsVerifiedOnceThenFoundByItsText() {
        String token = token(Instant.now().plusSeconds(600));

        Jwt first = decoder.decode(token);
        Jwt again = decoder.decode(token);

        assertThat(again.getSubject()).isEqualTo("analyst").isEqualTo(first.getSubject());
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTamperedCopyOfAKnownTokenIsVerifiedAndRefused() {
        String token = token(Instant.now().plusSeconds(600));
        decoder.decode(token);
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aKnownTokenIsRefusedOnceItExpires() {
        String token = token(Instant.now().plusSeconds(30));
        decoder.decode(token);

        timestamps.setClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3)));

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    private String token(Instant expires) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .subject("analyst")
            .issuedAt(Instant.now())
            .expiresAt(expires)
            .build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
            .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
            .getTokenValue();
    }

}
