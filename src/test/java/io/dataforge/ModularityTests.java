package io.dataforge;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each capability reaches another only through its base package, and platform only
 * through its named interfaces.
 */
class ModularityTests {

    @Test
    void capabilitiesKeepTheirBoundaries() {
        ApplicationModules.of(DataForgeApplication.class).verify();
    }

}
