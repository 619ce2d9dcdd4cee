package io.dataforge.watch;

import java.util.Locale;

import io.dataforge.watch.archive.ArchiveLimits;
import io.dataforge.watch.archive.ArchiveWalker;
import io.dataforge.watch.parquet.ConversionSettings;
import io.dataforge.watch.parquet.ParquetCodec;
import io.dataforge.watch.parquet.ParquetConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WatchConfig {

    @Bean
    OutputKeys watchOutputKeys(WatchProperties props) {
        return new OutputKeys(props.s3Prefix());
    }

    @Bean
    ArchiveWalker archiveWalker(WatchProperties props) {
        return new ArchiveWalker(new ArchiveLimits(props.maxDecompressedSize().toBytes(), props.maxCompressionRatio(),
                ArchiveLimits.defaults().ratioGraceBytes(), props.maxInMemoryArchiveSize().toBytes(),
                props.maxArchiveDepth()));
    }

    @Bean
    ParquetConverter parquetConverter(WatchProperties props) {
        ConversionSettings defaults = ConversionSettings.defaults();
        ParquetCodec codec = ParquetCodec.valueOf(props.parquetCompression().toUpperCase(Locale.ROOT));
        ParquetConverter.loadNativeCodec(codec);
        return new ParquetConverter(new ConversionSettings(codec, props.parquetZstdLevel(),
                props.parquetRowGroupSize().toBytes(), defaults.pageBytes(), props.typeSampleRows(),
                defaults.maxColumns(), defaults.maxFieldChars()));
    }
}
