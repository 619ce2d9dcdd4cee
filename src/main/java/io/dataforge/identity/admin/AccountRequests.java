package io.dataforge.identity.admin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dataforge.identity.AccountActivity;
import io.dataforge.identity.AdminAudit;
import io.dataforge.platform.text.Sha256;
import io.dataforge.platform.web.ApiException;
import io.dataforge.platform.web.JsonBodies;
import io.dataforge.platform.web.PageQuery;
import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** The steps of the account admin routes: validate, act, audit, answer. */
@Component
class AccountRequests {

    private final AccountRepository accounts;

    private final AdminAudit audit;

    private final AccountActivity activity;

    AccountRequests(AccountRepository accounts, AdminAudit audit, AccountActivity activity) {
        this.accounts = accounts;
        this.audit = audit;
        this.activity = activity;
    }

    void create(Exchange exchange) {
        NewAccount body = JsonBodies.read(exchange, NewAccount.class);
        String email = body.email();
        try {
            Account account = withActivity(List.of(accounts.create(email, body.name()))).get(0);
            // the email is personal data: the audit row, kept after a purge, holds only
            // its hash
            audit.record(exchange, "account.created", "account", account.id(),
                    Map.of("emailSha256", Sha256.hex(email.strip().toLowerCase(java.util.Locale.ROOT))));
            Requests.reply(exchange, 201, account);
        }
        catch (DuplicateKeyException e) {
            throw new ApiException(409, "An account with this email already exists");
        }
    }

    void list(Exchange exchange) {
        PageQuery page = PageQuery.from(exchange, AccountRepository.SORTABLE, "createdAt,desc");
        Requests.reply(exchange, 200,
                page.body(withActivity(accounts.page(page)), accounts.count(), Account.Page::new));
    }

    void get(Exchange exchange) {
        Requests.reply(exchange, 200, existing(Requests.id(exchange, "id")));
    }

    void update(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        AccountUpdate body = JsonBodies.read(exchange, AccountUpdate.class);
        String name = body.name();
        Boolean active = body.isActive();
        if (name == null && active == null) {
            throw new ApiException(400, "Give name and/or isActive");
        }
        if (!accounts.update(id, name, active)) {
            throw notFound(id);
        }
        audit.record(exchange, "account.updated", "account", id, Requests.changes("name", name, active));
        Requests.reply(exchange, 200, existing(id));
    }

    void delete(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        if (!accounts.delete(id)) {
            throw notFound(id);
        }
        audit.record(exchange, "account.deleted", "account", id, Map.of());
        Requests.reply(exchange, 204, null);
    }

    void stats(Exchange exchange) {
        UUID id = Requests.id(exchange, "id");
        existing(id);
        Requests.reply(exchange, 200, AccountStats.of(accounts.stats(id), activity.stats(id)));
    }

    private Account existing(UUID id) {
        return accounts.find(id).map(account -> withActivity(List.of(account)).get(0)).orElseThrow(() -> notFound(id));
    }

    private List<Account> withActivity(List<Account> page) {
        Map<UUID, AccountActivity.Totals> totals = activity.totals(page.stream().map(Account::id).toList());
        return page.stream()
            .map(account -> account.with(totals.getOrDefault(account.id(), AccountActivity.Totals.NONE)))
            .toList();
    }

    static ApiException notFound(UUID id) {
        return new ApiException(404, "No account " + id);
    }

}
