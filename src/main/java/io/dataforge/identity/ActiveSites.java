package io.dataforge.identity;

import java.util.Optional;
import java.util.UUID;

import io.dataforge.identity.tokens.PrincipalRepository;
import org.springframework.stereotype.Component;

/**
 * For other capabilities: is a site (and its account) still active, and what is its
 * domain.
 */
@Component
public class ActiveSites {

    public record ActiveSite(UUID siteId, UUID accountId, String domain) {
    }

    private final PrincipalRepository principals;

    ActiveSites(PrincipalRepository principals) {
        this.principals = principals;
    }

    public Optional<ActiveSite> find(UUID siteId) {
        return principals.siteById(siteId).map(s -> new ActiveSite(s.siteId(), s.accountId(), s.domain()));
    }

}
