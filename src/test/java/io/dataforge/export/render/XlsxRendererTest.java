package io.dataforge.export.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.util.TempFileCreationStrategy;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxRendererTest {

    private static final RenderOptions TEN_ROWS_A_SHEET = new RenderOptions(RenderOptions.DEFAULT_PDF_MAX_BYTES, "",
            10);

    @Test
    void theHeaderIsBoldAndCellsKeepTheirTypes() throws Exception {
        byte[] xlsx = ExportFiles.render(ExportFormat.XLSX, RenderOptions.defaults(), SampleRows.nasty());

        try (XSSFWorkbook workbook = ExportFiles.xlsx(xlsx)) {
            XSSFSheet sheet = workbook.getSheet("data");
            Row header = sheet.getRow(0);
            assertThat(texts(header)).isEqualTo(SampleRows.COLUMNS);
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(SampleRows.NASTY_NAME);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(-1.5);
            assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo(SampleRows.PAYLOAD.toString());
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("***");
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo("東京 😀");
            Row second = sheet.getRow(2);
            assertThat(second.getCell(0).getNumericCellValue()).isEqualTo(-42.0);
            assertThat(second.getCell(2).getNumericCellValue()).isEqualTo(-0.000001);
            assertThat(second.getCell(3)).isNull();
            assertThat(second.getCell(4).getBooleanCellValue()).isFalse();
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void numbersWithMoreDigitsThanExcelKeepsAreText() throws Exception {
        byte[] xlsx = ExportFiles.render(ExportFormat.XLSX, RenderOptions.defaults(), SampleRows.nasty());

        try (XSSFWorkbook workbook = ExportFiles.xlsx(xlsx)) {
            XSSFSheet sheet = workbook.getSheet("data");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("12345678901234567890.123456789012");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo(String.valueOf(Long.MIN_VALUE));
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(3.14);
        }
    }

    @Test
    void rowsPastTheSheetSizeGoOnInTheNextSheetUnderTheSameHeader() throws Exception {
        byte[] xlsx = render(TEN_ROWS_A_SHEET, 25, 25);

        try (XSSFWorkbook workbook = ExportFiles.xlsx(xlsx)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(1)).isEqualTo("data (2)");
            List<Double> ids = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                assertThat(texts(sheet.getRow(0))).isEqualTo(SampleRows.COLUMNS);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    ids.add(sheet.getRow(r).getCell(0).getNumericCellValue());
                }
            }
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(10);
            assertThat(workbook.getSheetAt(2).getLastRowNum()).isEqualTo(5);
            assertThat(ids).isEqualTo(IntStream.range(0, 25).mapToObj(i -> (double) i).toList());
        }
    }

    @Test
    void fewerRowsThanExpectedLeaveTheLastSheetsWithTheHeaderOnly() throws Exception {
        byte[] xlsx = render(TEN_ROWS_A_SHEET, 30, 12);

        try (XSSFWorkbook workbook = ExportFiles.xlsx(xlsx)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetAt(1).getLastRowNum()).isEqualTo(2);
            assertThat(workbook.getSheetAt(2).getLastRowNum()).isZero();
        }
    }

    @Test
    void moreRowsThanTheDeclaredSheetsHoldFailTheRender() {
        assertThatThrownBy(() -> render(TEN_ROWS_A_SHEET, -1, 11)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("More rows than the 1 XLSX sheet(s)");
        assertThatThrownBy(() -> render(TEN_ROWS_A_SHEET, 15, 21)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void noTemporaryFileIsWritten() throws Exception {
        TempFile.setTempFileCreationStrategy(new TempFileCreationStrategy() {
            @Override
            public File createTempFile(String prefix, String suffix) {
                throw new AssertionError("temp file " + prefix + suffix);
            }

            @Override
            public File createTempDirectory(String prefix) {
                throw new AssertionError("temp directory " + prefix);
            }
        });
        try {
            byte[] xlsx = render(TEN_ROWS_A_SHEET, 250, 250);

            try (XSSFWorkbook workbook = ExportFiles.xlsx(xlsx)) {
                assertThat(workbook.getNumberOfSheets()).isEqualTo(25);
                // sheet 11 is written after sheet 2, not between 1 and 2 as its part name
                // sorts
                assertThat(workbook.getSheet("data (11)").getRow(1).getCell(0).getNumericCellValue()).isEqualTo(100.0);
            }
        }
        finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }
    }

    @Test
    void textLongerThanACellHoldsIsCut() throws Exception {
        String longText = "x".repeat(40_000);
        List<Object[]> rows = List.<Object[]>of(new Object[] { 1, longText, null, null, null, null, null, null, null });

        byte[] xlsx = ExportFiles.render(ExportFormat.XLSX, RenderOptions.defaults(), rows);

        try (XSSFWorkbook workbook = ExportFiles.xlsx(xlsx)) {
            String cell = workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue();
            assertThat(cell).hasSize(32_767).endsWith("x\u2026");
        }
    }

    private static byte[] render(RenderOptions options, long expectedRows, long rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = Renderers.of(ExportFormat.XLSX, options)
            .render(SampleRows.COLUMNS, expectedRows, SampleRows.generated(rows), out);
        assertThat(written).isEqualTo(rows);
        return out.toByteArray();
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

}
