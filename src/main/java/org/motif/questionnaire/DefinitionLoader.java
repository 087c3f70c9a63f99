package org.motif.questionnaire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.motif.base.Problem;
import org.motif.questionnaire.InstrumentDefinition.Band;
import org.motif.questionnaire.InstrumentDefinition.Item;
import org.motif.questionnaire.InstrumentDefinition.ResponseOption;
import org.motif.questionnaire.InstrumentDefinition.ResponseSet;
import org.motif.questionnaire.InstrumentDefinition.Scale;
import org.motif.questionnaire.InstrumentDefinition.Section;
import org.motif.questionnaire.InstrumentDefinition.Total;

/**
 * Reads and validates one instrument definition file (format: questionnaires/README.md). Every fault
 * found is reported with the file, its 1-based line and the field path (e.g. {@code items[3].type});
 * nothing is half-loaded. Plain Java, no Spring.
 */
public final class DefinitionLoader {
    /** Ids of instruments, items, response sets, sections and scales. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

    private static final Set<String> ROOT_KEYS = Set.of("id", "version", "abbreviation", "title", "instructions", "citation", "licence",
            "unverified", "responseSets", "items", "sections", "scales", "total");
    private static final Set<String> SET_KEYS = Set.of("id", "options");
    private static final Set<String> OPTION_KEYS = Set.of("value", "label");
    private static final Set<String> ITEM_KEYS = Set.of("id", "type", "text", "responseSet", "required", "showIf", "min", "max", "unit", "unverified");
    private static final Set<String> SECTION_KEYS = Set.of("id", "title", "items");
    private static final Set<String> SCALE_KEYS = Set.of("id", "title", "items", "reverse", "method", "minAnswered", "prorate", "entersTotal", "bands");
    private static final Set<String> TOTAL_KEYS = Set.of("id", "title", "bands");
    private static final Set<String> BAND_KEYS = Set.of("min", "max", "label");

    private DefinitionLoader() {
    }

    /**
     * Parses and validates a definition.
     *
     * @param fileName the file's name ({@code gad7.yaml}); the instrument id must equal its stem
     * @param yaml     the file's text
     * @return the definition with its content hash
     * @throws DefinitionException listing every problem with line and field
     */
    public static LoadedDefinition load(String fileName, String yaml) {
        YamlNode root;
        try {
            root = YamlNode.parse(yaml);
        } catch (YamlNode.SyntaxError e) {
            throw new DefinitionException(fileName, List.of(new Problem(e.line(), e.field(), e.getMessage())));
        }
        var v = new Validator(fileName);
        InstrumentDefinition def = v.definition(root);
        if (!v.problems.isEmpty()) throw new DefinitionException(fileName, v.problems);
        return new LoadedDefinition(def, fileName, yaml, hash(root));
    }

    static String hash(YamlNode root) {
        try {
            byte[] bytes = String.valueOf(root.canonical()).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validation state for one file; collects problems and keeps going so an author sees them all. */
    private static final class Validator {
        final String fileName;
        final List<Problem> problems = new ArrayList<>();
        Licence licence;
        /** Every item id declared, including items dropped for other faults (no follow-on errors for them). */
        final Set<String> declaredItems = new HashSet<>();

        Validator(String fileName) {
            this.fileName = fileName;
        }

        void problem(int line, String field, String message) {
            problems.add(new Problem(line, field, message));
        }

        InstrumentDefinition definition(YamlNode root) {
            if (root.kind() != YamlNode.Kind.MAP) {
                problem(root.line(), null, "a definition is a map of fields (id, version, title, …), not a " + root.kind().name().toLowerCase());
                return null;
            }
            unknownKeys(root, "", ROOT_KEYS);
            String expectedId = fileName.endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5) : fileName;
            String id = string(root, "id", "id", true);
            if (id != null) {
                if (!ID.matcher(id).matches()) {
                    problem(root.get("id").line(), "id", "instrument id '" + id + "' must match [a-z][a-z0-9_]* (lower-case letters, digits, _)");
                } else if (!id.equals(expectedId)) {
                    problem(root.get("id").line(), "id", "instrument id '" + id + "' must equal the file name; rename the file to " + id + ".yaml or change the id to '" + expectedId + "'");
                }
            }
            String version = string(root, "version", "version", true);
            String abbreviation = string(root, "abbreviation", "abbreviation", false);
            Map<String, String> title = texts(root, "title", "title", true);
            Map<String, String> instructions = texts(root, "instructions", "instructions", false);
            String citation = string(root, "citation", "citation", true);
            String licenceCode = string(root, "licence", "licence", true);
            if (licenceCode != null) {
                licence = Licence.fromCode(licenceCode).orElse(null);
                if (licence == null) {
                    problem(root.get("licence").line(), "licence", "unknown licence '" + licenceCode + "'; use one of public-domain, free-with-citation, licensed, study-own");
                }
            }
            List<String> unverified = languages(root, "unverified", "unverified");
            String prefix = (id == null ? expectedId : id) + "_";

            List<ResponseSet> sets = responseSets(root);
            Map<String, ResponseSet> setsById = new HashMap<>();
            sets.forEach(s -> setsById.put(s.id(), s));
            List<Item> items = items(root, prefix, setsById);
            Map<String, Item> itemsById = new LinkedHashMap<>();
            items.forEach(i -> itemsById.put(i.id(), i));
            List<Section> sections = sections(root, itemsById);
            List<Scale> scales = scales(root, itemsById, setsById);
            Total total = total(root, scales);
            return new InstrumentDefinition(id, version, abbreviation, title, instructions, citation, licence, unverified,
                    sets, items, sections, scales, total);
        }

        // ---- response sets

        List<ResponseSet> responseSets(YamlNode root) {
            List<ResponseSet> out = new ArrayList<>();
            YamlNode list = list(root, "responseSets", "responseSets", false);
            if (list == null) return out;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.elements().size(); i++) {
                YamlNode n = list.elements().get(i);
                String path = "responseSets[" + i + "]";
                if (!isMap(n, path)) continue;
                unknownKeys(n, path, SET_KEYS);
                String sid = id(n, path);
                if (sid != null && !seen.add(sid)) problem(n.get("id").line(), path + ".id", "response set id '" + sid + "' is used twice");
                List<ResponseOption> options = new ArrayList<>();
                YamlNode opts = list(n, "options", path + ".options", true);
                if (opts != null) {
                    if (opts.elements().isEmpty()) problem(opts.line(), path + ".options", "a response set needs at least one option");
                    Set<Integer> values = new HashSet<>();
                    for (int j = 0; j < opts.elements().size(); j++) {
                        YamlNode o = opts.elements().get(j);
                        String op = path + ".options[" + j + "]";
                        if (!isMap(o, op)) continue;
                        unknownKeys(o, op, OPTION_KEYS);
                        Integer value = integer(o, "value", op + ".value", true);
                        if (value != null && !values.add(value)) problem(o.get("value").line(), op + ".value", "option value " + value + " is used twice in response set '" + sid + "'");
                        Map<String, String> label = texts(o, "label", op + ".label", licence != Licence.LICENSED);
                        if (value != null) options.add(new ResponseOption(value, label));
                    }
                }
                if (sid != null) out.add(new ResponseSet(sid, List.copyOf(options)));
            }
            return out;
        }

        // ---- items

        List<Item> items(YamlNode root, String prefix, Map<String, ResponseSet> sets) {
            List<Item> out = new ArrayList<>();
            YamlNode list = list(root, "items", "items", true);
            if (list == null) return out;
            if (list.elements().isEmpty()) problem(list.line(), "items", "an instrument needs at least one item");
            Set<String> earlier = new HashSet<>();
            for (int i = 0; i < list.elements().size(); i++) {
                YamlNode n = list.elements().get(i);
                String path = "items[" + i + "]";
                if (!isMap(n, path)) continue;
                unknownKeys(n, path, ITEM_KEYS);
                String iid = id(n, path);
                if (iid != null) {
                    if (!iid.startsWith(prefix) || iid.length() == prefix.length()) {
                        problem(n.get("id").line(), path + ".id", "item id '" + iid + "' must start with '" + prefix + "' followed by the item's number or name");
                    }
                    if (earlier.contains(iid)) problem(n.get("id").line(), path + ".id", "item id '" + iid + "' is used twice");
                }
                String typeCode = string(n, "type", path + ".type", true);
                ItemType type = null;
                if (typeCode != null) {
                    type = ItemType.fromCode(typeCode).orElse(null);
                    if (type == null) problem(n.get("type").line(), path + ".type", "unknown item type '" + typeCode + "'; use one of " + ItemType.codes());
                }
                boolean licensed = licence == Licence.LICENSED;
                Map<String, String> text;
                if (licensed) {
                    if (n.get("text") != null) {
                        problem(n.keyLine("text"), path + ".text", "licensed instruments ship the scoring key only; move item texts into a text pack (" + prefix.substring(0, prefix.length() - 1) + ".<lang>.yaml) outside the repository");
                    }
                    text = Map.of();
                } else {
                    text = texts(n, "text", path + ".text", true);
                }
                String setId = string(n, "responseSet", path + ".responseSet", false);
                if (type != null && type.hasResponseSet()) {
                    if (setId == null && n.get("responseSet") == null) problem(n.line(), path + ".responseSet", "a " + type.code() + " item needs a responseSet");
                    else if (setId != null && !sets.containsKey(setId)) problem(n.get("responseSet").line(), path + ".responseSet", "response set '" + setId + "' is not defined under responseSets");
                } else if (type != null && setId != null) {
                    problem(n.get("responseSet").line(), path + ".responseSet", "only single-choice and multiple-choice items take a responseSet, not " + type.code());
                }
                Boolean required = bool(n, "required", path + ".required");
                Double min = decimal(n, "min", path + ".min");
                Double max = decimal(n, "max", path + ".max");
                Map<String, String> unit = texts(n, "unit", path + ".unit", false);
                if (type != null && !type.hasRange()) {
                    for (String k : List.of("min", "max")) {
                        if (n.get(k) != null) problem(n.get(k).line(), path + "." + k, k + " applies only to integer, decimal and year items, not " + type.code());
                    }
                }
                if (type != null && type != ItemType.INTEGER && type != ItemType.DECIMAL && n.get("unit") != null) {
                    problem(n.get("unit").line(), path + ".unit", "unit applies only to integer and decimal items, not " + type.code());
                }
                if (min != null && max != null && min > max) problem(n.get("min").line(), path + ".min", "min " + fmt(min) + " is greater than max " + fmt(max));
                String showIfText = string(n, "showIf", path + ".showIf", false);
                ShowIf condition = null;
                if (showIfText != null) {
                    YamlNode sn = n.get("showIf");
                    try {
                        condition = ShowIf.parse(showIfText);
                        for (String ref : condition.referencedItems()) {
                            if (!earlier.contains(ref)) {
                                problem(sn.line(), path + ".showIf", "showIf refers to '" + ref + "', which is not an earlier item of this instrument; a condition may only use answers given before this item");
                            }
                        }
                    } catch (ShowIf.ParseException e) {
                        problem(sn.line(), path + ".showIf", "position " + e.position() + " of '" + showIfText + "': " + e.getMessage());
                    }
                }
                List<String> unverified = languages(n, "unverified", path + ".unverified");
                if (iid != null) {
                    earlier.add(iid);
                    declaredItems.add(iid);
                    if (type != null) {
                        out.add(new Item(iid, type, text, setId, required != null && required, showIfText, min, max, unit, unverified, condition));
                    }
                }
            }
            return out;
        }

        // ---- sections

        List<Section> sections(YamlNode root, Map<String, Item> items) {
            List<Section> out = new ArrayList<>();
            YamlNode list = list(root, "sections", "sections", false);
            if (list == null) return out;
            Map<String, String> placed = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.elements().size(); i++) {
                YamlNode n = list.elements().get(i);
                String path = "sections[" + i + "]";
                if (!isMap(n, path)) continue;
                unknownKeys(n, path, SECTION_KEYS);
                String sid = id(n, path);
                if (sid != null && !seen.add(sid)) problem(n.get("id").line(), path + ".id", "section id '" + sid + "' is used twice");
                Map<String, String> title = texts(n, "title", path + ".title", true);
                List<String> ids = itemRefs(n, "items", path + ".items", items, true);
                for (String ref : ids) {
                    String before = placed.putIfAbsent(ref, sid);
                    if (before != null) problem(n.get("items").line(), path + ".items", "item '" + ref + "' is already in section '" + before + "'; an item belongs to one section");
                }
                if (sid != null) out.add(new Section(sid, title, ids));
            }
            return out;
        }

        // ---- scales

        List<Scale> scales(YamlNode root, Map<String, Item> items, Map<String, ResponseSet> sets) {
            List<Scale> out = new ArrayList<>();
            YamlNode list = list(root, "scales", "scales", false);
            if (list == null) return out;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.elements().size(); i++) {
                YamlNode n = list.elements().get(i);
                String path = "scales[" + i + "]";
                if (!isMap(n, path)) continue;
                unknownKeys(n, path, SCALE_KEYS);
                String sid = id(n, path);
                if (sid != null && !seen.add(sid)) problem(n.get("id").line(), path + ".id", "scale id '" + sid + "' is used twice");
                Map<String, String> title = texts(n, "title", path + ".title", false);
                List<String> ids = itemRefs(n, "items", path + ".items", items, true);
                if (n.get("items") != null && ids.isEmpty() && n.get("items").kind() == YamlNode.Kind.LIST && n.get("items").elements().isEmpty()) {
                    problem(n.get("items").line(), path + ".items", "a scale needs at least one item");
                }
                if (new HashSet<>(ids).size() != ids.size()) problem(n.get("items").line(), path + ".items", "an item is listed twice in scale '" + sid + "'");
                for (String ref : ids) {
                    Item item = items.get(ref);
                    if (item != null && item.type() != ItemType.SINGLE_CHOICE && item.type() != ItemType.YES_NO) {
                        problem(n.get("items").line(), path + ".items", "item '" + ref + "' is " + item.type().code() + "; only single-choice and yes-no items can be scored");
                    }
                }
                List<String> reverse = itemRefs(n, "reverse", path + ".reverse", items, false);
                for (String ref : reverse) {
                    if (!ids.contains(ref)) problem(n.get("reverse").line(), path + ".reverse", "reverse-keyed item '" + ref + "' is not one of the scale's items");
                    Item item = items.get(ref);
                    if (item != null && item.type() == ItemType.SINGLE_CHOICE && item.responseSet() != null && !sets.containsKey(item.responseSet())) {
                        problem(n.get("reverse").line(), path + ".reverse", "reverse-keyed item '" + ref + "' has no valid response set to reverse on");
                    }
                }
                String methodCode = string(n, "method", path + ".method", true);
                ScaleMethod method = null;
                if (methodCode != null) {
                    method = switch (methodCode) {
                        case "sum" -> ScaleMethod.SUM;
                        case "mean" -> ScaleMethod.MEAN;
                        default -> null;
                    };
                    if (method == null) problem(n.get("method").line(), path + ".method", "unknown method '" + methodCode + "'; use sum or mean");
                }
                Integer minAnswered = integer(n, "minAnswered", path + ".minAnswered", false);
                Boolean prorate = bool(n, "prorate", path + ".prorate");
                Boolean entersTotal = bool(n, "entersTotal", path + ".entersTotal");
                int size = ids.size();
                int min = minAnswered == null ? size : minAnswered;
                if (minAnswered != null && (minAnswered < 1 || minAnswered > size) && !ids.isEmpty()) {
                    problem(n.get("minAnswered").line(), path + ".minAnswered", "minAnswered " + minAnswered + " must be between 1 and the number of items (" + size + ")");
                }
                if (prorate != null && prorate && method == ScaleMethod.MEAN) {
                    problem(n.get("prorate").line(), path + ".prorate", "prorate applies to sum scales; a mean scale is already the mean of the answered items");
                }
                if (minAnswered != null && minAnswered < size && method == ScaleMethod.SUM && (prorate == null || !prorate)) {
                    problem(n.get("minAnswered").line(), path + ".minAnswered", "a sum over fewer than all " + size + " items would count missing answers as 0; add 'prorate: true' or set minAnswered to " + size);
                }
                if (prorate != null && prorate && (minAnswered == null || minAnswered == size)) {
                    problem(n.get("prorate").line(), path + ".prorate", "prorate has no effect while all items are required; set minAnswered below " + size);
                }
                List<Band> bands = bands(n, path);
                if (sid != null && method != null) {
                    out.add(new Scale(sid, title, ids, reverse, method, min, prorate != null && prorate, entersTotal != null && entersTotal, bands));
                }
            }
            return out;
        }

        Total total(YamlNode root, List<Scale> scales) {
            YamlNode n = root.get("total");
            if (n == null) return null;
            if (!isMap(n, "total")) return null;
            unknownKeys(n, "total", TOTAL_KEYS);
            String tid = id(n, "total");
            if (tid != null && scales.stream().anyMatch(s -> s.id().equals(tid))) {
                problem(n.get("id").line(), "total.id", "total id '" + tid + "' is also a scale id; choose another");
            }
            if (scales.stream().noneMatch(Scale::entersTotal)) {
                problem(n.line(), "total", "no scale has 'entersTotal: true'; mark the scales the total sums");
            }
            Map<String, String> title = texts(n, "title", "total.title", false);
            List<Band> bands = bands(n, "total");
            return tid == null ? null : new Total(tid, title, bands);
        }

        List<Band> bands(YamlNode n, String path) {
            List<Band> out = new ArrayList<>();
            YamlNode list = list(n, "bands", path + ".bands", false);
            if (list == null) return out;
            Double previousMax = null;
            for (int i = 0; i < list.elements().size(); i++) {
                YamlNode b = list.elements().get(i);
                String bp = path + ".bands[" + i + "]";
                if (!isMap(b, bp)) continue;
                unknownKeys(b, bp, BAND_KEYS);
                Double min = decimal(b, "min", bp + ".min");
                Double max = decimal(b, "max", bp + ".max");
                String label = string(b, "label", bp + ".label", true);
                if (b.get("min") == null) problem(b.line(), bp + ".min", "a band needs min");
                if (b.get("max") == null) problem(b.line(), bp + ".max", "a band needs max");
                if (min != null && max != null) {
                    if (min > max) problem(b.get("min").line(), bp + ".min", "min " + fmt(min) + " is greater than max " + fmt(max));
                    if (previousMax != null && min <= previousMax) problem(b.get("min").line(), bp + ".min", "bands must be in increasing order without overlap; min " + fmt(min) + " is not above the previous band's max " + fmt(previousMax));
                    previousMax = max;
                    if (label != null) out.add(new Band(min, max, label));
                }
            }
            return out;
        }

        // ---- field helpers

        void unknownKeys(YamlNode map, String path, Set<String> allowed) {
            for (String key : map.entries().keySet()) {
                if (!allowed.contains(key)) {
                    problem(map.keyLine(key), path.isEmpty() ? key : path + "." + key, "unknown field '" + key + "'; allowed here: " + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        boolean isMap(YamlNode n, String path) {
            if (n.kind() == YamlNode.Kind.MAP) return true;
            problem(n.line(), path, "expected a map of fields here, found " + describe(n));
            return false;
        }

        String id(YamlNode n, String path) {
            String id = string(n, "id", path + ".id", true);
            if (id != null && !ID.matcher(id).matches()) {
                problem(n.get("id").line(), path + ".id", "id '" + id + "' must match [a-z][a-z0-9_]* (lower-case letters, digits, _; starting with a letter)");
                return null;
            }
            return id;
        }

        String string(YamlNode parent, String key, String path, boolean required) {
            YamlNode n = parent.get(key);
            if (n == null || n.kind() == YamlNode.Kind.NULL) {
                if (required) problem(n == null ? parent.line() : n.line(), path, "'" + key + "' is required");
                return null;
            }
            if (!n.isScalar()) {
                problem(n.line(), path, "expected a single value, found " + describe(n));
                return null;
            }
            if (n.text().isBlank()) {
                if (required) problem(n.line(), path, "'" + key + "' must not be empty");
                return null;
            }
            return n.text();
        }

        Integer integer(YamlNode parent, String key, String path, boolean required) {
            YamlNode n = parent.get(key);
            if (n == null) {
                if (required) problem(parent.line(), path, "'" + key + "' is required");
                return null;
            }
            if (n.kind() != YamlNode.Kind.NUMBER || !n.text().matches("-?\\d+")) {
                problem(n.line(), path, "expected a whole number, found " + describe(n));
                return null;
            }
            return Integer.valueOf(n.text());
        }

        Double decimal(YamlNode parent, String key, String path) {
            YamlNode n = parent.get(key);
            if (n == null) return null;
            if (n.kind() != YamlNode.Kind.NUMBER) {
                problem(n.line(), path, "expected a number, found " + describe(n));
                return null;
            }
            return Double.valueOf(n.text());
        }

        Boolean bool(YamlNode parent, String key, String path) {
            YamlNode n = parent.get(key);
            if (n == null) return null;
            if (n.kind() != YamlNode.Kind.BOOLEAN) {
                problem(n.line(), path, "expected true or false, found " + describe(n));
                return null;
            }
            return Boolean.valueOf(n.text());
        }

        YamlNode list(YamlNode parent, String key, String path, boolean required) {
            YamlNode n = parent.get(key);
            if (n == null) {
                if (required) problem(parent.line(), path, "'" + key + "' is required");
                return null;
            }
            if (n.kind() != YamlNode.Kind.LIST) {
                problem(n.line(), path, "expected a list, found " + describe(n));
                return null;
            }
            return n;
        }

        /** A per-language text: a map with a non-empty string for en and for de. */
        Map<String, String> texts(YamlNode parent, String key, String path, boolean required) {
            YamlNode n = parent.get(key);
            if (n == null) {
                if (required) problem(parent.line(), path, "'" + key + "' is required, with a text for each of en and de");
                return Map.of();
            }
            if (n.kind() != YamlNode.Kind.MAP) {
                problem(n.line(), path, "expected texts per language (en: …, de: …), found " + describe(n));
                return Map.of();
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (var e : n.entries().entrySet()) {
                if (!InstrumentDefinition.LANGUAGES.contains(e.getKey())) {
                    problem(n.keyLine(e.getKey()), path + "." + e.getKey(), "unknown language '" + e.getKey() + "'; use en and de");
                } else if (!e.getValue().isScalar() || e.getValue().text().isBlank()) {
                    problem(e.getValue().line(), path + "." + e.getKey(), "expected a non-empty text");
                } else {
                    out.put(e.getKey(), e.getValue().text());
                }
            }
            for (String lang : InstrumentDefinition.LANGUAGES) {
                if (!n.entries().containsKey(lang)) problem(n.line(), path + "." + lang, "the " + lang + " text is missing; give a text for each of en and de");
            }
            return Map.copyOf(out);
        }

        List<String> languages(YamlNode parent, String key, String path) {
            YamlNode n = list(parent, key, path, false);
            if (n == null) return List.of();
            List<String> out = new ArrayList<>();
            for (YamlNode e : n.elements()) {
                if (!e.isScalar() || !InstrumentDefinition.LANGUAGES.contains(e.text())) {
                    problem(e.line(), path, "expected a language (en or de), found " + describe(e));
                } else {
                    out.add(e.text());
                }
            }
            return List.copyOf(out);
        }

        List<String> itemRefs(YamlNode parent, String key, String path, Map<String, Item> items, boolean required) {
            YamlNode n = list(parent, key, path, required);
            if (n == null) return List.of();
            List<String> out = new ArrayList<>();
            for (YamlNode e : n.elements()) {
                if (!e.isScalar()) {
                    problem(e.line(), path, "expected an item id, found " + describe(e));
                } else if (!items.containsKey(e.text())) {
                    if (!declaredItems.contains(e.text())) problem(e.line(), path, "'" + e.text() + "' is not an item of this instrument");
                } else {
                    out.add(e.text());
                }
            }
            return List.copyOf(out);
        }

        static String describe(YamlNode n) {
            return switch (n.kind()) {
                case MAP -> "a map";
                case LIST -> "a list";
                case NULL -> "nothing";
                default -> "'" + n.text() + "'";
            };
        }

        static String fmt(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }
}
