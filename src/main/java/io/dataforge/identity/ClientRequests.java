package io.dataforge.identity;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.PageQuery;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The steps of the API client admin routes. Clients get data roles, never ADMIN. */
@Component
class ClientRequests {

    static final Set<String> GRANTABLE_ROLES = Set.of("LOADER", "VIEWER", "EXPORTER", "PII_READER");

    private final SecureRandom random = new SecureRandom();
    private final ApiClientRepository clients;
    private final AccountRepository accounts;
    private final Secrets secrets;
    private final AdminAudit audit;

    ClientRequests(ApiClientRepository clients, AccountRepository accounts, Secrets secrets, AdminAudit audit) {
        this.clients = clients;
        this.accounts = accounts;
        this.secrets = secrets;
        this.audit = audit;
    }

    void create(Exchange exchange) {
        UUID accountId = Requests.id(exchange, "accountId");
        Map<String, Object> body = Requests.body(exchange);
        String name = Requests.text(body, "name", 200, true);
        List<String> roles = roles(body.get("roles"));
        accounts.find(accountId).orElseThrow(() -> AccountRequests.notFound(accountId));
        String secret = secrets.generate();
        Map<String, Object> client = new LinkedHashMap<>(clients.create(accountId, newClientId(), name, roles, secrets.hash(secret)));
        audit.record(exchange, "client.created", "client", client.get("id"), Map.of("name", name, "roles", roles));
        client.put("clientSecret", secret);
        Requests.reply(exchange, 201, client);
    }

    void list(Exchange exchange) {
        UUID accountId = Requests.id(exchange, "accountId");
        accounts.find(accountId).orElseThrow(() -> AccountRequests.notFound(accountId));
        PageQuery page = PageQuery.from(exchange, ApiClientRepository.SORTABLE, "createdAt,asc");
        Requests.reply(exchange, 200, page.body(clients.page(accountId, page), clients.count(accountId)));
    }

    void get(Exchange exchange) {
        Requests.reply(exchange, 200, existing(Requests.id(exchange, "id")));
    }

    void update(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        Map<String, Object> body = Requests.body(exchange);
        String name = Requests.text(body, "name", 200, false);
        Boolean active = Requests.flag(body, "isActive");
        if (name == null && active == null) {
            throw new ApiException(400, "Give name and/or isActive");
        }
        if (!clients.update(id, name, active)) {
            throw notFound(id);
        }
        audit.record(exchange, "client.updated", "client", id, body);
        Requests.reply(exchange, 200, existing(id));
    }

    void delete(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        if (!clients.delete(id)) {
            throw notFound(id);
        }
        audit.record(exchange, "client.deleted", "client", id, Map.of());
        Requests.reply(exchange, 204, null);
    }

    void rotateSecret(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        String secret = secrets.generate();
        if (!clients.rotateSecret(id, secrets.hash(secret))) {
            throw notFound(id);
        }
        audit.record(exchange, "client.secret-rotated", "client", id, Map.of());
        Map<String, Object> client = new LinkedHashMap<>(existing(id));
        client.put("clientSecret", secret);
        Requests.reply(exchange, 200, client);
    }

    private static List<String> roles(Object value) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new ApiException(400, "roles must be a non-empty list of " + GRANTABLE_ROLES);
        }
        List<String> roles = list.stream().map(String::valueOf).distinct().toList();
        if (!GRANTABLE_ROLES.containsAll(roles)) {
            throw new ApiException(400, "roles must be among " + GRANTABLE_ROLES);
        }
        return roles;
    }

    private String newClientId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "dfc_" + HexFormat.of().formatHex(bytes);
    }

    private Map<String, Object> existing(UUID id) {
        return clients.find(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(UUID id) {
        return new ApiException(404, "No API client " + id);
    }
}
