package io.dataforge.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import io.dataforge.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the declarations shipped in {@code datasets/*.yaml} once every bean exists,
 * which is before the Camel routes and the web server start, so no load or query sees a
 * shipped dataset missing. A shipped file never stops the application: one that conflicts
 * with what an admin stored is skipped with a warning.
 */
@Component
class ShippedDatasets implements SmartInitializingSingleton {

    static final String LOCATION = "classpath:datasets/*.yaml";

    private static final Logger log = LoggerFactory.getLogger(ShippedDatasets.class);

    private final DatasetTables tables;

    ShippedDatasets(DatasetTables tables) {
        this.tables = tables;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            Arrays.stream(files).forEach(this::apply);
        }
        catch (IOException e) {
            log.error("Shipped datasets could not be listed at {}", LOCATION, e);
        }
    }

    /**
     * The outcome, or empty when the file was skipped (a conflict, an invalid or
     * unreadable file).
     */
    Optional<DatasetTables.Outcome> apply(Resource file) {
        try (InputStream yaml = file.getInputStream()) {
            Dataset dataset = DatasetDeclarations.fromYaml(yaml);
            DatasetTables.Outcome outcome = tables.apply(dataset);
            log.info("Shipped dataset {} from {}: {}", dataset.name(), file.getFilename(), outcome);
            return Optional.of(outcome);
        }
        catch (ApiException e) {
            log.warn("Shipped dataset {} not applied; the stored declaration stays: {}", file.getFilename(),
                    e.getMessage());
        }
        catch (IOException | RuntimeException e) {
            log.error("Shipped dataset {} could not be applied", file.getFilename(), e);
        }
        return Optional.empty();
    }

}
