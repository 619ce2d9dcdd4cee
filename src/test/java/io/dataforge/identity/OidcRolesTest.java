package io.dataforge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Which of our roles an OIDC issuer's token carries. */
class OidcRolesTest {

    static final IdentityProperties.Oidc OIDC = new IdentityProperties.Oidc("https://issuer.example", "admin",
            "pii-reader");

    @Test
    void anAdminWithThePiiReaderRoleIsAlsoAPiiReader() {
        assertThat(roles(Map.of("realm_access", Map.of("roles", List.of("admin", "pii-reader")))))
            .containsExactly("ROLE_ADMIN", "ROLE_PII_READER");
        assertThat(roles(Map.of("roles", List.of("pii-reader", "admin")))).containsExactly("ROLE_ADMIN",
                "ROLE_PII_READER");
    }

    @Test
    void anAdminWithoutItIsOnlyAnAdmin() {
        assertThat(roles(Map.of("realm_access", Map.of("roles", List.of("admin", "auditor")))))
            .containsExactly("ROLE_ADMIN");
    }

    @Test
    void thePiiReaderRoleAloneGrantsNothing() {
        assertThat(roles(Map.of("realm_access", Map.of("roles", List.of("pii-reader"))))).isEmpty();
        assertThat(roles(Map.of("scope", "openid"))).isEmpty();
    }

    @Test
    void theRoleNamesAreTheConfiguredOnes() {
        var custom = new IdentityProperties.Oidc("https://issuer.example", "ops", "dpo");
        var token = jwt(Map.of("roles", List.of("ops", "dpo", "pii-reader")));

        assertThat(SecurityConfig.oidcAdmin(token, custom).getAuthorities()).extracting(GrantedAuthority::getAuthority)
            .containsExactly("ROLE_ADMIN", "ROLE_PII_READER");
    }

    private static List<String> roles(Map<String, Object> claims) {
        return SecurityConfig.oidcAdmin(jwt(claims), OIDC)
            .getAuthorities()
            .stream()
            .map(GrantedAuthority::getAuthority)
            .toList();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("someone")
            .issuedAt(Instant.now())
            .claims(c -> c.putAll(claims))
            .build();
    }

}
