package io.dataforge.errors;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the monthly partitions of {@code error_logs} from the current month to {@code partitionsAhead}
 * months ahead, so that an insert never fails for a missing partition. Runs at start-up and on the
 * {@code errors.partitions} schedule; idempotent. Partition names come from dates only, never from input.
 */
@Component
public class ErrorPartitions implements Processor {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'error_logs_'yyyy_MM");

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
        List<String> names = new ArrayList<>();
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        for (int i = 0; i <= props.partitionsAhead(); i++, month = month.plusMonths(1)) {
            LocalDate from = month.atDay(1);
            String name = NAME.format(from);
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF error_logs FOR VALUES FROM ('"
                    + from + "') TO ('" + from.plusMonths(1) + "')");
            names.add(name);
        }
        return names;
    }
}
