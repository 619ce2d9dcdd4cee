package io.dataforge.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.PageQuery;
import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** The steps of the site admin routes. A site's domain becomes part of S3 keys, hence the strict shape. */
@Component
class SiteRequests {

    /** Host-like labels (letters, digits, - and _) joined by dots: no '/', '..', spaces or control characters. */
    static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
            + "(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*$");

    private final SiteRepository sites;
    private final AccountRepository accounts;
    private final Secrets secrets;
    private final AdminAudit audit;

    SiteRequests(SiteRepository sites, AccountRepository accounts, Secrets secrets, AdminAudit audit) {
        this.sites = sites;
        this.accounts = accounts;
        this.secrets = secrets;
        this.audit = audit;
    }

    void create(Exchange exchange) {
        UUID accountId = Requests.id(exchange, "accountId");
        Map<String, Object> body = Requests.body(exchange);
        String domain = Requests.text(body, "domain", 253, true);
        if (!DOMAIN.matcher(domain).matches()) {
            throw new ApiException(400, "domain must be a plain host-like name (letters, digits, '-', '_' and dots)");
        }
        String displayName = Requests.text(body, "displayName", 200, true);
        accounts.find(accountId).orElseThrow(() -> AccountRequests.notFound(accountId));
        String secret = secrets.generate();
        try {
            Map<String, Object> site = new LinkedHashMap<>(sites.create(accountId, domain, displayName, secrets.hash(secret)));
            audit.record(exchange, "site.created", "site", site.get("id"), Map.of("domain", domain));
            site.put("clientSecret", secret);
            Requests.reply(exchange, 201, site);
        } catch (DuplicateKeyException e) {
            throw new ApiException(409, "The domain " + domain + " is already registered");
        }
    }

    void list(Exchange exchange) {
        UUID accountId = Requests.id(exchange, "accountId");
        accounts.find(accountId).orElseThrow(() -> AccountRequests.notFound(accountId));
        PageQuery page = PageQuery.from(exchange, SiteRepository.SORTABLE, "createdAt,asc");
        Requests.reply(exchange, 200, page.body(sites.page(accountId, page), sites.count(accountId)));
    }

    void get(Exchange exchange) {
        Requests.reply(exchange, 200, existing(Requests.id(exchange, "id")));
    }

    void update(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        Map<String, Object> body = Requests.body(exchange);
        String displayName = Requests.text(body, "displayName", 200, false);
        Boolean active = Requests.flag(body, "isActive");
        if (displayName == null && active == null) {
            throw new ApiException(400, "Give displayName and/or isActive");
        }
        if (!sites.update(id, displayName, active)) {
            throw notFound(id);
        }
        audit.record(exchange, "site.updated", "site", id, body);
        Requests.reply(exchange, 200, existing(id));
    }

    void delete(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        if (!sites.delete(id)) {
            throw notFound(id);
        }
        audit.record(exchange, "site.deleted", "site", id, Map.of());
        Requests.reply(exchange, 204, null);
    }

    void rotateSecret(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        String secret = secrets.generate();
        if (!sites.rotateSecret(id, secrets.hash(secret))) {
            throw notFound(id);
        }
        audit.record(exchange, "site.secret-rotated", "site", id, Map.of());
        Map<String, Object> site = new LinkedHashMap<>(existing(id));
        site.put("clientSecret", secret);
        Requests.reply(exchange, 200, site);
    }

    private Map<String, Object> existing(UUID id) {
        return sites.find(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(UUID id) {
        return new ApiException(404, "No site " + id);
    }
}
