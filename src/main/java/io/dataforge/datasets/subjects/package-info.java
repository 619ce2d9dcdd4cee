/**
 * Data subjects (GDPR): a person's rows across a tenant's datasets, found through the
 * column each dataset declares as its {@code subject} (an email, a customer id).
 * <p>
 * In: {@code POST /admin/subjects/export} and {@code POST /admin/subjects/erase} with
 * {@code {tenantId, value}} (erase also {@code dryRun}), ADMIN only. Out: export streams
 * {@code {tenantId, exportedAt, datasets: [{dataset, subjectColumn, rows}]}} over every
 * dataset with a subject, read in one snapshot; erase deletes the rows, or sets their pii
 * columns to NULL where the dataset declares {@code erasure: blank}, in one transaction
 * across datasets, and answers the row counts. Each call writes an {@code admin_audit}
 * row (subject.export, subject.erase) with the counts and the value's SHA-256, never the
 * value.
 * <p>
 * pii columns are exported in clear only to a caller with the PII_READER role, masked
 * ({@code ***}) as the query API masks them otherwise; unlike a query, ADMIN alone does
 * not see them, since an export leaves the system. Local admins (the configured one,
 * admin tokens) have ADMIN only; an admin signed in through the OIDC issuer whose token
 * also carries {@code dataforge.security.oidc.pii-reader-role} is a PII_READER.
 * <p>
 * Bad request: a blank value or tenantId, or a tenantId that is no UUID, is a 400; an
 * account that never existed is a 404, and nothing is read or audited. A value that
 * cannot be of a dataset's subject type (not a UUID, not an integer) matches no row of
 * that dataset. Replay: both are safe to repeat; a second erase finds nothing left (rows
 * loaded later for the same subject are erased by the next one).
 */
package io.dataforge.datasets.subjects;
