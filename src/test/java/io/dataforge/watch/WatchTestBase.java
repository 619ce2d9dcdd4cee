package io.dataforge.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the watched-folder ITs share: the running application's folder, progress table and
 * bucket.
 */
public abstract class WatchTestBase {

    @Autowired
    protected WatchProperties props;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected ObjectStore store;

    @Autowired
    protected ObjectMapper json;

    protected WatchFixture watch;

    @BeforeEach
    protected void setUpWatch() {
        watch = new WatchFixture(props, jdbc, store);
    }

}
