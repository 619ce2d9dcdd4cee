/**
 * Datasets: the tables that loads write and queries read. Each is declared (columns with
 * type, required and pii flags, indexes, optionally the subject column and its erasure,
 * see {@link io.dataforge.datasets.subjects}) and becomes {@code datasets."<name>"} with
 * {@code tenant_id} and {@code upload_id} on every row; the declaration is kept as JSON
 * in {@code dataset_definitions}, changed only together with the table's DDL in one
 * transaction. Other capabilities read it through
 * {@link io.dataforge.datasets.DatasetCatalog}.
 * <p>
 * In: {@code PUT /admin/datasets/{name}} (JSON), the YAML files shipped under
 * {@code datasets/} (applied at start-up, before routes consume). Out: the table, its
 * indexes, the stored declaration (version + 1 per change), an {@code admin_audit} row
 * per change; {@code GET /admin/datasets[/{name}]} reads them back.
 * <p>
 * Bad input: a declaration with an invalid name, type, reserved or duplicate column,
 * unknown index column or beyond the limits is a 400 and reaches no SQL; a change that
 * would break loaded rows or readers (column removed, retyped or newly required) is a 409
 * {@code DATASET_CONFLICT} listing every conflict, and nothing changes. A shipped file
 * that conflicts is skipped with a WARN; start-up goes on.
 * <p>
 * Replay: yes. A PUT is idempotent: the same declaration again changes nothing (200, same
 * version); PUTs of one dataset are serialized by a transaction-scoped advisory lock.
 */
package io.dataforge.datasets;
