/**
 * Reading text files that come in from outside: UTF-8 decoding with the BOM skipped
 * ({@link io.dataforge.platform.text.Utf8Reader}) and the one CSV parser set-up
 * ({@link io.dataforge.platform.text.CsvReading}), shared by the watch's converters and
 * the upload loader.
 * <p>
 * In: a byte stream or decoded text, a delimiter. Out: characters, or records handed to
 * the caller's FastCSV callback. Bad record: bytes that are not UTF-8 fail the read
 * (strict) or become U+FFFD (replacing); broken quoting or a record over
 * {@link io.dataforge.platform.text.CsvReading#MAX_RECORD_CHARS} characters is a
 * {@code CsvParseException} for the caller to report with its row. Replay: reading keeps
 * no state beyond the stream.
 */
@NamedInterface("text")
package io.dataforge.platform.text;

import org.springframework.modulith.NamedInterface;
