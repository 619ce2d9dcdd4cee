/**
 * The XLSX export: an Excel workbook streamed with fastexcel, each sheet's XML written
 * into the zip as its rows arrive and the workbook's own parts after the last sheet, so
 * neither the rows nor the file are held and no temp file is written.
 * <p>
 * In: from {@link io.dataforge.export.render.Renderers}, the column names and the
 * {@link io.dataforge.export.render.RowSource}. Out: sheets "data", "data (2)", ... of at
 * most {@code xlsxRowsPerSheet} rows (Excel's 1,048,575 under the header), a new one
 * started when a row is left over, each under a bold, frozen header; booleans and numbers
 * keep their types, everything else (dates and times come as ISO text) is text written
 * inline (no shared strings table); the number of rows written.
 * <p>
 * Bad record: a {@code null} leaves its cell out; a number with more than 15 significant
 * digits is written as text so no digit is lost; text past an Excel cell's 32,767
 * characters is cut and ends in an ellipsis; characters XML cannot hold (control
 * characters other than tab and line breaks) are left out. A row whose width differs from
 * the header, or anything the row source throws, fails the render with that exception:
 * the partial file is the caller's to discard.
 * <p>
 * Replay: the same rows render the same workbook but for its creation date; a failed
 * render starts again from the first row.
 */
package io.dataforge.export.render.xlsx;
