/**
 * The upload request: a CSV file streamed into S3 staging and checked before the 202.
 * <p>
 * In: {@code POST /api/v1/uploads} (route {@code load.upload}): multipart {@code file}
 * (.csv or .csv.gz), {@code dataset}, optional {@code callbackUrl} and
 * {@code dataSourceName}, from a LOADER or ADMIN caller within its tenant's uploads per
 * minute (Bucket4j buckets in {@code rate_limit_buckets}, shared by every instance). Out:
 * the file as one object under {@code stagingPrefix/<uploadId>/}, streamed through
 * bounded part buffers (no disk) while its header is matched to the dataset and its rows
 * counted; then the committed {@code uploads} row and the load message published from it;
 * 202 with the upload id and the rows detected.
 * <p>
 * Bad file: a wrong name, content type or gzip, a file over the size limit, a broken CSV
 * structure, a header the dataset refuses, an unknown dataset or a callback URL aimed at
 * a private address is refused before the 202 (400/413/415), the multipart upload aborted
 * or the staged object deleted, no row written; past the budget: 429 with Retry-After.
 * Values are not checked here: that is the copy's work. Replay: a refused request keeps
 * nothing, the client sends it again; a staged upload is loaded again by {@code POST
 * /api/v1/uploads/{id}/retry}.
 */
package io.dataforge.load.staging;
