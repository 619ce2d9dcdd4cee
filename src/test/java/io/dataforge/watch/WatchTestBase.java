package io.dataforge.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.storage.ObjectStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the watched-folder ITs share: the running application's folder, progress table and bucket. */
abstract class WatchTestBase {

    @Autowired
    WatchProperties props;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectStore store;
    @Autowired
    ObjectMapper json;

    WatchFixture watch;

    @BeforeEach
    void setUpWatch() {
        watch = new WatchFixture(props, jdbc, store);
    }
}
