package io.dataforge.platform.web;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;

/**
 * {@code ?page=0&size=20&sort=field,desc} from a request, checked: sort fields come from
 * a whitelist that maps API names to SQL columns, so nothing from the request reaches SQL
 * text.
 */
public record PageQuery(int page, int size, String orderBy) {

    public static final int MAX_SIZE = 200;

    public static PageQuery from(Exchange exchange, Map<String, String> sortable, String defaultSort) {
        int page = number(exchange, "page", 0, 0, 1_000_000);
        int size = number(exchange, "size", 20, 1, MAX_SIZE);
        String sort = exchange.getMessage().getHeader("sort", defaultSort, String.class);
        String[] parts = sort.split(",", -1);
        String column = sortable.get(parts[0].strip());
        if (column == null || parts.length > 2) {
            throw new ApiException(400,
                    "sort must be one of " + sortable.keySet() + ", optionally followed by ,asc or ,desc");
        }
        String direction = parts.length == 2 ? parts[1].strip().toLowerCase() : "asc";
        if (!List.of("asc", "desc").contains(direction)) {
            throw new ApiException(400, "sort direction must be asc or desc");
        }
        return new PageQuery(page, size, column + " " + direction);
    }

    public long offset() {
        return (long) page * size;
    }

    /**
     * The standard page body, as the listing's own page record (so the document names
     * what its content holds), e.g. {@code page.body(views, total, UploadPage::new)}.
     */
    public <T, P> P body(List<T> content, long totalElements, Page<T, P> kind) {
        return kind.of(content, page, size, totalElements, (totalElements + size - 1) / size);
    }

    /**
     * A listing's page record: {@code record XPage(List<X> content, int page, int size,
     * long totalElements, long totalPages)}.
     */
    @FunctionalInterface
    public interface Page<T, P> {

        P of(List<T> content, int page, int size, long totalElements, long totalPages);

    }

    private static int number(Exchange exchange, String name, int fallback, int min, int max) {
        String raw = exchange.getMessage().getHeader(name, String.class);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new ApiException(400, name + " must be a whole number between " + min + " and " + max);
    }
}
