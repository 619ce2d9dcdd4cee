/**
 * Client error reports.
 * <p>
 * In: {@code POST /api/v1/error[/{batchId}]} from sites (JSON, capped at 1 MB). Out: rows
 * in the monthly partitions of {@code error_logs}, the batch's hasErrors flag, and an
 * {@code error.reported} event. Bad report: 400 (missing or mistyped fields), 404/403
 * (unknown or foreign batch), 413 (too large); nothing is stored. Replay: the client
 * re-sends; reports are not deduplicated. Partitions are created ahead at start-up and on
 * a schedule, never dropped automatically.
 */
package io.dataforge.errors;
