package no.ks.ehelse.platform.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * A table people download: Norwegian column headers over typed columns, written as an {@code .xlsx} workbook, as
 * CSV that Norwegian Excel opens into columns (UTF-8 with BOM, {@code ;}, decimal comma), or as CSV for machines
 * (comma, decimal point, no BOM). Codes such as kommunenummer are {@link Type#TEXT}, so "0301" keeps its zero.
 *
 * <p>Every text cell that a spreadsheet would read as a formula (starting with {@code = + - @}, tab or CR) is
 * prefixed with {@code '} in every form (OWASP CSV injection): names come from NHN's and the registry's data, which
 * this service does not control.
 */
public final class TableExport {

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV_MEDIA_TYPE = "text/csv";

    /** How a column's values are written. */
    public enum Type {
        /** A code or a name: a text cell, never a number (kommunenummer, fylkesnummer). */
        TEXT,
        INTEGER,
        DECIMAL,
        /** A share between 0 and 1, shown as a percentage. */
        PERCENT,
        DATE
    }

    public record Column(String header, Type type) {

        public static Column text(String header) {
            return new Column(header, Type.TEXT);
        }

        public static Column integer(String header) {
            return new Column(header, Type.INTEGER);
        }

        public static Column decimal(String header) {
            return new Column(header, Type.DECIMAL);
        }

        public static Column percent(String header) {
            return new Column(header, Type.PERCENT);
        }

        public static Column date(String header) {
            return new Column(header, Type.DATE);
        }
    }

    /**
     * A table: {@code fileName} without extension (ASCII, e.g. {@code kjernejournal-ikke-tatt-i-bruk}), the sheet's
     * name, the columns and the rows (a value per column; null is an empty cell).
     */
    public record Table(String fileName, String sheet, List<Column> columns, List<List<Object>> rows) {

        public Table {
            if (!fileName.matches("[a-z0-9]+([-_][a-z0-9]+)*")) {
                throw new IllegalArgumentException("A download's file name is lower-case ASCII: " + fileName);
            }
            for (List<Object> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException(
                            "A row has " + row.size() + " values for " + columns.size() + " columns: " + row);
                }
            }
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        public static Builder named(String fileName, String sheet, Column... columns) {
            return new Builder(fileName, sheet, Arrays.asList(columns));
        }

        public List<String> headers() {
            return columns.stream().map(Column::header).toList();
        }
    }

    public static final class Builder {
        private final String fileName;
        private final String sheet;
        private final List<Column> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String fileName, String sheet, List<Column> columns) {
            this.fileName = fileName;
            this.sheet = sheet;
            this.columns = columns;
        }

        public Builder row(Object... values) {
            rows.add(Arrays.asList(values));
            return this;
        }

        public Table build() {
            return new Table(fileName, sheet, columns, rows);
        }
    }

    /** The forms of {@code ?format=}. */
    public enum Format {
        XLSX("xlsx"),
        /** CSV for Norwegian Excel. */
        CSV("csv"),
        /** CSV for machines: comma, decimal point, no BOM. */
        CSV_COMMA("csv-comma");

        public final String param;

        Format(String param) {
            this.param = param;
        }

        public static final List<String> PARAMS =
                Arrays.stream(values()).map(f -> f.param).toList();

        /** The format {@code param} names, or null when absent; an unknown one is a 400 naming the allowed ones. */
        public static Format of(String param) {
            if (param == null) {
                return null;
            }
            for (Format f : values()) {
                if (f.param.equals(param)) {
                    return f;
                }
            }
            throw ProblemException.invalidField("format", "must be one of " + String.join(", ", PARAMS))
                    .with("allowed", PARAMS);
        }

        public String mediaType() {
            return this == XLSX ? XLSX_MEDIA_TYPE : CSV_MEDIA_TYPE + ";charset=UTF-8";
        }

        public String extension() {
            return this == XLSX ? "xlsx" : "csv";
        }
    }

    private static final char BOM = '\uFEFF';

    private TableExport() {}

    /** The download of {@code table} in {@code format}, as an attachment with the table's file name. */
    public static Response download(Table table, Format format) {
        Object body =
                switch (format) {
                    case XLSX -> xlsx(table);
                    case CSV -> excelCsv(table).getBytes(StandardCharsets.UTF_8);
                    case CSV_COMMA -> machineCsv(table).getBytes(StandardCharsets.UTF_8);
                };
        return Response.ok(body, format.mediaType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + table.fileName() + "." + format.extension() + "\"")
                .build();
    }

    /** CSV for Norwegian Excel: a BOM so it reads UTF-8, semicolons, decimal comma, percentages with '%'. */
    public static String excelCsv(Table table) {
        StringBuilder out = new StringBuilder().append(BOM);
        line(out, table.headers(), ';');
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                cells.add(excelText(table.columns().get(i).type(), row.get(i)));
            }
            line(out, cells, ';');
        }
        return out.toString();
    }

    /** CSV for machines: comma, decimal point, shares as fractions, RFC 4180 quoting, no BOM. */
    public static String machineCsv(Table table) {
        StringBuilder out = new StringBuilder();
        line(out, table.headers(), ',');
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                cells.add(machineText(table.columns().get(i).type(), row.get(i)));
            }
            line(out, cells, ',');
        }
        return out.toString();
    }

    /** The workbook: one sheet, a bold frozen header row, typed cells, widths from the longest value. */
    public static byte[] xlsx(Table table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName(table.sheet()));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            short textFormat = workbook.createDataFormat().getFormat("@");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(textFormat);
            CellStyle integer = workbook.createCellStyle();
            integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
            CellStyle decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0##"));
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));

            int[] widths = new int[table.columns().size()];
            Row head = sheet.createRow(0);
            for (int i = 0; i < table.columns().size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(table.columns().get(i).header());
                cell.setCellStyle(header);
                widths[i] = table.columns().get(i).header().length();
            }
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(i);
                    Type type = table.columns().get(i).type();
                    switch (type) {
                        case TEXT -> {
                            cell.setCellValue(neutralised(String.valueOf(value)));
                            cell.setCellStyle(text);
                        }
                        case INTEGER -> {
                            cell.setCellValue(number(value).doubleValue());
                            cell.setCellStyle(integer);
                        }
                        case DECIMAL -> {
                            cell.setCellValue(number(value).doubleValue());
                            cell.setCellStyle(decimal);
                        }
                        case PERCENT -> {
                            cell.setCellValue(number(value).doubleValue());
                            cell.setCellStyle(percent);
                        }
                        case DATE -> {
                            cell.setCellValue(date(value));
                            cell.setCellStyle(date);
                        }
                    }
                    widths[i] = Math.max(widths[i], excelText(type, value).length());
                }
            }
            for (int i = 0; i < widths.length; i++) {
                // Width in 1/256 of a character; a little room for the bold header and the filter arrow.
                sheet.setColumnWidth(i, Math.min(255, widths[i] + 3) * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} prefixed with {@code '} when a spreadsheet would take it for a formula. */
    public static String neutralised(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    private static String excelText(Type type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> neutralised(String.valueOf(value));
            case INTEGER -> String.valueOf(number(value).longValue());
            case DECIMAL -> plain(number(value)).replace('.', ',');
            case PERCENT ->
                number(value)
                                .multiply(BigDecimal.valueOf(100))
                                .setScale(1, RoundingMode.HALF_UP)
                                .toPlainString()
                                .replace('.', ',')
                        + "%";
            case DATE -> date(value).toString();
        };
    }

    private static String machineText(Type type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> neutralised(String.valueOf(value));
            case INTEGER -> String.valueOf(number(value).longValue());
            case DECIMAL, PERCENT -> plain(number(value));
            case DATE -> date(value).toString();
        };
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        throw new IllegalArgumentException("Not a number: " + value);
    }

    private static String plain(BigDecimal value) {
        String text = value.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return LocalDate.parse(String.valueOf(value));
    }

    /** Excel's sheet names: at most 31 characters, none of {@code : \ / ? * [ ]}. */
    private static String sheetName(String name) {
        String cleaned = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned.isEmpty() ? "Tabell" : cleaned;
    }

    private static void line(StringBuilder out, List<String> cells, char separator) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(quoted(cells.get(i), separator));
        }
        out.append("\r\n");
    }

    private static String quoted(String cell, char separator) {
        boolean quote = cell.indexOf(separator) >= 0
                || cell.indexOf('"') >= 0
                || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
