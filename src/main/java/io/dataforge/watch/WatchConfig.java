package io.dataforge.watch;

import java.util.Locale;

import io.dataforge.platform.memory.HeapBudget;
import io.dataforge.watch.archive.ArchiveLimits;
import io.dataforge.watch.archive.ArchiveWalker;
import io.dataforge.watch.parquet.ConversionSettings;
import io.dataforge.watch.parquet.ParquetCodec;
import io.dataforge.watch.parquet.ParquetConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WatchConfig {

    private static final Logger log = LoggerFactory.getLogger(WatchConfig.class);

    @Bean
    OutputKeys watchOutputKeys(WatchProperties props) {
        return new OutputKeys(props.s3Prefix());
    }

    @Bean
    ArchiveWalker archiveWalker(WatchProperties props, HeapBudget budget) {
        // a nested 7z is read into memory: by default no more than one conversion's share
        // of the heap budget
        long inMemory = props.maxInMemoryArchiveSize() != null ? props.maxInMemoryArchiveSize().toBytes()
                : budget.conversions() / props.concurrency();
        return new ArchiveWalker(new ArchiveLimits(props.maxDecompressedSize().toBytes(), props.maxCompressionRatio(),
                ArchiveLimits.defaults().ratioGraceBytes(), inMemory, props.maxArchiveDepth()));
    }

    @Bean
    ParquetConverter parquetConverter(WatchProperties props, HeapBudget budget) {
        ConversionSettings defaults = ConversionSettings.defaults();
        ParquetCodec codec = ParquetCodec.valueOf(props.parquetCompression().toUpperCase(Locale.ROOT));
        ParquetConverter.loadNativeCodec(codec);
        long rowGroup = props.parquetRowGroupSize() != null ? props.parquetRowGroupSize().toBytes()
                : ConversionSettings.rowGroupFor(budget.conversions() / props.concurrency());
        log.info("Parquet conversions: {} at once, row groups of {}", props.concurrency(), HeapBudget.mb(rowGroup));
        return new ParquetConverter(new ConversionSettings(codec, props.parquetZstdLevel(), rowGroup,
                defaults.pageBytes(), props.typeSampleRows(), defaults.maxColumns(), defaults.maxFieldChars()));
    }

}
