package io.dataforge.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.dataforge.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Who is calling a REST route: read from the request, because Camel runs the route on
 * another thread than the one Spring Security authenticated. Other capabilities use it
 * for the caller's tenant and roles.
 */
public record Caller(String subject, UUID accountId, UUID siteId, String clientId, String domain, List<String> roles) {

    private static final String CONTEXT = RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME;

    public static Caller of(Exchange exchange) {
        return authentication(exchange).map(Caller::from)
            .orElseThrow(() -> new ApiException(401, "Authentication required"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    static Optional<Authentication> authentication(Exchange exchange) {
        Object request = exchange.getMessage().getHeader("CamelHttpServletRequest");
        if (!(request instanceof HttpServletRequest http)
                || !(http.getAttribute(CONTEXT) instanceof SecurityContext context)) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getAuthentication()).filter(Authentication::isAuthenticated);
    }

    static Caller from(Authentication authentication) {
        List<String> roles = authentication.getAuthorities()
            .stream()
            .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
            .toList();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            var claims = jwt.getToken();
            return new Caller(claims.getSubject(), uuid(claims.getClaimAsString("accountId")),
                    uuid(claims.getClaimAsString("siteId")), claims.getClaimAsString("clientId"),
                    claims.getClaimAsString("domain"), roles);
        }
        return new Caller(authentication.getName(), null, null, null, null, roles);
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
