package io.dataforge.errors;

import java.util.List;

import io.dataforge.platform.database.MonthlyPartitions;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the monthly partitions of {@code error_logs} from the current month to
 * {@code partitionsAhead} months ahead, so that an insert never fails for a missing
 * partition. Runs at start-up and on the {@code errors.partitions} schedule; idempotent.
 * Partition names come from dates only, never from input.
 */
@Component
public class ErrorPartitions implements Processor {

    private final JdbcTemplate jdbc;

    private final ErrorLogProperties props;

    ErrorPartitions(JdbcTemplate jdbc, ErrorLogProperties props) {
        this.jdbc = jdbc;
        this.props = props;
        ensure();
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(ensure());
    }

    /** The partitions that exist for the months checked (created now or before). */
    List<String> ensure() {
        return MonthlyPartitions.ensure(jdbc, "error_logs", props.partitionsAhead());
    }

}
