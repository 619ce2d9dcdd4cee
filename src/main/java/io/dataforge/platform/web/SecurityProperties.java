package io.dataforge.platform.web;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code dataforge.security.*}: the first admin login (console, actuator, admin API). */
@Validated
@ConfigurationProperties("dataforge.security")
public record SecurityProperties(@NotBlank String adminUser, String adminPassword) {
}
