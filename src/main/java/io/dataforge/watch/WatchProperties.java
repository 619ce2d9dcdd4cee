package io.dataforge.watch;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dataforge.watch.*}: the watched folder, how a finished write is recognised, how
 * many files go at once, the archive limits and the Parquet settings.
 *
 * @param dir the watched folder; empty turns watching off
 * @param errorDir where rejected files go (never watched); empty: {@code <dir>/.errors}
 * @param s3Prefix key prefix of everything uploaded ("" or ending in "/")
 * @param quietPeriod a file is taken once its size and mtime have not changed for this
 * long
 * @param retryBackoff first wait before a file that met a storage or database fault is
 * tried again; it doubles per attempt up to {@code maxRetryBackoff}
 * @param maxInterruptedAttempts a file in progress each time the process stopped this
 * many times is parked in the error folder instead of being tried again
 * @param maxInMemoryArchiveSize a 7z nested in another archive is read into memory up to
 * this; null: one conversion's share of the heap budget
 * @param parquetRowGroupSize bytes a conversion buffers before a row group goes out;
 * null: derived from the heap budget's conversion share and {@code concurrency}
 */
@Validated
@ConfigurationProperties("dataforge.watch")
public record WatchProperties(Path dir, Path errorDir, @NotNull String s3Prefix, @NotNull Duration pollInterval,
        @NotNull Duration quietPeriod, @Min(1) int concurrency, @NotNull Duration retryBackoff,
        @NotNull Duration maxRetryBackoff, @Min(1) int maxInterruptedAttempts, @NotNull DataSize maxDecompressedSize,
        @DecimalMin("1.0") double maxCompressionRatio, DataSize maxInMemoryArchiveSize, @Min(1) int maxArchiveDepth,
        @NotNull String parquetCompression, @Min(1) @Max(22) int parquetZstdLevel, DataSize parquetRowGroupSize,
        @Min(100) int typeSampleRows) {

    public WatchProperties {
        dir = absolute(dir);
        errorDir = absolute(errorDir);
    }

    private static Path absolute(Path path) {
        return path == null || path.toString().isBlank() ? null : path.toAbsolutePath().normalize();
    }

    public boolean enabled() {
        return dir != null;
    }

    public Path errorFolder() {
        return errorDir == null ? dir.resolve(".errors") : errorDir;
    }
}
