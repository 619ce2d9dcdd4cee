/**
 * Packing a rendered export on its way to storage: as it is, zipped (one entry, the
 * export's file) or gzipped.
 * <p>
 * In: the bytes a renderer writes, into the {@link io.dataforge.export.pack.PackedStream}
 * that {@link io.dataforge.export.pack.Compression#open} returns over the caller's stream
 * (an S3 multipart upload). Out: the packed bytes, written by a thread of the packer's
 * own through a short bounded queue, so rendering and deflating use two cores and memory
 * stays at a few 64 KB chunks; the file name's suffix and the stored object's content
 * type. Nothing is written to disk.
 * <p>
 * Bad record: there is none, the bytes are packed as they come. A failure of the packer
 * or of the stream underneath (a storage error) is thrown to the renderer at its next
 * write or at close, unwrapped; what was written is then a partial file the caller must
 * discard ({@link io.dataforge.export.pack.PackedStream#abort()}, then abort the upload).
 * <p>
 * Replay: packing is a function of the bytes (a zip's entry time aside): rendering the
 * export again packs it again from its first byte; a failed packing cannot resume.
 */
package io.dataforge.export.pack;
