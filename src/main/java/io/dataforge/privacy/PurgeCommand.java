package io.dataforge.privacy;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.web.ApiException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar data-forge.jar purge --account <id> [--dry-run] [--spring.x=y ...]}:
 * purges a soft-deleted account in the foreground, with the application's configuration
 * but no routes (nor a public port), and prints the purge (or the dry run's counts) as
 * JSON on the last line. Run again after a crash, it finishes what is left. Exit codes: 0
 * done, 1 a fault, 2 bad usage, 3 the account is live, 4 no such account.
 */
public final class PurgeCommand {

    public static final String NAME = "purge";

    private static final String USAGE = "usage: purge --account <uuid> [--dry-run] [--spring.property=value ...]";

    private PurgeCommand() {
    }

    public static int run(Class<?> application, String[] args, PrintStream out) {
        UUID account = null;
        boolean dryRun = false;
        List<String> springArgs = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--account" -> account = UUID.fromString(args[++i]);
                    case "--dry-run" -> dryRun = true;
                    default -> springArgs.add(args[i]);
                }
            }
        }
        catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            account = null;
        }
        if (account == null) {
            out.println(USAGE);
            return 2;
        }
        // the routes (consumers, timers, REST) are the server's; this process only
        // purges.
        // The web stack stays (security's beans need it), on a free loopback port.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
            .properties("camel.main.auto-startup=false", "server.port=0", "server.address=127.0.0.1")
            .run(springArgs.toArray(String[]::new))) {
            return purge(context, account, dryRun, out);
        }
    }

    private static int purge(ConfigurableApplicationContext context, UUID account, boolean dryRun, PrintStream out) {
        TenantPurges purges = context.getBean(TenantPurges.class);
        ObjectMapper json = context.getBean(ObjectMapper.class);
        try {
            if (dryRun) {
                out.println(json.writeValueAsString(purges.preview(account)));
                return 0;
            }
            Purge purge = purges.order(account, "cli", "cli:" + System.getProperty("user.name"));
            if (!purge.completed() && !purges.run(purge.id())) {
                out.println("{\"error\": \"purge " + purge.id() + " is being run by another process\"}");
                return 1;
            }
            out.println(json.writeValueAsString(purges.find(purge.id())));
            return 0;
        }
        catch (ApiException e) {
            out.println("{\"error\": " + quoted(json, e.getMessage()) + "}");
            return e.status() == 409 ? 3 : e.status() == 404 ? 4 : 1;
        }
        catch (Exception e) {
            out.println("{\"error\": " + quoted(json, String.valueOf(e.getMessage())) + "}");
            return 1;
        }
    }

    private static String quoted(ObjectMapper json, String text) {
        return json.getNodeFactory().textNode(text).toString();
    }

}
