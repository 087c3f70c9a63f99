package org.motif.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motif.base.Problem;

/**
 * The licensed texts of one instrument in one language, read from {@code <instrumentId>.<lang>.yaml}
 * in the study's text-pack directory (never committed):
 * {@code {title, instructions, items: {<itemId>: text}, options: {<responseSetId>: {<value>: label}}}}.
 *
 * @param options response set id → option value → label
 */
public record TextPack(String instrumentId, String language, String title, String instructions, Map<String, String> items,
                       Map<String, Map<Integer, String>> options) {

    private static final Set<String> KEYS = Set.of("title", "instructions", "items", "options");

    /**
     * Reads and checks a text pack against the definition it belongs to.
     *
     * @param fileName {@code <instrumentId>.<lang>.yaml}
     * @throws DefinitionException naming the file, line and field of each fault (unknown item ids,
     *                             unknown response sets or values, missing items)
     */
    public static TextPack load(String fileName, String yaml, InstrumentDefinition definition) {
        String[] parts = fileName.split("\\.");
        List<Problem> problems = new ArrayList<>();
        if (parts.length != 3 || !parts[2].equals("yaml") || !parts[0].equals(definition.id()) || !InstrumentDefinition.LANGUAGES.contains(parts[1])) {
            throw new DefinitionException(fileName, List.of(new Problem(null, null, "a text pack is named <instrumentId>.<lang>.yaml with lang en or de, e.g. " + definition.id() + ".en.yaml")));
        }
        YamlNode root;
        try {
            root = YamlNode.parse(yaml);
        } catch (YamlNode.SyntaxError e) {
            throw new DefinitionException(fileName, List.of(new Problem(e.line(), e.field(), e.getMessage())));
        }
        if (root.kind() != YamlNode.Kind.MAP) throw new DefinitionException(fileName, List.of(new Problem(root.line(), null, "a text pack is a map with title, instructions, items, options")));
        for (String key : root.entries().keySet()) {
            if (!KEYS.contains(key)) problems.add(new Problem(root.keyLine(key), key, "unknown field '" + key + "'; allowed: instructions, items, options, title"));
        }
        String title = scalar(root.get("title"), "title", problems);
        String instructions = scalar(root.get("instructions"), "instructions", problems);
        Map<String, String> items = new LinkedHashMap<>();
        YamlNode itemsNode = root.get("items");
        if (itemsNode == null || itemsNode.kind() != YamlNode.Kind.MAP) {
            problems.add(new Problem(itemsNode == null ? root.line() : itemsNode.line(), "items", "expected a map of item id → text"));
        } else {
            for (var e : itemsNode.entries().entrySet()) {
                if (definition.item(e.getKey()).isEmpty()) {
                    problems.add(new Problem(itemsNode.keyLine(e.getKey()), "items." + e.getKey(), "'" + e.getKey() + "' is not an item of " + definition.id() + " version " + definition.version()));
                } else {
                    String t = scalar(e.getValue(), "items." + e.getKey(), problems);
                    if (t != null) items.put(e.getKey(), t);
                }
            }
            for (var item : definition.items()) {
                if (!itemsNode.entries().containsKey(item.id())) problems.add(new Problem(itemsNode.line(), "items." + item.id(), "text for item '" + item.id() + "' is missing"));
            }
        }
        Map<String, Map<Integer, String>> options = new LinkedHashMap<>();
        YamlNode optionsNode = root.get("options");
        if (optionsNode != null) {
            for (var e : optionsNode.entries().entrySet()) {
                var set = definition.responseSet(e.getKey());
                if (set.isEmpty()) {
                    problems.add(new Problem(optionsNode.keyLine(e.getKey()), "options." + e.getKey(), "'" + e.getKey() + "' is not a response set of " + definition.id()));
                    continue;
                }
                Map<Integer, String> labels = new LinkedHashMap<>();
                for (var o : e.getValue().entries().entrySet()) {
                    Integer value = null;
                    try {
                        value = Integer.valueOf(o.getKey());
                    } catch (NumberFormatException ignored) {
                        // reported below
                    }
                    if (value == null || !set.get().hasValue(value)) {
                        problems.add(new Problem(e.getValue().keyLine(o.getKey()), "options." + e.getKey() + "." + o.getKey(), "'" + o.getKey() + "' is not a value of response set '" + e.getKey() + "'"));
                    } else {
                        String label = scalar(o.getValue(), "options." + e.getKey() + "." + o.getKey(), problems);
                        if (label != null) labels.put(value, label);
                    }
                }
                options.put(e.getKey(), Map.copyOf(labels));
            }
        }
        if (!problems.isEmpty()) throw new DefinitionException(fileName, problems);
        return new TextPack(definition.id(), parts[1], title, instructions, Map.copyOf(items), Map.copyOf(options));
    }

    private static String scalar(YamlNode n, String field, List<Problem> problems) {
        if (n == null) return null;
        if (!n.isScalar() || n.text().isBlank()) {
            problems.add(new Problem(n.line(), field, "expected a non-empty text"));
            return null;
        }
        return n.text();
    }
}
