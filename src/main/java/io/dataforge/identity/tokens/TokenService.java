package io.dataforge.identity.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.dataforge.identity.IdentityProperties;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues our HS256 JWTs (Spring Security's Nimbus encoder);
 * {@link io.dataforge.identity.SecurityConfig} verifies them.
 */
@Component
class TokenService {

    private final JwtEncoder encoder;

    private final IdentityProperties props;

    TokenService(KeyMaterial keys, IdentityProperties props) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(keys.tokenKey()));
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
        String token = encoder
            .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), builder.build()))
            .getTokenValue();
        return new IssuedToken(token, props.tokenTtl().toSeconds());
    }

    record IssuedToken(String token, long expiresIn) {
    }

}
