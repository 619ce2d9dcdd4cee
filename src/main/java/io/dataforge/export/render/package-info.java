/**
 * Export renderers: the rows of a query written as CSV, JSON, NDJSON, XLSX or PDF on
 * their way to an S3 multipart upload (packed on the way by
 * {@link io.dataforge.export.pack}). Here the renderers' contract and
 * {@link io.dataforge.export.render.Renderers}, which picks one per format, with the text
 * formats (CSV, JSON, NDJSON); the formats that bring a library of their own have a
 * package each: {@link io.dataforge.export.render.xlsx} (fastexcel) and
 * {@link io.dataforge.export.render.pdf} (OpenPDF).
 * <p>
 * In: the column names and a {@link io.dataforge.export.render.RowSource} pulled one row
 * at a time; the caller owns the {@code OutputStream}. Out: the file's bytes, streamed as
 * the rows arrive; memory stays flat whatever the row count and nothing is written to
 * disk, and the number of rows written. Format names, extensions and content types:
 * {@link io.dataforge.export.render.ExportFormat} (and, packed,
 * {@link io.dataforge.export.pack.Compression}).
 * <p>
 * Bad record: there is none to skip, the rows come from the database. A value of an
 * unexpected type is written as its {@code toString()}; text longer than an XLSX cell
 * holds (32,767 characters) is cut, and a PDF cell shows at most 1,000 characters; an
 * XLSX number with more than 15 significant digits is written as text so no digit is
 * lost. A row whose width differs from the header, a PDF past its byte cap
 * ({@link io.dataforge.export.render.ExportTooLargeException}), or anything the row
 * source throws (a cancellation) fails the render with that exception: what was written
 * is a partial file the caller must discard (abort the upload).
 * <p>
 * Replay: a render is a function of its rows: running the same query again renders the
 * same file (PDF and XLSX differ only in creation dates and the PDF's document id). A
 * failed render cannot resume; it is rendered again from the first row.
 */
package io.dataforge.export.render;
