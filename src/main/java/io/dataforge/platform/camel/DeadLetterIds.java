package io.dataforge.platform.camel;

import io.dataforge.platform.web.ApiException;
import org.apache.camel.Exchange;

final class DeadLetterIds {

    private DeadLetterIds() {
    }

    static long parse(Exchange exchange) {
        String raw = exchange.getMessage().getHeader("id", String.class);
        try {
            return Long.parseLong(raw);
        }
        catch (NumberFormatException e) {
            throw new ApiException(400, "Dead letter id must be a number");
        }
    }

}
