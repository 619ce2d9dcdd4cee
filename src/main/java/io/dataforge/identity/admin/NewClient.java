package io.dataforge.identity.admin;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * An API client to register ({@code POST /admin/accounts/{accountId}/clients}); the name
 * is stripped. Roles must be among {@link ClientRequests#GRANTABLE_ROLES}, checked there.
 */
record NewClient(@NotBlank @Size(max = 200) String name, @NotEmpty List<String> roles) {

    NewClient {
        name = Requests.strip(name);
    }

}
