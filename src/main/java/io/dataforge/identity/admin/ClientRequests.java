package io.dataforge.identity.admin;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.dataforge.identity.AdminAudit;
import io.dataforge.identity.tokens.Secrets;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.JsonBodies;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The steps of the API client admin routes. Clients get data roles, never ADMIN. */
@Component
class ClientRequests extends SecretHolderRequests<ApiClient> {

    static final Set<String> GRANTABLE_ROLES = Set.of("LOADER", "VIEWER", "EXPORTER", "PII_READER");

    private final SecureRandom random = new SecureRandom();

    private final ApiClientRepository clients;

    ClientRequests(ApiClientRepository clients, AccountRepository accounts, Secrets secrets, AdminAudit audit) {
        super(clients, ApiClient.Page::new, ApiClientRepository.SORTABLE, accounts, secrets, audit, "client", "name");
        this.clients = clients;
    }

    void create(Exchange exchange) {
        NewClient body = JsonBodies.read(exchange, NewClient.class);
        String name = body.name();
        List<String> roles = grantable(body.roles());
        UUID accountId = existingAccount(exchange);
        String secret = secrets.generate();
        ApiClient client = clients.create(accountId, newClientId(), name, roles, secrets.hash(secret));
        audit.record(exchange, "client.created", "client", client.id(), Map.of("name", name, "roles", roles));
        Requests.reply(exchange, 201, withSecret(client, secret));
    }

    void update(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        ClientUpdate body = JsonBodies.read(exchange, ClientUpdate.class);
        applyUpdate(exchange, id, body.name(), body.isActive());
    }

    @Override
    protected CreatedApiClient withSecret(ApiClient client, String secret) {
        return CreatedApiClient.of(client, secret);
    }

    /** The roles asked for, each once; any outside {@link #GRANTABLE_ROLES} is 400. */
    private static List<String> grantable(List<String> roles) {
        if (!roles.stream().allMatch(role -> role != null && GRANTABLE_ROLES.contains(role))) {
            throw new ApiException(400, "roles must be among " + GRANTABLE_ROLES);
        }
        return roles.stream().distinct().toList();
    }

    private String newClientId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "dfc_" + HexFormat.of().formatHex(bytes);
    }

}
