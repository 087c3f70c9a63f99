package org.motif.pedigree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Generation-based pedigree layout (plain Java): each generation is a row; founders who marry into
 * the family stand beside their partner; a person with two partners stands between them; children
 * are centred under their parents, and a family unit pushed right by its neighbours takes its
 * descendants along, so symbols never overlap. Positions are in drawing units (1 unit = 1 SVG pixel):
 * symbol centres {@link #H_SPACING} apart at least, rows {@link #V_SPACING} apart.
 */
public final class PedigreeLayout {
    public static final double H_SPACING = 96;
    public static final double V_SPACING = 130;
    public static final double MARGIN_LEFT = 70;
    public static final double MARGIN_TOP = 50;

    /** One placed individual: generation 0 is the top row; {@code number} is 1-based within the row. */
    public record Node(Individual individual, int generation, int number, double x, double y) {
        public String id() {
            return individual.id();
        }
    }

    /** A couple line between two placed partners. */
    public record CoupleLine(String left, String right, boolean consanguineous) {
    }

    /** Children of one couple (or of a single known parent: {@code parent2} null), drawn on a sibship line. */
    public record Sibship(String parent1, String parent2, List<String> children) {
    }

    /** The whole layout; {@code width}/{@code height} include margins. */
    public record Result(List<Node> nodes, List<CoupleLine> couples, List<Sibship> sibships, int generations, double width, double height) {
        public Node node(String id) {
            return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
        }
    }

    private PedigreeLayout() {
    }

    /**
     * Lays out one family.
     *
     * @param members  the family's individuals; parents not among them are ignored
     * @param explicit couples recorded without (or besides) children; may be empty, never null
     */
    public static Result layout(List<Individual> members, List<Couple> explicit) {
        Map<String, Individual> byId = new LinkedHashMap<>();
        members.stream().sorted(Comparator.comparing(Individual::id, NaturalOrder.INSTANCE)).forEach(i -> byId.put(i.id(), i));
        // couples: from children, then explicit ones
        Map<String, List<String>> partners = new LinkedHashMap<>();
        Map<String, Boolean> consanguineous = new HashMap<>();
        Map<String, List<String>> childrenOf = new LinkedHashMap<>(); // key couple key or single parent id
        for (Individual i : byId.values()) {
            String f = byId.containsKey(i.fatherId()) ? i.fatherId() : null;
            String m = byId.containsKey(i.motherId()) ? i.motherId() : null;
            if (f != null && m != null) addPartner(partners, f, m);
            if (f != null || m != null) childrenOf.computeIfAbsent(key(f, m), k -> new ArrayList<>()).add(i.id());
        }
        for (Couple c : explicit) {
            if (byId.containsKey(c.partner1()) && byId.containsKey(c.partner2())) {
                addPartner(partners, c.partner1(), c.partner2());
                if (c.consanguineous()) consanguineous.put(key(c.partner1(), c.partner2()), true);
            }
        }
        for (List<String> kids : childrenOf.values()) kids.sort(Comparator.comparing((String k) -> byId.get(k).birthYear() == null ? Integer.MAX_VALUE
                : byId.get(k).birthYear()).thenComparing(NaturalOrder.INSTANCE));
        Map<String, Integer> gen = generations(byId, partners);

        // order within rows by depth-first walk from the founders of the top row
        Map<Integer, List<String>> rows = new HashMap<>();
        Set<String> placed = new HashSet<>();
        List<String> roots = byId.values().stream().filter(i -> parentsIn(i, byId).isEmpty()).map(Individual::id)
                .sorted(Comparator.comparing((String id) -> gen.get(id)).thenComparing(id -> partners.getOrDefault(id, List.of()).stream()
                        .noneMatch(p -> !parentsIn(byId.get(p), byId).isEmpty()) ? 0 : 1)
                        .thenComparing(id -> byId.get(id).sex() == Sex.MALE ? 0 : 1).thenComparing(NaturalOrder.INSTANCE)).toList();
        for (String r : roots) visit(r, byId, partners, childrenOf, gen, rows, placed);
        for (String id : byId.keySet()) visit(id, byId, partners, childrenOf, gen, rows, placed);

        int depth = rows.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<String, Double> x = new HashMap<>();
        for (int g = depth - 1; g >= 0; g--) {
            List<String> row = rows.getOrDefault(g, List.of());
            double prev = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < row.size(); k++) {
                String id = row.get(k);
                double desired = prev + H_SPACING;
                List<String> kids = null;
                String next = k + 1 < row.size() ? row.get(k + 1) : null;
                String before = k > 0 ? row.get(k - 1) : null;
                boolean coupledWithPrevious = before != null && partners.getOrDefault(id, List.of()).contains(before);
                if (next != null && partners.getOrDefault(id, List.of()).contains(next) && !coupledWithPrevious) {
                    kids = childrenOf.get(key(id, next));
                    if (kids != null) desired = mean(kids, x) - H_SPACING / 2;
                } else if (!coupledWithPrevious) {
                    kids = childrenOf.get(id);
                    if (kids != null) desired = mean(kids, x);
                }
                double at = Math.max(desired, prev + H_SPACING);
                if (prev == Double.NEGATIVE_INFINITY && desired == Double.NEGATIVE_INFINITY) at = 0;
                if (kids != null && at > desired) shiftDescendants(kids, at - desired, g, rows, x, childrenOf, partners);
                x.put(id, at);
                prev = at;
            }
        }
        double minX = x.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        List<Node> nodes = new ArrayList<>();
        double maxX = 0;
        for (int g = 0; g < depth; g++) {
            List<String> row = new ArrayList<>(rows.getOrDefault(g, List.of()));
            row.sort(Comparator.comparingDouble(x::get));
            for (int k = 0; k < row.size(); k++) {
                double nx = x.get(row.get(k)) - minX + MARGIN_LEFT + 40;
                maxX = Math.max(maxX, nx);
                nodes.add(new Node(byId.get(row.get(k)), g, k + 1, nx, MARGIN_TOP + 20 + g * V_SPACING));
            }
        }
        Map<String, Set<String>> ancestors = new HashMap<>();
        List<CoupleLine> coupleLines = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Map<String, Node> nodeOf = new HashMap<>();
        nodes.forEach(n -> nodeOf.put(n.id(), n));
        for (var e : partners.entrySet()) {
            for (String p : e.getValue()) {
                String k = key(e.getKey(), p);
                if (!done.add(k)) continue;
                Node a = nodeOf.get(e.getKey()), b = nodeOf.get(p);
                boolean consang = consanguineous.getOrDefault(k, false) || shareAncestor(a.id(), b.id(), byId, ancestors);
                coupleLines.add(a.x() <= b.x() ? new CoupleLine(a.id(), b.id(), consang) : new CoupleLine(b.id(), a.id(), consang));
            }
        }
        List<Sibship> sibships = new ArrayList<>();
        for (var e : childrenOf.entrySet()) {
            String[] ps = e.getKey().split("\u0000", -1);
            sibships.add(new Sibship(ps[0].isEmpty() ? null : ps[0], ps.length > 1 && !ps[1].isEmpty() ? ps[1] : null, e.getValue()));
        }
        return new Result(nodes, coupleLines, sibships, depth, maxX + 200, MARGIN_TOP + 20 + (depth - 1) * V_SPACING + 90);
    }

    private static void visit(String id, Map<String, Individual> byId, Map<String, List<String>> partners, Map<String, List<String>> childrenOf,
                              Map<String, Integer> gen, Map<Integer, List<String>> rows, Set<String> placed) {
        if (placed.contains(id)) return;
        List<String> row = rows.computeIfAbsent(gen.get(id), g -> new ArrayList<>());
        List<String> ps = partners.getOrDefault(id, List.of()).stream().filter(p -> !placed.contains(p) && Objects.equals(gen.get(p), gen.get(id))).toList();
        // a second partner stands on the left, so the person stands between the two
        if (ps.size() >= 2) {
            row.add(ps.get(1));
            placed.add(ps.get(1));
        }
        row.add(id);
        placed.add(id);
        if (!ps.isEmpty()) {
            row.add(ps.get(0));
            placed.add(ps.get(0));
        }
        for (int i = 2; i < ps.size(); i++) {
            row.add(ps.get(i));
            placed.add(ps.get(i));
        }
        List<String> order = new ArrayList<>();
        if (ps.size() >= 2) order.add(ps.get(1));
        order.add(null);
        if (!ps.isEmpty()) order.add(ps.get(0));
        for (int i = 2; i < ps.size(); i++) order.add(ps.get(i));
        for (String p : order) {
            List<String> kids = childrenOf.get(p == null ? key(id, null) : key(id, p));
            if (p == null) {
                kids = new ArrayList<>(childrenOf.getOrDefault(key(id, null), List.of()));
                kids.addAll(childrenOf.getOrDefault(key(null, id), List.of()));
            }
            if (kids != null) for (String k : kids) visit(k, byId, partners, childrenOf, gen, rows, placed);
        }
    }

    private static void shiftDescendants(List<String> kids, double delta, int g, Map<Integer, List<String>> rows, Map<String, Double> x,
                                         Map<String, List<String>> childrenOf, Map<String, List<String>> partners) {
        // shift everyone in lower rows from the leftmost descendant rightwards (keeps order and spacing)
        Set<String> desc = new LinkedHashSet<>(kids);
        List<String> frontier = new ArrayList<>(kids);
        while (!frontier.isEmpty()) {
            List<String> nextFrontier = new ArrayList<>();
            for (String d : frontier) {
                for (var e : childrenOf.entrySet()) {
                    if (List.of(e.getKey().split("\u0000", -1)).contains(d)) {
                        for (String c : e.getValue()) if (desc.add(c)) nextFrontier.add(c);
                    }
                }
                for (String p : partners.getOrDefault(d, List.of())) desc.add(p);
            }
            frontier = nextFrontier;
        }
        for (var e : rows.entrySet()) {
            if (e.getKey() <= g) continue;
            double from = e.getValue().stream().filter(desc::contains).filter(x::containsKey).mapToDouble(x::get).min().orElse(Double.NaN);
            if (Double.isNaN(from)) continue;
            for (String id : e.getValue()) if (x.containsKey(id) && x.get(id) >= from) x.put(id, x.get(id) + delta);
        }
    }

    private static Map<String, Integer> generations(Map<String, Individual> byId, Map<String, List<String>> partners) {
        Map<String, Integer> gen = new HashMap<>();
        for (String id : byId.keySet()) gen.put(id, 0);
        for (int round = 0; round < 4 * byId.size() + 4; round++) {
            boolean changed = false;
            for (Individual i : byId.values()) {
                int g = gen.get(i.id());
                for (String p : parentsIn(i, byId)) g = Math.max(g, gen.get(p) + 1);
                for (String p : partners.getOrDefault(i.id(), List.of())) g = Math.max(g, gen.get(p));
                if (g != gen.get(i.id()) && g < byId.size() + 1) {
                    gen.put(i.id(), g);
                    changed = true;
                }
            }
            if (!changed) break;
        }
        // founders who married in were pulled down to their partner; pull unconnected founders' couples up to their children
        return gen;
    }

    private static List<String> parentsIn(Individual i, Map<String, Individual> byId) {
        List<String> ps = new ArrayList<>(2);
        if (i.fatherId() != null && byId.containsKey(i.fatherId())) ps.add(i.fatherId());
        if (i.motherId() != null && byId.containsKey(i.motherId())) ps.add(i.motherId());
        return ps;
    }

    private static boolean shareAncestor(String a, String b, Map<String, Individual> byId, Map<String, Set<String>> cache) {
        Set<String> x = ancestors(a, byId, cache), y = ancestors(b, byId, cache);
        for (String s : x) if (y.contains(s)) return true;
        return false;
    }

    private static Set<String> ancestors(String id, Map<String, Individual> byId, Map<String, Set<String>> cache) {
        Set<String> c = cache.get(id);
        if (c != null) return c;
        Set<String> out = new HashSet<>();
        cache.put(id, out);
        for (String p : parentsIn(byId.get(id), byId)) {
            out.add(p);
            out.addAll(ancestors(p, byId, cache));
        }
        return out;
    }

    private static void addPartner(Map<String, List<String>> partners, String a, String b) {
        if (a.equals(b)) return;
        List<String> pa = partners.computeIfAbsent(a, k -> new ArrayList<>());
        if (!pa.contains(b)) pa.add(b);
        List<String> pb = partners.computeIfAbsent(b, k -> new ArrayList<>());
        if (!pb.contains(a)) pb.add(a);
    }

    /** Order-free key of a couple, or of a single parent (the other side empty). */
    static String key(String a, String b) {
        String s = a == null ? "" : a, t = b == null ? "" : b;
        return s.compareTo(t) <= 0 ? s + "\u0000" + t : t + "\u0000" + s;
    }

    private static double mean(List<String> ids, Map<String, Double> x) {
        return ids.stream().filter(x::containsKey).mapToDouble(x::get).average().orElse(Double.NEGATIVE_INFINITY);
    }
}
