package io.dataforge.identity;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.security.*}: the first admin, token lifetime and signing, secret
 * hashing, login throttling and an optional OIDC issuer for admin tokens. Keys left empty
 * are generated once into the database, where every replica reads them; a configured
 * signing key is rotated by setting the new one and moving the old one to
 * {@code previousJwtSecrets} until its tokens have expired.
 */
@Validated
@ConfigurationProperties("dataforge.security")
public record IdentityProperties(@NotBlank String adminUser, String adminPassword, @NotBlank String issuer,
        @NotNull Duration tokenTtl, String jwtSecret, @NotNull List<String> previousJwtSecrets, String secretHashKey,
        @Valid @NotNull Throttle throttle, @Valid @NotNull Oidc oidc) {

    /**
     * After {@code maxFailures} failed logins within {@code window}, the principal is
     * refused for {@code block}.
     */
    public record Throttle(@Min(1) int maxFailures, @NotNull Duration window, @NotNull Duration block) {
    }

    /**
     * Admin tokens from this issuer (Keycloak...) carrying {@code adminRole} are accepted
     * too; such an admin whose token also carries {@code piiReaderRole} is a PII_READER
     * (pii in clear in subject exports).
     */
    public record Oidc(String issuerUri, @DefaultValue("admin") String adminRole,
            @DefaultValue("pii-reader") String piiReaderRole) {
    }
}
