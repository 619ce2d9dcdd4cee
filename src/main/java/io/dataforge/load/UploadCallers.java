package io.dataforge.load;

import java.util.UUID;

import io.dataforge.identity.Accounts;
import io.dataforge.identity.Caller;
import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The tenant an upload request acts for: the account in the caller's token; an admin
 * without one (HTTP Basic) names it with {@code ?accountId=}. Uploading needs role LOADER
 * or ADMIN; reading needs only the tenant.
 */
@Component
public class UploadCallers {

    private final Accounts accounts;

    UploadCallers(Accounts accounts) {
        this.accounts = accounts;
    }

    public Caller loader(Exchange exchange) {
        Caller caller = Caller.of(exchange);
        if (!caller.hasRole("LOADER") && !caller.hasRole("ADMIN")) {
            throw new ApiException(403, "Uploading needs role LOADER or ADMIN");
        }
        return caller;
    }

    public UUID tenant(Exchange exchange, Caller caller) {
        if (caller.accountId() != null) {
            return caller.accountId();
        }
        String named = exchange.getMessage().getHeader("accountId", String.class);
        if (!caller.hasRole("ADMIN") || named == null) {
            throw new ApiException(400, "The caller has no account: an admin names one with ?accountId=");
        }
        UUID accountId;
        try {
            accountId = UUID.fromString(named.strip());
        }
        catch (IllegalArgumentException e) {
            throw new ApiException(400, "accountId must be a UUID");
        }
        if (!accounts.exists(accountId)) {
            throw new ApiException(404, "No account " + accountId);
        }
        return accountId;
    }

    /** The live account the path's {@code accountId} names (admin routes), or 404. */
    public UUID namedAccount(Exchange exchange) {
        try {
            UUID id = UUID.fromString(exchange.getMessage().getHeader("accountId", String.class));
            if (accounts.live(id)) {
                return id;
            }
        }
        catch (IllegalArgumentException | NullPointerException e) {
            // falls through to 404
        }
        throw new ApiException(404, "No such account");
    }

    UUID tenant(Exchange exchange) {
        return tenant(exchange, Caller.of(exchange));
    }

}
