package io.dataforge.identity.admin;

import jakarta.validation.constraints.Size;

/**
 * A rename and/or (de)activation of an API client ({@code PATCH /admin/clients/{id}}); a
 * field left out is left as is, text is stripped.
 */
record ClientUpdate(@Size(min = 1, max = 200) String name, Boolean isActive) {

    ClientUpdate {
        name = Requests.strip(name);
    }

}
