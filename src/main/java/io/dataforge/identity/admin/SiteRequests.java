package io.dataforge.identity.admin;

import java.util.Map;
import java.util.UUID;

import io.dataforge.identity.AdminAudit;
import io.dataforge.identity.tokens.Secrets;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.JsonBodies;
import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The steps of the site admin routes. A site's domain becomes part of S3 keys, hence the
 * strict shape ({@link NewSite#DOMAIN}).
 */
@Component
class SiteRequests extends SecretHolderRequests<Site> {

    private final SiteRepository sites;

    SiteRequests(SiteRepository sites, AccountRepository accounts, Secrets secrets, AdminAudit audit) {
        super(sites, Site.Page::new, SiteRepository.SORTABLE, accounts, secrets, audit, "site", "displayName");
        this.sites = sites;
    }

    void create(Exchange exchange) {
        NewSite body = JsonBodies.read(exchange, NewSite.class);
        String domain = body.domain();
        UUID accountId = existingAccount(exchange);
        String secret = secrets.generate();
        try {
            Site site = sites.create(accountId, domain, body.displayName(), secrets.hash(secret));
            audit.record(exchange, "site.created", "site", site.id(), Map.of("domain", domain));
            Requests.reply(exchange, 201, withSecret(site, secret));
        }
        catch (DuplicateKeyException e) {
            throw new ApiException(409, "The domain " + domain + " is already registered");
        }
    }

    void update(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        SiteUpdate body = JsonBodies.read(exchange, SiteUpdate.class);
        applyUpdate(exchange, id, body.displayName(), body.isActive());
    }

    @Override
    protected CreatedSite withSecret(Site site, String secret) {
        return CreatedSite.of(site, secret);
    }

}
