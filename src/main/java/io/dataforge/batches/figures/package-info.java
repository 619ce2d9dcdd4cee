/**
 * Per-account batch figures, read from the database so every instance reports the same.
 * <p>
 * In: identity's account admin views, asking through
 * {@link io.dataforge.identity.AccountActivity} (totals for a page of accounts, stats for
 * one), and a timer every {@code dataforge.batches.gauge-refresh} (routes
 * {@code batches.gauges} and {@code batches.gauges-refresh}). Out: live batches, uploaded
 * files, completed and failed batches, stored bytes and the last upload of an account;
 * the gauges {@code dataforge.batches.active{account}} and
 * {@code dataforge.batches.stored.bytes{account}} at {@code /actuator/prometheus}.
 * <p>
 * Bad record: none; this package only reads {@code batches} and {@code batch_files} and
 * writes nothing. A failed gauge refresh is logged and counted and the gauges keep their
 * last values.
 * <p>
 * Replay: every answer is computed afresh from the tables; the next timer tick refreshes
 * the gauges.
 */
package io.dataforge.batches.figures;
