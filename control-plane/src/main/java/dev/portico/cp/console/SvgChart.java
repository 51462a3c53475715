package dev.portico.cp.console;

import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG, drawn on the server: the console needs no chart library and no
 * script for it, and the chart has a text alternative for screen readers. Pure: numbers in, markup out.
 *
 * @param title  what the chart shows, also its accessible name
 * @param unit   appended to the axis maximum ("req", "ms")
 * @param xFirst label under the left end (the oldest point)
 * @param xLast  label under the right end
 * @param series one or more lines over the same points; a null value is a gap
 * @param width  of the drawing in SVG units, text being 11 units high: about the width in CSS pixels
 *               the chart will get, so that its labels keep a readable size when it scales
 */
public record SvgChart(String title, String unit, String xFirst, String xLast, List<Series> series, int width) {

    /** Wide enough for a chart that spans a page. */
    static final int WIDTH = 600;

    public SvgChart(String title, String unit, String xFirst, String xLast, List<Series> series) {
        this(title, unit, xFirst, xLast, series, WIDTH);
    }
    static final int HEIGHT = 160;
    private static final int LEFT = 48;
    private static final int BOTTOM = 20;
    private static final int TOP = 8;

    /** One line: its name (in the legend) and CSS class (its colour, from the console's stylesheet). */
    public record Series(String name, String cssClass, List<Long> values) {
    }

    /** The chart's markup: {@code <svg>} with a {@code <title>}, axes, lines and a legend. */
    public String render() {
        long max = Math.max(1, series.stream().flatMap(s -> s.values().stream())
                .filter(v -> v != null).mapToLong(Long::longValue).max().orElse(0));
        StringBuilder svg = new StringBuilder(2_048);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\"><title>")
                .append(escape(title)).append("</title>");
        axes(svg, max);
        for (Series line : series) {
            line(svg, line, max);
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private void axes(StringBuilder svg, long max) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("<g class=\"axis\"><line x1=\"").append(LEFT).append("\" y1=\"").append(bottom)
                .append("\" x2=\"").append(width).append("\" y2=\"").append(bottom).append("\"/>")
                .append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(bottom).append("\"/>")
                .append(text(LEFT - 4, TOP + 10, "end", max + " " + unit))
                .append(text(LEFT - 4, bottom, "end", "0"))
                .append(text(LEFT, HEIGHT - 4, "start", xFirst))
                .append(text(width, HEIGHT - 4, "end", xLast))
                .append("</g>");
    }

    private void line(StringBuilder svg, Series line, long max) {
        List<Long> values = line.values();
        svg.append("<polyline class=\"").append(escape(line.cssClass())).append("\" points=\"");
        for (int i = 0; i < values.size(); i++) {
            Long value = values.get(i);
            if (value != null) {
                svg.append(format(x(i, values.size()))).append(',').append(format(y(value, max))).append(' ');
            }
        }
        svg.append("\"><title>").append(escape(line.name())).append("</title></polyline>");
        // A point with gaps on both sides draws no line: a dot shows it (a quiet hour's one busy minute).
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && (i == 0 || values.get(i - 1) == null)
                    && (i == values.size() - 1 || values.get(i + 1) == null)) {
                svg.append("<circle class=\"").append(escape(line.cssClass())).append("\" cx=\"")
                        .append(format(x(i, values.size()))).append("\" cy=\"").append(format(y(values.get(i), max)))
                        .append("\" r=\"3\"/>");
            }
        }
    }

    private void legend(StringBuilder svg) {
        int x = LEFT + 8;
        for (Series line : series) {
            svg.append("<g class=\"legend ").append(escape(line.cssClass())).append("\"><rect x=\"").append(x)
                    .append("\" y=\"").append(TOP).append("\" width=\"10\" height=\"10\"/>")
                    .append(text(x + 14, TOP + 9, "start", line.name())).append("</g>");
            x += 24 + 7 * line.name().length();
        }
    }

    private double x(int index, int count) {
        return count <= 1 ? LEFT : LEFT + (double) (width - LEFT) * index / (count - 1);
    }

    private static double y(long value, long max) {
        return HEIGHT - BOTTOM - (double) (HEIGHT - BOTTOM - TOP) * value / max;
    }

    private static String text(int x, int y, String anchor, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + escape(content) + "</text>";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
