package io.dataforge.identity.admin;

import jakarta.validation.constraints.Size;

/**
 * A rename and/or (de)activation of a site ({@code PATCH /admin/sites/{id}}); a field
 * left out is left as is, text is stripped.
 */
record SiteUpdate(@Size(min = 1, max = 200) String displayName, Boolean isActive) {

    SiteUpdate {
        displayName = Requests.strip(displayName);
    }

}
