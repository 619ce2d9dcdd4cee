package io.dataforge.platform.config;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a replica does, from {@code dataforge.roles} (default: all), so one image runs API
 * pods and worker pods. Each route a role owns starts only where the role is held: it
 * declares {@code autoStartup("{{dataforge.role.<name>}}")}, a property
 * {@link RolesEnvironmentPostProcessor} sets for every role.
 */
public enum Roles {

    /** the REST API. */
    API,
    /** loads of CSV uploads and batch files (queue {@code dataforge.load}). */
    LOAD_WORKER,
    /** export renders and export orders over AMQP. */
    EXPORT_WORKER,
    /** upload callbacks. */
    WEBHOOK_WORKER,
    /** the watched folder (one leader among the replicas that hold it). */
    WATCH,
    /** timers: republish, batch timeout, partitions, export retention. */
    SCHEDULER;

    public static final String PROPERTY = "dataforge.roles";

    /** The property routes of this role name in {@code autoStartup}. */
    public String property() {
        return "dataforge.role." + key();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The roles named in {@code text} (comma-separated; "all" or blank for every one).
     */
    public static Set<Roles> parse(String text) {
        if (text == null || text.isBlank() || "all".equalsIgnoreCase(text.strip())) {
            return new LinkedHashSet<>(List.of(values()));
        }
        Set<Roles> held = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            String key = name.strip().toLowerCase(Locale.ROOT);
            held.add(Arrays.stream(values())
                .filter(role -> role.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(PROPERTY + " names an unknown role '" + name.strip()
                        + "'; the roles are " + Arrays.stream(values()).map(Roles::key).toList() + " or all")));
        }
        return held;
    }

}
