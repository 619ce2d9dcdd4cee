package io.dataforge.platform.config;

import java.util.List;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code roles} in the health answer: what this replica does (always UP; the details, for
 * admins, name the roles).
 */
@Component("roles")
class RolesHealthIndicator implements HealthIndicator {

    private final List<String> roles;

    RolesHealthIndicator(Environment environment) {
        this.roles = Roles.parse(environment.getProperty(Roles.PROPERTY)).stream().map(Roles::key).toList();
    }

    @Override
    public Health health() {
        return Health.up().withDetail("roles", roles).build();
    }

}
