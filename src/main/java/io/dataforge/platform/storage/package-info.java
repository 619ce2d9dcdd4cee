/**
 * The object store: streamed writes of unknown length (bounded in-memory multipart
 * parts), streamed reads, metadata, listing, presigned GETs, and the {@code storage}
 * health component.
 * <p>
 * In: streams and keys. Out: objects in the configured bucket. Bad input: a failing
 * source or S3 error aborts the multipart upload, so no partial object remains; each S3
 * call is tried {@code dataforge.s3.attempts} times (the one retry layer: fixed pauses on
 * a client's request through
 * {@link io.dataforge.platform.storage.ObjectStore#forRequests()}, doubling ones in
 * background work) and then surfaces as
 * {@link io.dataforge.platform.storage.StorageUnavailableException} (503). Replay: the
 * caller re-sends; a part is retried from memory, the source is never re-read.
 * <p>
 * At rest: every object written asks the store for the server-side encryption of
 * {@code dataforge.s3.server-side-encryption} ({@code AES256} or {@code aws:kms} with
 * {@code kms-key-id}) on its PutObject or CreateMultipartUpload
 * ({@link io.dataforge.platform.storage.AtRestEncryption}); the embedded store ignores
 * it.
 */
@NamedInterface("storage")
package io.dataforge.platform.storage;

import org.springframework.modulith.NamedInterface;
