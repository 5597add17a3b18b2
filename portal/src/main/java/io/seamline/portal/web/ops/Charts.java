package io.seamline.portal.web.ops;

import io.seamline.model.sla.DailyBreaches;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * Small charts drawn on the server as SVG, so the dashboard needs no chart library and no script: a stacked bar per
 * day. Each chart carries a text description for screen readers, and the numbers are also in a table beside it.
 */
final class Charts {

    /** Series colours with at least 3:1 contrast against white. */
    static final List<String> PALETTE =
            List.of("#0b5cad", "#a4161a", "#8a5300", "#1a6b35", "#6a3d9a", "#00707a", "#b5179e", "#4a5360");

    private static final int WIDTH = 720;
    private static final int HEIGHT = 180;
    private static final int BOTTOM = 24;
    private static final int LEFT = 28;

    private Charts() {}

    /** A series' name and colour, for the legend. */
    public record Legend(String name, String colour) {}

    /** One stacked bar per day, a segment per series; {@code description} is read out instead of the picture. */
    public static String stackedBars(List<LocalDate> days, Map<String, long[]> series, String description) {
        long max = 1;
        for (int d = 0; d < days.size(); d++) {
            long sum = 0;
            for (long[] values : series.values()) {
                sum += values[d];
            }
            max = Math.max(max, sum);
        }
        double slot = (WIDTH - LEFT) / (double) Math.max(1, days.size());
        double scale = (HEIGHT - BOTTOM - 8) / (double) max;
        var svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"100%\" aria-label=\"")
                .append(HtmlUtils.htmlEscape(description))
                .append("\"><title>")
                .append(HtmlUtils.htmlEscape(description))
                .append("</title>");
        int baseline = HEIGHT - BOTTOM;
        svg.append("<line x1=\"")
                .append(LEFT)
                .append("\" y1=\"")
                .append(baseline)
                .append("\" x2=\"")
                .append(WIDTH)
                .append("\" y2=\"")
                .append(baseline)
                .append("\" stroke=\"#8c959f\"/>");
        svg.append("<text x=\"0\" y=\"12\">").append(max).append("</text>");
        svg.append("<text x=\"0\" y=\"").append(baseline).append("\">0</text>");
        for (int d = 0; d < days.size(); d++) {
            double x = LEFT + d * slot + slot * 0.15;
            double y = baseline;
            int colour = 0;
            for (var entry : series.entrySet()) {
                long value = entry.getValue()[d];
                if (value > 0) {
                    double h = value * scale;
                    y -= h;
                    svg.append(String.format(
                            java.util.Locale.ROOT,
                            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>",
                            x,
                            y,
                            slot * 0.7,
                            h,
                            PALETTE.get(colour % PALETTE.size()),
                            days.get(d),
                            HtmlUtils.htmlEscape(entry.getKey()),
                            value));
                }
                colour++;
            }
            if (d % 7 == 0 || d == days.size() - 1 && d % 7 > 3) {
                svg.append(String.format(
                        java.util.Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\">%s</text>",
                        LEFT + d * slot,
                        HEIGHT - 6,
                        days.get(d).toString().substring(5)));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The legend of a chart's series, in the chart's colours. */
    public static List<Legend> legend(Map<String, long[]> series) {
        var legend = new ArrayList<Legend>();
        int i = 0;
        for (String name : series.keySet()) {
            legend.add(new Legend(name, PALETTE.get(i++ % PALETTE.size())));
        }
        return legend;
    }

    /** Breaches per day by kind, for {@code days}. */
    public static Map<String, long[]> perDay(List<LocalDate> days, List<DailyBreaches> facts) {
        var series = new LinkedHashMap<String, long[]>();
        for (DailyBreaches fact : facts) {
            int index = days.indexOf(fact.day());
            if (index >= 0) {
                series.computeIfAbsent(fact.kind(), k -> new long[days.size()])[index] += fact.count();
            }
        }
        return series;
    }
}
