package io.dataforge.identity.admin;

import jakarta.validation.constraints.Size;

/**
 * A rename and/or (de)activation of an account ({@code PUT /admin/accounts/{id}}); a
 * field left out is left as is, text is stripped.
 */
record AccountUpdate(@Size(min = 1, max = 200) String name, Boolean isActive) {

    AccountUpdate {
        name = Requests.strip(name);
    }

}
