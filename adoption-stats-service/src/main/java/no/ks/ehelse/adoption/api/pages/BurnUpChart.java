package no.ks.ehelse.adoption.api.pages;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/**
 * A burn-up chart as server-rendered SVG: municipalities that reached the level per month, a horizontal line at the
 * ambition and a dashed projection to the month the trend reaches it. The page puts the same numbers in a table
 * beside it and a sentence above it, so the chart is never the only way to read them.
 */
final class BurnUpChart {

    record Point(YearMonth month, long reached) {}

    private static final int WIDTH = 720;
    private static final int HEIGHT = 320;
    private static final int LEFT = 56;
    private static final int RIGHT = 24;
    private static final int TOP = 24;
    private static final int BOTTOM = 48;

    private BurnUpChart() {}

    /**
     * @param goal      the ambition's number of municipalities, or null
     * @param projected the month the trend reaches the goal, or null (not drawn)
     */
    static String svg(String title, List<Point> points, Long goal, String goalLabel, YearMonth projected) {
        if (points.isEmpty()) {
            return "";
        }
        YearMonth first = points.get(0).month();
        YearMonth last = points.get(points.size() - 1).month();
        YearMonth end = projected != null && projected.isAfter(last) ? projected : last;
        long months = Math.max(1, first.until(end, java.time.temporal.ChronoUnit.MONTHS));
        long max = points.stream().mapToLong(Point::reached).max().orElse(0);
        if (goal != null) {
            max = Math.max(max, goal);
        }
        long top = niceTop(max);
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"eh-chart\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"burnup-tittel\" xmlns=\"http://www.w3.org/2000/svg\">");
        s.append("<title id=\"burnup-tittel\">").append(escape(title)).append("</title>");
        // Axes and grid lines at quarters of the top.
        for (int i = 0; i <= 4; i++) {
            long value = top * i / 4;
            double y = y(value, top);
            s.append(line(LEFT, y, WIDTH - RIGHT, y, "#d0d5dd", null));
            s.append(text(LEFT - 8, y + 4, String.valueOf(value), "end"));
        }
        s.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, "#4a5563", null));
        // Month labels: at most about 12.
        long step = Math.max(1, (months + 11) / 12);
        for (long i = 0; i <= months; i += step) {
            YearMonth m = first.plusMonths(i);
            s.append(text(x(i, months), HEIGHT - BOTTOM + 18, m.getMonthValue() + "/" + (m.getYear() % 100), "middle"));
        }
        if (goal != null) {
            double y = y(goal, top);
            s.append(line(LEFT, y, WIDTH - RIGHT, y, "#a15c00", "6 4"));
            s.append(text(WIDTH - RIGHT, y - 6, goalLabel, "end"));
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            long index = first.until(p.month(), java.time.temporal.ChronoUnit.MONTHS);
            path.append(i == 0 ? "M" : " L")
                    .append(fmt(x(index, months)))
                    .append(',')
                    .append(fmt(y(p.reached(), top)));
        }
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1e5aa8\" stroke-width=\"3\"/>");
        for (Point p : points) {
            long index = first.until(p.month(), java.time.temporal.ChronoUnit.MONTHS);
            s.append("<circle cx=\"")
                    .append(fmt(x(index, months)))
                    .append("\" cy=\"")
                    .append(fmt(y(p.reached(), top)))
                    .append("\" r=\"3\" fill=\"#1e5aa8\"/>");
        }
        if (projected != null && goal != null && projected.isAfter(last)) {
            Point lastPoint = points.get(points.size() - 1);
            s.append(line(
                    x(first.until(last, java.time.temporal.ChronoUnit.MONTHS), months),
                    y(lastPoint.reached(), top),
                    x(months, months),
                    y(goal, top),
                    "#1e5aa8",
                    "4 4"));
        }
        s.append("</svg>");
        return s.toString();
    }

    private static long niceTop(long max) {
        if (max <= 4) {
            return 4;
        }
        long step = (long) Math.pow(10, Math.floor(Math.log10(max)));
        long top = ((max + step - 1) / step) * step;
        return top % 4 == 0 ? top : top + (4 - top % 4);
    }

    private static double x(long index, long months) {
        return LEFT + (WIDTH - LEFT - RIGHT) * (double) index / months;
    }

    private static double y(long value, long top) {
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (double) value / top;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String dash) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
                + "\" stroke=\"" + colour + "\" stroke-width=\"2\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
                + "/>";
    }

    private static String text(double x, double y, String value, String anchor) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" font-size=\"13\" fill=\"#1f2937\" text-anchor=\""
                + anchor + "\">" + escape(value) + "</text>";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
