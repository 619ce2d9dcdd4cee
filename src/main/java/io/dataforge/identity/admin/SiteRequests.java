package io.dataforge.identity.admin;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.dataforge.identity.AdminAudit;
import io.dataforge.identity.tokens.Secrets;
import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The steps of the site admin routes. A site's domain becomes part of S3 keys, hence the
 * strict shape.
 */
@Component
class SiteRequests extends SecretHolderRequests {

    /**
     * Host-like labels (letters, digits, - and _) joined by dots: no '/', '..', spaces or
     * control characters.
     */
    static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
            + "(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*$");

    private final SiteRepository sites;

    SiteRequests(SiteRepository sites, AccountRepository accounts, Secrets secrets, AdminAudit audit) {
        super(sites, SiteRepository.SORTABLE, accounts, secrets, audit, "site", "displayName");
        this.sites = sites;
    }

    void create(Exchange exchange) {
        Map<String, Object> body = Requests.body(exchange);
        String domain = Requests.text(body, "domain", 253, true);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new ApiException(400, "domain must be a plain host-like name (letters, digits, '-', '_' and dots)");
        }
        String displayName = Requests.text(body, "displayName", 200, true);
        UUID accountId = existingAccount(exchange);
        String secret = secrets.generate();
        try {
            Map<String, Object> site = sites.create(accountId, domain, displayName, secrets.hash(secret));
            audit.record(exchange, "site.created", "site", site.get("id"), Map.of("domain", domain));
            Requests.reply(exchange, 201, withSecret(site, secret));
        }
        catch (DuplicateKeyException e) {
            throw new ApiException(409, "The domain " + domain + " is already registered");
        }
    }

}
