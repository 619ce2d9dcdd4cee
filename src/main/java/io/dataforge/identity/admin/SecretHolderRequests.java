package io.dataforge.identity.admin;

import java.util.Map;
import java.util.UUID;

import io.dataforge.identity.AdminAudit;
import io.dataforge.identity.tokens.Secrets;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.PageQuery;
import org.apache.camel.Exchange;

/**
 * The admin steps sites and API clients share: list, get, rename/(de)activate, delete,
 * rotate the secret.
 */
abstract class SecretHolderRequests<T> {

    private final SecretHolderRepository<T> repository;

    private final PageQuery.Page<T, ?> pageKind;

    private final Map<String, String> sortable;

    protected final AccountRepository accounts;

    protected final Secrets secrets;

    protected final AdminAudit audit;

    private final String kind;

    private final String nameField;

    SecretHolderRequests(SecretHolderRepository<T> repository, PageQuery.Page<T, ?> pageKind,
            Map<String, String> sortable, AccountRepository accounts, Secrets secrets, AdminAudit audit, String kind,
            String nameField) {
        this.repository = repository;
        this.pageKind = pageKind;
        this.sortable = sortable;
        this.accounts = accounts;
        this.secrets = secrets;
        this.audit = audit;
        this.kind = kind;
        this.nameField = nameField;
    }

    void list(Exchange exchange) {
        UUID accountId = existingAccount(exchange);
        PageQuery page = PageQuery.from(exchange, sortable, "createdAt,asc");
        Requests.reply(exchange, 200,
                page.body(repository.page(accountId, page), repository.count(accountId), pageKind));
    }

    void get(Exchange exchange) {
        Requests.reply(exchange, 200, existing(Requests.id(exchange, "id")));
    }

    /** Renames and/or (de)activates, once the subclass has read its body. */
    protected void applyUpdate(Exchange exchange, UUID id, String name, Boolean active) {
        if (name == null && active == null) {
            throw new ApiException(400, "Give " + nameField + " and/or isActive");
        }
        if (!repository.update(id, name, active)) {
            throw notFound(id);
        }
        audit.record(exchange, kind + ".updated", kind, id, Requests.changes(nameField, name, active));
        Requests.reply(exchange, 200, existing(id));
    }

    void delete(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        if (!repository.delete(id)) {
            throw notFound(id);
        }
        audit.record(exchange, kind + ".deleted", kind, id, Map.of());
        Requests.reply(exchange, 204, null);
    }

    void rotateSecret(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        String secret = secrets.generate();
        if (!repository.rotateSecret(id, secrets.hash(secret))) {
            throw notFound(id);
        }
        audit.record(exchange, kind + ".secret-rotated", kind, id, Map.of());
        Requests.reply(exchange, 200, withSecret(existing(id), secret));
    }

    /** The one answer that carries the secret: creation and rotation. */
    protected abstract Object withSecret(T holder, String secret);

    protected UUID existingAccount(Exchange exchange) {
        UUID accountId = Requests.id(exchange, "accountId");
        if (!accounts.exists(accountId, false)) {
            throw AccountRequests.notFound(accountId);
        }
        return accountId;
    }

    private T existing(UUID id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    private ApiException notFound(UUID id) {
        return new ApiException(404, "No " + kind + " " + id);
    }

}
