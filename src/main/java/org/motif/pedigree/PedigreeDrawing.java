package org.motif.pedigree;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws a pedigree in the standard nomenclature (Bennett et al. 2008; 2022 update) as SVG text or PNG
 * bytes from one {@link PedigreeLayout}: square male, circle female, diamond unknown sex; affected
 * filled, with a fill or pattern per {@link DystoniaType} and a legend; proband arrow; deceased slash;
 * generation numerals I, II, III and individual numbers; couple lines (double when consanguineous);
 * sibship lines; twins joined at one point (monozygotic with a bar); labels with id and age at onset.
 */
public final class PedigreeDrawing {
    /** Half the side of a symbol, in drawing units. */
    public static final double R = 18;
    private static final double LABEL_FONT = 11;

    private PedigreeDrawing() {
    }

    /**
     * The drawing as a standalone SVG document.
     *
     * @param linkPrefix when not null, each symbol links to {@code linkPrefix + id} (e.g. {@code participant/})
     */
    public static String svg(List<Individual> members, List<Couple> couples, String title, String linkPrefix) {
        PedigreeLayout.Result l = PedigreeLayout.layout(members, couples);
        Set<DystoniaType> used = typesUsed(members);
        boolean affectedUntyped = members.stream().anyMatch(i -> i.affection() == Affection.AFFECTED && i.phenotype().dystoniaType() == null);
        double legendW = 340;
        double w = Math.max(l.width(), 300) + legendW, h = Math.max(l.height(), 60 + 24 * (used.size() + 5));
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
                + "font-family=\"DejaVu Sans, Arial, sans-serif\" role=\"img\" aria-label=\"Pedigree of %s\">\n", w, h, w, h, esc(title)));
        s.append("<title>Pedigree of ").append(esc(title)).append("</title>\n<defs>\n");
        for (DystoniaType t : DystoniaType.values()) s.append(pattern(t));
        s.append("<marker id=\"arrowhead\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#000\"/></marker>\n");
        s.append("</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        s.append("<g stroke=\"#000\" stroke-width=\"1.6\" fill=\"none\">\n");
        for (Line line : lines(l)) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", line.x1, line.y1, line.x2, line.y2));
        }
        s.append("</g>\n");
        for (int g = 0; g < l.generations(); g++) {
            s.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%.1f\" font-size=\"16\" font-weight=\"bold\">%s</text>\n",
                    PedigreeLayout.MARGIN_TOP + 26 + g * PedigreeLayout.V_SPACING, roman(g + 1)));
        }
        for (PedigreeLayout.Node n : l.nodes()) {
            Individual i = n.individual();
            if (linkPrefix != null) s.append("<a href=\"").append(esc(linkPrefix + i.id())).append("\">");
            s.append("<g class=\"ped-individual\" data-id=\"").append(esc(i.id())).append("\"><title>").append(esc(tooltip(i))).append("</title>");
            s.append(symbolSvg(i, n.x(), n.y(), R, fillRef(i)));
            if (i.deceased()) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-width=\"1.6\"/>",
                        n.x() - R - 6, n.y() + R + 6, n.x() + R + 6, n.y() - R - 6));
            }
            if (i.proband()) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\" stroke-width=\"1.8\" marker-end=\"url(#arrowhead)\"/>"
                        + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-weight=\"bold\">P</text>",
                        n.x() - R - 26, n.y() + R + 8, n.x() - R - 4, n.y() + 7, n.x() - R - 36, n.y() + R + 14));
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#444\" text-anchor=\"end\">%d</text>", n.x() - R - 3, n.y() - R + 4, n.number()));
            List<String> labels = labels(i);
            for (int k = 0; k < labels.size(); k++) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" text-anchor=\"middle\"%s>%s</text>", n.x(),
                        n.y() + R + 14 + k * 13, LABEL_FONT, i.placeholder() ? " fill=\"#777\"" : "", esc(labels.get(k))));
            }
            s.append("</g>");
            if (linkPrefix != null) s.append("</a>");
            s.append('\n');
        }
        double lx = Math.max(l.width(), 300) + 10, ly = 40;
        s.append(String.format(Locale.ROOT, "<g class=\"ped-legend\"><text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" font-weight=\"bold\">Legend</text>", lx, ly));
        for (LegendEntry e : legend(used, affectedUntyped)) {
            ly += 24;
            if (e.fill == null) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>", lx, ly, esc(e.text)));
                continue;
            }
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" height=\"16\" fill=\"%s\" stroke=\"#000\" stroke-width=\"1.2\"/>"
                    + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>", lx, ly - 12, e.fill, lx + 24, ly, esc(e.text)));
        }
        s.append("</g>\n</svg>\n");
        return s.toString();
    }

    /** The same drawing as PNG (Java2D, no web calls), at {@code 1.5}x the SVG's size. */
    public static byte[] png(List<Individual> members, List<Couple> couples, String title) {
        PedigreeLayout.Result l = PedigreeLayout.layout(members, couples);
        Set<DystoniaType> used = typesUsed(members);
        boolean affectedUntyped = members.stream().anyMatch(i -> i.affection() == Affection.AFFECTED && i.phenotype().dystoniaType() == null);
        double scale = 1.5;
        double w = Math.max(l.width(), 300) + 340, h = Math.max(l.height(), 60 + 24 * (used.size() + 5));
        BufferedImage img = new BufferedImage((int) (w * scale), (int) (h * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.6f));
            for (Line line : lines(l)) g.draw(new Line2D.Double(line.x1, line.y1, line.x2, line.y2));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            for (int gen = 0; gen < l.generations(); gen++) {
                g.drawString(roman(gen + 1), 20f, (float) (PedigreeLayout.MARGIN_TOP + 26 + gen * PedigreeLayout.V_SPACING));
            }
            for (PedigreeLayout.Node n : l.nodes()) {
                Individual i = n.individual();
                Shape shape = shape(i.sex(), n.x(), n.y(), R);
                Paint fill = paint(i);
                if (fill != null) {
                    g.setPaint(fill);
                    g.fill(shape);
                }
                g.setPaint(Color.BLACK);
                g.draw(shape);
                if (i.deceased()) g.draw(new Line2D.Double(n.x() - R - 6, n.y() + R + 6, n.x() + R + 6, n.y() - R - 6));
                if (i.proband()) {
                    double x1 = n.x() - R - 26, y1 = n.y() + R + 8, x2 = n.x() - R - 4, y2 = n.y() + 7;
                    g.draw(new Line2D.Double(x1, y1, x2, y2));
                    double len = Math.hypot(x2 - x1, y2 - y1), ux = (x2 - x1) / len, uy = (y2 - y1) / len;
                    Path2D head = new Path2D.Double();
                    head.moveTo(x2, y2);
                    head.lineTo(x2 - 8 * ux - 4 * uy, y2 - 8 * uy + 4 * ux);
                    head.lineTo(x2 - 8 * ux + 4 * uy, y2 - 8 * uy - 4 * ux);
                    head.closePath();
                    g.fill(head);
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
                    g.drawString("P", (float) (n.x() - R - 36), (float) (n.y() + R + 14));
                }
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                g.setColor(Color.DARK_GRAY);
                String num = String.valueOf(n.number());
                g.drawString(num, (float) (n.x() - R - 3 - g.getFontMetrics().stringWidth(num)), (float) (n.y() - R + 4));
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) LABEL_FONT));
                g.setColor(i.placeholder() ? Color.GRAY : Color.BLACK);
                List<String> labels = labels(i);
                for (int k = 0; k < labels.size(); k++) {
                    int tw = g.getFontMetrics().stringWidth(labels.get(k));
                    g.drawString(labels.get(k), (float) (n.x() - tw / 2.0), (float) (n.y() + R + 14 + k * 13));
                }
                g.setColor(Color.BLACK);
            }
            double lx = Math.max(l.width(), 300) + 10, ly = 40;
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString("Legend", (float) lx, (float) ly);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (LegendEntry e : legend(used, affectedUntyped)) {
                ly += 24;
                if (e.fill == null) {
                    g.drawString(e.text, (float) lx, (float) ly);
                    continue;
                }
                Rectangle2D box = new Rectangle2D.Double(lx, ly - 12, 16, 16);
                if (e.paint != null) {
                    g.setPaint(e.paint);
                    g.fill(box);
                }
                g.setPaint(Color.BLACK);
                g.setStroke(new BasicStroke(1.2f));
                g.draw(box);
                g.drawString(e.text, (float) (lx + 24), (float) ly);
            }
        } finally {
            g.dispose();
        }
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A straight line segment of the drawing (couple, sibship and descent lines). */
    public record Line(double x1, double y1, double x2, double y2) {
    }

    /** Every connecting line of a layout: couple lines (two for consanguineous couples), sibship and descent lines. */
    public static List<Line> lines(PedigreeLayout.Result l) {
        List<Line> out = new ArrayList<>();
        Map<String, PedigreeLayout.Node> node = new LinkedHashMap<>();
        l.nodes().forEach(n -> node.put(n.id(), n));
        for (PedigreeLayout.CoupleLine c : l.couples()) {
            var a = node.get(c.left());
            var b = node.get(c.right());
            double x1 = a.x() + R, x2 = b.x() - R;
            if (a.y() != b.y()) {
                out.add(new Line(a.x() + R, a.y(), b.x() - R, b.y()));
            } else if (c.consanguineous()) {
                out.add(new Line(x1, a.y() - 3, x2, a.y() - 3));
                out.add(new Line(x1, a.y() + 3, x2, a.y() + 3));
            } else {
                out.add(new Line(x1, a.y(), x2, a.y()));
            }
        }
        for (PedigreeLayout.Sibship s : l.sibships()) {
            var p1 = s.parent1() == null ? null : node.get(s.parent1());
            var p2 = s.parent2() == null ? null : node.get(s.parent2());
            double fromX, fromY;
            if (p1 != null && p2 != null) {
                fromX = (p1.x() + p2.x()) / 2;
                fromY = Math.max(p1.y(), p2.y());
            } else {
                var p = p1 != null ? p1 : p2;
                fromX = p.x();
                fromY = p.y() + R;
            }
            List<PedigreeLayout.Node> kids = s.children().stream().map(node::get).toList();
            double barY = kids.get(0).y() - PedigreeLayout.V_SPACING / 2 + 8;
            out.add(new Line(fromX, fromY, fromX, barY));
            // twins: one apex on the bar per twin group
            Map<String, List<PedigreeLayout.Node>> groups = new LinkedHashMap<>();
            for (var k : kids) {
                String tg = k.individual().twinGroup();
                groups.computeIfAbsent(tg == null ? "\u0000" + k.id() : tg, x -> new ArrayList<>()).add(k);
            }
            double minX = fromX, maxX = fromX;
            List<Double> apexes = new ArrayList<>();
            for (var gr : groups.values()) {
                double ax = gr.stream().mapToDouble(PedigreeLayout.Node::x).average().orElse(0);
                apexes.add(ax);
                minX = Math.min(minX, ax);
                maxX = Math.max(maxX, ax);
                for (var k : gr) out.add(new Line(ax, barY, k.x(), k.y() - R));
                if (gr.size() >= 2 && "monozygotic".equals(gr.get(0).individual().twinType())) {
                    double t = 0.5;
                    var a = gr.get(0);
                    var b = gr.get(gr.size() - 1);
                    out.add(new Line(ax + (a.x() - ax) * t, barY + (a.y() - R - barY) * t, ax + (b.x() - ax) * t, barY + (b.y() - R - barY) * t));
                }
            }
            if (maxX > minX) out.add(new Line(minX, barY, maxX, barY));
        }
        return out;
    }

    private static Set<DystoniaType> typesUsed(List<Individual> members) {
        Set<DystoniaType> used = EnumSet.noneOf(DystoniaType.class);
        for (Individual i : members) if (i.affection() == Affection.AFFECTED && i.phenotype().dystoniaType() != null) used.add(i.phenotype().dystoniaType());
        return used;
    }

    private record LegendEntry(String fill, Paint paint, String text) {
    }

    private static List<LegendEntry> legend(Set<DystoniaType> used, boolean affectedUntyped) {
        List<LegendEntry> out = new ArrayList<>();
        for (DystoniaType t : used) out.add(new LegendEntry("url(#pat-" + t.code() + ")", texture(t), "Affected: " + t.title()));
        if (affectedUntyped || used.isEmpty()) out.add(new LegendEntry("#555", new Color(0x55, 0x55, 0x55), "Affected, type not recorded"));
        out.add(new LegendEntry("#fff", null, "Unaffected or unknown"));
        out.add(new LegendEntry(null, null, "\u25a1 male  \u25cb female  \u25c7 sex unknown"));
        out.add(new LegendEntry(null, null, "/ deceased   P\u2197 proband"));
        return out;
    }

    private static String fillRef(Individual i) {
        if (i.affection() != Affection.AFFECTED) return "#fff";
        DystoniaType t = i.phenotype().dystoniaType();
        return t == null ? "#555" : "url(#pat-" + t.code() + ")";
    }

    private static Paint paint(Individual i) {
        if (i.affection() != Affection.AFFECTED) return null;
        DystoniaType t = i.phenotype().dystoniaType();
        return t == null ? new Color(0x55, 0x55, 0x55) : texture(t);
    }

    /** SVG pattern per dystonia type: solid black for musician's hand dystonia, distinct hatching for the others. */
    private static String pattern(DystoniaType t) {
        String body = switch (t) {
            case MUSICIANS_FOCAL_HAND_DYSTONIA -> "<rect width=\"8\" height=\"8\" fill=\"#000\"/>";
            case EMBOUCHURE_DYSTONIA -> "<rect width=\"8\" height=\"8\" fill=\"#fff\"/><rect width=\"8\" height=\"4\" fill=\"#000\"/>";
            case WRITERS_CRAMP -> "<rect width=\"8\" height=\"8\" fill=\"#fff\"/><path d=\"M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6\" stroke=\"#000\" stroke-width=\"2.2\"/>";
            case OTHER_TASK_SPECIFIC -> "<rect width=\"8\" height=\"8\" fill=\"#fff\"/><path d=\"M0,0 L8,8 M8,0 L0,8\" stroke=\"#000\" stroke-width=\"1.6\"/>";
            case OTHER_FOCAL -> "<rect width=\"8\" height=\"8\" fill=\"#fff\"/><circle cx=\"4\" cy=\"4\" r=\"2\" fill=\"#000\"/>";
            case SEGMENTAL_GENERALIZED -> "<rect width=\"8\" height=\"8\" fill=\"#fff\"/><rect width=\"4\" height=\"8\" fill=\"#000\"/>";
            case TREMOR_ONLY -> "<rect width=\"8\" height=\"8\" fill=\"#bbb\"/>";
        };
        return "<pattern id=\"pat-" + t.code() + "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">" + body + "</pattern>\n";
    }

    private static Paint texture(DystoniaType t) {
        BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        g.setColor(t == DystoniaType.TREMOR_ONLY ? new Color(0xbb, 0xbb, 0xbb) : t == DystoniaType.MUSICIANS_FOCAL_HAND_DYSTONIA ? Color.BLACK : Color.WHITE);
        g.fillRect(0, 0, 8, 8);
        g.setColor(Color.BLACK);
        switch (t) {
            case EMBOUCHURE_DYSTONIA -> g.fillRect(0, 0, 8, 4);
            case WRITERS_CRAMP -> {
                g.setStroke(new BasicStroke(2.2f));
                g.drawLine(0, 8, 8, 0);
                g.drawLine(-2, 2, 2, -2);
                g.drawLine(6, 10, 10, 6);
            }
            case OTHER_TASK_SPECIFIC -> {
                g.drawLine(0, 0, 8, 8);
                g.drawLine(8, 0, 0, 8);
            }
            case OTHER_FOCAL -> g.fillOval(2, 2, 4, 4);
            case SEGMENTAL_GENERALIZED -> g.fillRect(0, 0, 4, 8);
            default -> { }
        }
        g.dispose();
        return new TexturePaint(tile, new Rectangle2D.Double(0, 0, 8, 8));
    }

    private static String symbolSvg(Individual i, double x, double y, double r, String fill) {
        String style = " fill=\"" + fill + "\" stroke=\"#000\" stroke-width=\"1.8\"";
        return switch (i.sex()) {
            case MALE -> String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"%s/>", x - r, y - r, 2 * r, 2 * r, style);
            case FEMALE -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"%s/>", x, y, r, style);
            case UNKNOWN -> String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"%s/>",
                    x, y - r * 1.2, x + r * 1.2, y, x, y + r * 1.2, x - r * 1.2, y, style);
        };
    }

    private static Shape shape(Sex sex, double x, double y, double r) {
        return switch (sex) {
            case MALE -> new Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r);
            case FEMALE -> new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            case UNKNOWN -> {
                Path2D p = new Path2D.Double();
                p.moveTo(x, y - r * 1.2);
                p.lineTo(x + r * 1.2, y);
                p.lineTo(x, y + r * 1.2);
                p.lineTo(x - r * 1.2, y);
                p.closePath();
                yield p;
            }
        };
    }

    private static List<String> labels(Individual i) {
        List<String> out = new ArrayList<>();
        out.add(i.placeholder() ? i.id() + " (unknown)" : i.id());
        if (i.phenotype().ageAtOnset() != null) out.add("onset " + i.phenotype().ageAtOnset() + " y");
        if (i.twinGroup() != null && i.twinType() != null && !"unknown".equals(i.twinType())) out.add(("monozygotic".equals(i.twinType()) ? "MZ" : "DZ") + " twin");
        return out;
    }

    private static String tooltip(Individual i) {
        StringBuilder t = new StringBuilder(i.id()).append(", ").append(i.sex().label()).append(", ").append(i.affection().label());
        if (i.phenotype().dystoniaType() != null) t.append(", ").append(i.phenotype().dystoniaType().title());
        if (i.birthYear() != null) t.append(", born ").append(i.birthYear());
        return t.toString();
    }

    /** Roman numeral of a generation (1 → I). */
    public static String roman(int n) {
        String[] r = {"X", "IX", "V", "IV", "I"};
        int[] v = {10, 9, 5, 4, 1};
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < v.length; k++) while (n >= v[k]) { s.append(r[k]); n -= v[k]; }
        return s.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
