/**
 * Queries over datasets.
 * <p>
 * In: {@code POST|GET /api/v1/query} with a JSON query (select with aggregates, filter,
 * groupBy, sort, page with a required limit of at most 5000). Out: one page of rows of
 * the caller's tenant, pii columns masked for callers without PII_READER, with the total
 * and an ETag. Bad query: 400 with the reason (nothing from the request is ever spliced
 * into SQL: names are checked against the dataset and quoted, values are parameters);
 * another tenant's rows or a masked column used to filter or sort: 403; past the
 * statement timeout: 422. Replay: queries are read-only and can be repeated at will.
 */
package io.dataforge.query;
