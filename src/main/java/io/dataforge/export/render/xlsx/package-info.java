/**
 * The XLSX export: an Excel workbook streamed with Apache POI's deferred streaming
 * workbook, each sheet's rows generated while POI writes that sheet, so neither the rows
 * nor the file are held and no temp file is written.
 * <p>
 * In: from {@link io.dataforge.export.render.Renderers}, the column names, the expected
 * row count (the number of sheets is declared from it before the first byte; one sheet
 * when it is -1) and the {@link io.dataforge.export.render.RowSource}. Out: sheets
 * "data", "data (2)", ... of at most {@code xlsxRowsPerSheet} rows, each under a bold,
 * frozen header; booleans and numbers keep their types, text is written inline (no shared
 * strings table); the number of rows written.
 * <p>
 * Bad record: a {@code null} leaves its cell out; a number with more than 15 significant
 * digits is written as text so no digit is lost; text past an Excel cell's 32,767
 * characters is cut and ends in an ellipsis. A row whose width differs from the header,
 * more rows than the declared sheets hold, or anything the row source throws fails the
 * render with that exception (unwrapped from POI's): the partial file is the caller's to
 * discard.
 * <p>
 * Replay: the same rows render the same workbook but for its creation date; a failed
 * render starts again from the first row.
 */
package io.dataforge.export.render.xlsx;
