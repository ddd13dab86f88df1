package no.ks.ehelse.adoption.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import no.ks.ehelse.platform.api.ProblemException;
import no.ks.ehelse.platform.api.TableExport;

/**
 * Tables as CSV (a header row, comma-separated, RFC 4180 quoting), in and out: the machine form that
 * {@code Accept: text/csv} answers. Text that a spreadsheet would take for a formula is neutralised as in every
 * download ({@link TableExport#neutralised}).
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";
    private static final CsvMapper MAPPER = new CsvMapper();

    private Csv() {}

    static String write(List<String> header, List<List<Object>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        try {
            List<List<Object>> safe = rows.stream()
                    .map(row -> row.stream()
                            .map(v -> v instanceof String text ? (Object) TableExport.neutralised(text) : v)
                            .toList())
                    .toList();
            return MAPPER.writer(schema.build()).writeValueAsString(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows keyed by the header's names; row numbers count the header as line 1, as a spreadsheet shows them. */
    static List<Map<String, String>> read(String body) {
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(body == null ? "" : body)) {
            List<Map<String, String>> rows = new ArrayList<>();
            while (it.hasNext()) {
                rows.add(new LinkedHashMap<>(it.next()));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new ProblemException(
                    400,
                    "unreadable-body",
                    "Invalid request",
                    "The body is not CSV with a header row: " + e.getMessage());
        }
    }
}
