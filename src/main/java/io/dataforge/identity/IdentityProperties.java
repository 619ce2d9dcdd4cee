package io.dataforge.identity;

import java.time.Duration;

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
 * are generated once and kept under {@code dataforge.data-dir}/keys; several instances
 * must share them through configuration.
 */
@Validated
@ConfigurationProperties("dataforge.security")
public record IdentityProperties(@NotBlank String adminUser, String adminPassword, @NotBlank String issuer,
        @NotNull Duration tokenTtl, String jwtSecret, String secretHashKey, @Valid @NotNull Throttle throttle,
        @Valid @NotNull Oidc oidc) {

    /**
     * After {@code maxFailures} failed logins within {@code window}, the principal is
     * refused for {@code block}.
     */
    public record Throttle(@Min(1) int maxFailures, @NotNull Duration window, @NotNull Duration block) {
    }

    /**
     * Admin tokens from this issuer (Keycloak...) carrying {@code adminRole} are accepted
     * too.
     */
    public record Oidc(String issuerUri, @DefaultValue("admin") String adminRole) {
    }
}
