package io.dataforge.platform.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code dataforge.roles} into {@code dataforge.role.<name>=true|false} for each
 * role, which routes use as their {@code autoStartup}; an unknown role stops the start.
 */
public class RolesEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<Roles> held = Roles.parse(environment.getProperty(Roles.PROPERTY));
        Map<String, Object> flags = new LinkedHashMap<>();
        for (Roles role : Roles.values()) {
            flags.put(role.property(), Boolean.toString(held.contains(role)));
        }
        environment.getPropertySources().addLast(new MapPropertySource("dataforge-roles", flags));
    }

}
