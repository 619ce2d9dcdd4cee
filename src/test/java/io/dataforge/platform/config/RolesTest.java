package io.dataforge.platform.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolesTest {

    @Test
    void allOrNothingNamedIsEveryRole() {
        assertThat(Roles.parse(null)).containsExactly(Roles.values());
        assertThat(Roles.parse(" ALL ")).containsExactly(Roles.values());
    }

    @Test
    void namedRolesAreTheKebabNames() {
        assertThat(Roles.parse("api, load-worker,Scheduler")).containsExactly(Roles.API, Roles.LOAD_WORKER,
                Roles.SCHEDULER);
        assertThat(Roles.EXPORT_WORKER.property()).isEqualTo("dataforge.role.export-worker");
    }

    @Test
    void anUnknownRoleStopsTheStartWithTheRolesThereAre() {
        assertThatThrownBy(() -> Roles.parse("api,loader")).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("'loader'")
            .hasMessageContaining("load-worker");
    }

}
