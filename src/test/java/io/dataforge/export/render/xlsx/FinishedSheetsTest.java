package io.dataforge.export.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

class FinishedSheetsTest {

    @Test
    void aFinishedSheetGivesBackItsRowList() throws Exception {
        Workbook workbook = new Workbook(OutputStream.nullOutputStream(), "test", null);
        Worksheet sheet = workbook.newWorksheet("data");
        for (int r = 0; r < 1_000; r++) {
            sheet.value(r, 0, r);
        }
        sheet.finish();

        assertThat(FinishedSheets.release(sheet)).isTrue();
    }

}
