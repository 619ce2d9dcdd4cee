package io.dataforge.identity.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A site to register ({@code POST /admin/accounts/{accountId}/sites}); text is stripped.
 * The domain becomes part of S3 keys, hence its strict shape.
 */
record NewSite(
        @NotBlank @Size(max = 253) @Pattern(regexp = DOMAIN,
                message = "must be a plain host-like name (letters, digits, '-', '_' and dots)") String domain,
        @NotBlank @Size(max = 200) String displayName) {

    /**
     * Host-like labels (letters, digits, - and _) joined by dots: no '/', '..', spaces or
     * control characters.
     */
    static final String DOMAIN = "^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"
            + "(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*$";

    NewSite {
        domain = Requests.strip(domain);
        displayName = Requests.strip(displayName);
    }

}
