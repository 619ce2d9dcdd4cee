package io.dataforge.identity.admin;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An account to create ({@code POST /admin/accounts}); text is stripped. */
record NewAccount(@NotBlank @Size(max = 254) @Email(regexp = EMAIL) String email,
        @NotBlank @Size(max = 200) String name) {

    /** Besides a well-formed address: a local part of at most 64 and a dotted domain. */
    static final String EMAIL = "^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$";

    NewAccount {
        email = Requests.strip(email);
        name = Requests.strip(name);
    }

}
