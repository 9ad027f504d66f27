package dev.cairn.lab.report;

import java.util.Locale;

/** A few SVG elements as text; every piece of text is escaped, since style names and messages end up inside. */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String title) {
        out.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                width,
                height,
                width,
                height,
                escape(title)));
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        out.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">",
                x,
                y,
                Math.max(0, w),
                Math.max(0, h),
                fill));
        if (tooltip != null) {
            out.append("<title>").append(escape(tooltip)).append("</title>");
        }
        out.append("</rect>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, boolean dashed) {
        out.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                x1,
                y1,
                x2,
                y2,
                stroke,
                width,
                dashed ? " stroke-dasharray=\"4 3\"" : ""));
        return this;
    }

    Svg polyline(String points, String stroke, String tooltip) {
        out.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                .append(stroke)
                .append("\" points=\"")
                .append(points)
                .append("\">");
        out.append("<title>").append(escape(tooltip)).append("</title></polyline>");
        return this;
    }

    Svg text(double x, double y, String text, String anchor, int size, String fill) {
        out.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">",
                        x,
                        y,
                        anchor,
                        size,
                        fill))
                .append(escape(text))
                .append("</text>");
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
