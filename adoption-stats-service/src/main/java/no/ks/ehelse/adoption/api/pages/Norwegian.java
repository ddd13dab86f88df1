package no.ks.ehelse.adoption.api.pages;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers, shares, months and dates as the pages write them in bokmål (decimal comma, "42,3 %", "mai 2024"). */
final class Norwegian {

    private static final Locale NB = Locale.forLanguageTag("nb-NO");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", NB);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", NB);

    private Norwegian() {}

    static String decimal(double value) {
        DecimalFormat format = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(NB));
        return format.format(value);
    }

    static String percent(double share) {
        DecimalFormat format = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(NB));
        return format.format(share * 100) + " %";
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static String month(String period) {
        return MONTH.format(YearMonth.parse(period));
    }
}
