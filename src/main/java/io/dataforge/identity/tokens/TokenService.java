package io.dataforge.identity.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.dataforge.identity.IdentityProperties;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues our HS256 JWTs (Spring Security's Nimbus encoder), signed with the current
 * {@link SigningKeys} key and naming it in the {@code kid} header;
 * {@link io.dataforge.identity.SecurityConfig} verifies them.
 */
@Component
class TokenService {

    private final SigningKeys keys;

    private final IdentityProperties props;

    /** The encoder of the key signing now, rebuilt when another key takes over. */
    private volatile Encoder encoder;

    TokenService(SigningKeys keys, IdentityProperties props) {
        this.keys = keys;
        this.props = props;
    }

    /** A signed token for {@code subject} with the given roles and extra claims. */
    IssuedToken issue(String subject, List<String> roles, Map<String, Object> claims) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
            .issuer(props.issuer())
            .subject(subject)
            .issuedAt(now)
            .expiresAt(now.plus(props.tokenTtl()))
            .id(UUID.randomUUID().toString())
            .claim("roles", roles);
        claims.forEach(builder::claim);
        OctetSequenceKey key = keys.signing();
        String token = encoderOf(key)
            .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).keyId(key.getKeyID()).build(),
                    builder.build()))
            .getTokenValue();
        return new IssuedToken(token, props.tokenTtl().toSeconds());
    }

    private JwtEncoder encoderOf(OctetSequenceKey key) {
        Encoder current = encoder;
        if (current == null || !current.kid().equals(key.getKeyID())) {
            current = new Encoder(key.getKeyID(), new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key))));
            encoder = current;
        }
        return current.encoder();
    }

    private record Encoder(String kid, JwtEncoder encoder) {
    }

    record IssuedToken(String token, long expiresIn) {
    }

}
