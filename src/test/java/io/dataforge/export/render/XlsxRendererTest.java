package io.dataforge.export.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
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
            assertThat(header).allSatisfy(
                    cell -> assertThat(workbook.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).isTrue());
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            // 10 to 50 characters wide, from the column name
            assertThat(sheet.getColumnWidth(0)).isEqualTo(10 * 256);
            assertThat(sheet.getColumnWidth(7)).isEqualTo(12 * 256);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(workbook.getFontAt(first.getCell(1).getCellStyle().getFontIndex()).getBold()).isFalse();
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo(SampleRows.NASTY_NAME);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(-1.5);
            assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo(SampleRows.PAYLOAD.toString());
            assertThat(first.getCell(6).getStringCellValue()).isEqualTo("***");
            // dates and times come from the rows as ISO text, and stay text
            assertThat(first.getCell(7).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(7).getStringCellValue()).isEqualTo("2024-02-29T12:34:56Z");
            assertThat(first.getCell(8).getStringCellValue()).isEqualTo("東京 😀");
            Row second = sheet.getRow(2);
            assertThat(second.getCell(0).getNumericCellValue()).isEqualTo(-42.0);
            assertThat(second.getCell(2).getNumericCellValue()).isEqualTo(-0.000001);
            assertThat(second.getCell(3)).isNull();
            assertThat(second.getCell(4).getBooleanCellValue()).isFalse();
            assertThat(sheet.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(2.5e10);
            assertThat(sheet.getRow(3).getCell(8).getStringCellValue()).isEqualTo("tab\tand\r\nCRLF");
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
        byte[] xlsx = render(TEN_ROWS_A_SHEET, 25);

        try (XSSFWorkbook workbook = ExportFiles.xlsx(xlsx)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(0)).isEqualTo("data");
            assertThat(workbook.getSheetName(1)).isEqualTo("data (2)");
            assertThat(workbook.getSheetName(2)).isEqualTo("data (3)");
            List<Double> ids = new ArrayList<>();
            for (int s = 0; s < 3; s++) {
                XSSFSheet sheet = workbook.getSheetAt(s);
                assertThat(texts(sheet.getRow(0))).isEqualTo(SampleRows.COLUMNS);
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
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
    void aSheetIsStartedOnlyForRowsLeftOver() throws Exception {
        try (XSSFWorkbook full = ExportFiles.xlsx(render(TEN_ROWS_A_SHEET, 20));
                XSSFWorkbook oneMore = ExportFiles.xlsx(render(TEN_ROWS_A_SHEET, 21))) {
            assertThat(full.getNumberOfSheets()).isEqualTo(2);
            assertThat(full.getSheetAt(1).getLastRowNum()).isEqualTo(10);
            assertThat(oneMore.getNumberOfSheets()).isEqualTo(3);
            assertThat(oneMore.getSheetAt(2).getLastRowNum()).isEqualTo(1);
            assertThat(oneMore.getSheetAt(2).getRow(1).getCell(0).getNumericCellValue()).isEqualTo(20.0);
        }
    }

    @Test
    void manySheetsComeInTheOrderOfTheRows() throws Exception {
        byte[] xlsx = render(TEN_ROWS_A_SHEET, 250);

        try (XSSFWorkbook workbook = ExportFiles.xlsx(xlsx)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(25);
            // "data (11)" holds rows 100-109 whatever order the sheets' part names sort
            // in
            assertThat(workbook.getSheet("data (11)").getRow(1).getCell(0).getNumericCellValue()).isEqualTo(100.0);
            assertThat(workbook.getSheet("data (25)").getRow(10).getCell(0).getNumericCellValue()).isEqualTo(249.0);
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

    private static byte[] render(RenderOptions options, long rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = Renderers.of(ExportFormat.XLSX, options)
            .render(SampleRows.COLUMNS, SampleRows.generated(rows), out);
        assertThat(written).isEqualTo(rows);
        return out.toByteArray();
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

}
