package io.dataforge.watch.parquet;

/**
 * The inferred type of a column and how it is stored in Parquet (every column is
 * optional).
 */
public enum ColumnType {

    /** boolean */
    BOOLEAN,
    /** int64 */
    INT64,
    /** int64 DECIMAL(18, scale) */
    DECIMAL,
    /** double */
    DOUBLE,
    /** int32 DATE */
    DATE,
    /**
     * int64 TIMESTAMP(MICROS, isAdjustedToUTC=false): a local date-time without offset
     */
    TIMESTAMP,
    /** int64 TIMESTAMP(MICROS, isAdjustedToUTC=true): the source had Z or an offset */
    TIMESTAMP_UTC,
    /** binary STRING (UTF-8) */
    STRING

}
