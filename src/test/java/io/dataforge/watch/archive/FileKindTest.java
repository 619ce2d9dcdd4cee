package io.dataforge.watch.archive;

import static io.dataforge.watch.archive.ArchiveFixtures.entries;
import static io.dataforge.watch.archive.ArchiveFixtures.gzip;
import static io.dataforge.watch.archive.ArchiveFixtures.tar;
import static io.dataforge.watch.archive.ArchiveFixtures.text;
import static io.dataforge.watch.archive.ArchiveFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileKindTest {

    @Test
    void magicNumbersWinOverTheExtension() throws Exception {
        byte[] zip = zip(entries("a.csv", text("1\n")));

        assertThat(detect("data.tar.gz", zip)).isEqualTo(FileKind.ZIP);
        assertThat(detect("data.csv", gzip(text("1\n")))).isEqualTo(FileKind.GZIP);
        assertThat(detect("archive.zip", tar(entries("a.csv", text("1\n"))))).isEqualTo(FileKind.TAR);
    }

    @Test
    void aTarWithoutUstarMagicIsFoundByItsChecksum() throws Exception {
        byte[] tar = tar(entries("a.csv", text("1\n")));
        Arrays.fill(tar, 257, 265, (byte) 0); // an old v7 header: no magic, no version
                                              // (not part of the checksum fix)
        fixChecksum(tar);

        assertThat(detect("noext", tar)).isEqualTo(FileKind.TAR);
    }

    @Test
    void zipDocumentsAreDataNotFolders() throws Exception {
        assertThat(detect("report.xlsx", zip(entries("xl/workbook.xml", text("<x/>"))))).isEqualTo(FileKind.PLAIN);
    }

    @ParameterizedTest
    @CsvSource({ "a.zip,ZIP", "b.TAR.GZ,GZIP", "c.tbz2,BZIP2", "d.txz,XZ", "e.7z,SEVEN_Z", "f.rar,RAR", "g.csv,PLAIN" })
    void withoutMagicTheExtensionDecides(String name, FileKind expected) {
        assertThat(detect(name, text("just text, no magic"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "drop/d.csv.gz,drop/d.csv", "drop/e.gz,drop/e", "b.tgz,b.tar", "b.tar.bz2,b.tar", "x.txz,x.tar",
            "lies.zip,lies" })
    void aCompressedFileIsNamedAfterWhatItHolds(String name, String expected) {
        assertThat(FileKind.decompressedName(name)).isEqualTo(expected);
    }

    private static FileKind detect(String name, byte[] bytes) {
        return FileKind.detect(name, bytes, Math.min(bytes.length, FileKind.HEAD_BYTES));
    }

    private static void fixChecksum(byte[] header) {
        Arrays.fill(header, 148, 156, (byte) ' ');
        long sum = 0;
        for (int i = 0; i < 512; i++) {
            sum += header[i] & 0xFF;
        }
        byte[] octal = String.format("%06o\0 ", sum).getBytes();
        System.arraycopy(octal, 0, header, 148, 8);
    }

}
