package no.ks.ehelse.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;
import no.ks.ehelse.platform.api.TableExport.Column;
import no.ks.ehelse.platform.api.TableExport.Format;
import no.ks.ehelse.platform.api.TableExport.Table;

/** The three forms of a download, read back as Excel and a CSV reader would read them. */
class TableExportTest {

    private static final Table TABLE = Table.named(
                    "kjernejournal-dekning",
                    "Dekning",
                    Column.text("Kommunenummer"),
                    Column.text("Kommune"),
                    Column.integer("Innbyggere"),
                    Column.decimal("Per 1000 innbyggere"),
                    Column.percent("Andel innbyggere"),
                    Column.date("Gjelder fra"))
            .row("0301", "Oslo", 717710, 12.5, 0.4234, LocalDate.of(2024, 3, 1))
            .row("4601", "=HYPERLINK(\"http://x.example.test\";\"klikk\")", 291000, null, 1.0, null)
            .row("1508", "Ålesund; Haram", 58509, 0.125, 0.0, "2024-01-01")
            .row("-1", "+47", 0, -2.5, 0.5, null)
            .build();

    @Test
    void theWorkbookHasTextCodesTypedNumbersPercentagesAndAFrozenHeader() throws IOException {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(TableExport.xlsx(TABLE)))) {
            Sheet sheet = workbook.getSheet("Dekning");
            assertNotNull(sheet);
            assertEquals(4, sheet.getLastRowNum(), "a header row and four rows");
            assertEquals("Kommunenummer", sheet.getRow(0).getCell(0).getStringCellValue());
            assertTrue(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex() > 0, "the header is bold");
            assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), "the header row is frozen");

            Cell code = sheet.getRow(1).getCell(0);
            assertEquals(CellType.STRING, code.getCellType());
            assertEquals("0301", code.getStringCellValue());
            assertEquals("@", code.getCellStyle().getDataFormatString());
            Cell inhabitants = sheet.getRow(1).getCell(2);
            assertEquals(CellType.NUMERIC, inhabitants.getCellType());
            assertEquals(717710.0, inhabitants.getNumericCellValue());
            Cell share = sheet.getRow(1).getCell(4);
            assertEquals(0.4234, share.getNumericCellValue());
            assertEquals("0.0%", share.getCellStyle().getDataFormatString());
            Cell date = sheet.getRow(1).getCell(5);
            assertEquals(
                    LocalDate.of(2024, 3, 1), date.getLocalDateTimeCellValue().toLocalDate());
            assertEquals("dd.mm.yyyy", date.getCellStyle().getDataFormatString());

            assertEquals(
                    "'=HYPERLINK(\"http://x.example.test\";\"klikk\")",
                    sheet.getRow(2).getCell(1).getStringCellValue(),
                    "a formula from the data is text");
            assertEquals(CellType.STRING, sheet.getRow(2).getCell(1).getCellType());
            assertEquals(null, sheet.getRow(2).getCell(3), "no value, no cell");
            assertEquals("'-1", sheet.getRow(4).getCell(0).getStringCellValue());
            assertEquals(-2.5, sheet.getRow(4).getCell(3).getNumericCellValue(), "a negative number stays a number");
            assertTrue(sheet.getColumnWidth(1) > sheet.getColumnWidth(2), "the long name's column is wider");
        }
    }

    @Test
    void theCsvForNorwegianExcelHasABomSemicolonsAndDecimalCommas() {
        String csv = TableExport.excelCsv(TABLE);
        assertEquals('\uFEFF', csv.charAt(0));
        String[] lines = csv.substring(1).split("\r\n");
        assertEquals("Kommunenummer;Kommune;Innbyggere;Per 1000 innbyggere;Andel innbyggere;Gjelder fra", lines[0]);
        assertEquals("0301;Oslo;717710;12,5;42,3%;2024-03-01", lines[1]);
        assertEquals("4601;\"'=HYPERLINK(\"\"http://x.example.test\"\";\"\"klikk\"\")\";291000;;100,0%;", lines[2]);
        assertEquals("1508;\"Ålesund; Haram\";58509;0,125;0,0%;2024-01-01", lines[3]);
        assertEquals("'-1;'+47;0;-2,5;50,0%;", lines[4]);
    }

    @Test
    void theMachineCsvHasCommasDecimalPointsAndNoBom() {
        String csv = TableExport.machineCsv(TABLE);
        String[] lines = csv.split("\r\n");
        assertEquals("Kommunenummer,Kommune,Innbyggere,Per 1000 innbyggere,Andel innbyggere,Gjelder fra", lines[0]);
        assertEquals("0301,Oslo,717710,12.5,0.4234,2024-03-01", lines[1]);
        assertEquals("1508,Ålesund; Haram,58509,0.125,0,2024-01-01", lines[3]);
        assertEquals("'-1,'+47,0,-2.5,0.5,", lines[4]);
    }

    @Test
    void aDownloadIsAnAttachmentWithTheTablesFileName() {
        Response xlsx = TableExport.download(TABLE, Format.XLSX);
        assertEquals(TableExport.XLSX_MEDIA_TYPE, xlsx.getMediaType().toString());
        assertEquals(
                "attachment; filename=\"kjernejournal-dekning.xlsx\"", xlsx.getHeaderString("Content-Disposition"));
        Response csv = TableExport.download(TABLE, Format.CSV);
        assertEquals("attachment; filename=\"kjernejournal-dekning.csv\"", csv.getHeaderString("Content-Disposition"));
        assertEquals("text/csv;charset=UTF-8", csv.getMediaType().toString());
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheAllowedOnes() {
        assertEquals(Format.CSV_COMMA, Format.of("csv-comma"));
        assertEquals(null, Format.of(null));
        ProblemException refused = assertThrows(ProblemException.class, () -> Format.of("xls"));
        assertEquals(400, refused.status());
        assertEquals("format", refused.toProblem("/").violations().get(0).field());
        assertTrue(refused.getMessage().contains("xlsx, csv, csv-comma"), refused.getMessage());
    }
}
