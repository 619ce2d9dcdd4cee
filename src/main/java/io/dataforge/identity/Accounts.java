package io.dataforge.identity;

import java.util.UUID;

import io.dataforge.identity.admin.AccountRepository;
import org.springframework.stereotype.Component;

/** For other capabilities: does an account exist, and is it live. */
@Component
public class Accounts {

    private final AccountRepository accounts;

    Accounts(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * True for any account ever created, soft-deleted ones included: their data stays
     * readable to admins.
     */
    public boolean exists(UUID id) {
        return accounts.exists(id, true);
    }

    public boolean live(UUID id) {
        return accounts.exists(id, false);
    }

}
