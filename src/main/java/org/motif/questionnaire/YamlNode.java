package org.motif.questionnaire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node starts (1-based line and column), so
 * validation can name the line of every fault. Built from Jackson's YAML streaming parser.
 * Scalars keep their text and whether they were quoted strings or plain numbers/booleans.
 */
public final class YamlNode {
    /** Node kinds; NULL is an explicit {@code null}/{@code ~} or an empty value. */
    public enum Kind { MAP, LIST, STRING, NUMBER, BOOLEAN, NULL }

    private final Kind kind;
    private final int line;
    private final int column;
    private final String text;
    private final Map<String, YamlNode> map;
    private final Map<String, Integer> keyLines;
    private final List<YamlNode> list;

    private YamlNode(Kind kind, int line, int column, String text, Map<String, YamlNode> map, Map<String, Integer> keyLines, List<YamlNode> list) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.text = text;
        this.map = map;
        this.keyLines = keyLines;
        this.list = list;
    }

    /** A YAML syntax fault or duplicate key, with the 1-based line where it was found. */
    public static final class SyntaxError extends Exception {
        private final int line;
        private final String field;

        SyntaxError(int line, String field, String message) {
            super(message);
            this.line = line;
            this.field = field;
        }

        public int line() {
            return line;
        }

        public String field() {
            return field;
        }
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /**
     * Parses one YAML document.
     *
     * @throws SyntaxError for malformed YAML, duplicate keys or an empty document (line 1)
     */
    public static YamlNode parse(String yaml) throws SyntaxError {
        try (JsonParser p = FACTORY.createParser(new StringReader(yaml))) {
            JsonToken t = p.nextToken();
            if (t == null) throw new SyntaxError(1, null, "the file is empty; an instrument definition starts with 'id:'");
            YamlNode root = read(p, t, "");
            return root;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            throw new SyntaxError(line, null, "YAML syntax error: " + (cut > 0 ? msg.substring(0, cut) : msg));
        } catch (IOException e) {
            throw new SyntaxError(1, null, "cannot read YAML: " + e.getMessage());
        }
    }

    private static YamlNode read(JsonParser p, JsonToken t, String path) throws IOException, SyntaxError {
        int line = p.currentTokenLocation().getLineNr();
        int col = p.currentTokenLocation().getColumnNr();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> m = new LinkedHashMap<>();
                Map<String, Integer> kl = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (m.containsKey(key)) {
                        throw new SyntaxError(keyLine, childPath, "duplicate key '" + key + "' (first given on line " + kl.get(key) + "); remove one of them");
                    }
                    YamlNode child = read(p, p.nextToken(), childPath);
                    m.put(key, child);
                    kl.put(key, keyLine);
                }
                return new YamlNode(Kind.MAP, line, col, null, Collections.unmodifiableMap(m), kl, null);
            }
            case START_ARRAY -> {
                List<YamlNode> l = new ArrayList<>();
                JsonToken n;
                int i = 0;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(read(p, n, path + "[" + i++ + "]"));
                }
                return new YamlNode(Kind.LIST, line, col, null, null, null, Collections.unmodifiableList(l));
            }
            case VALUE_STRING -> {
                return new YamlNode(Kind.STRING, line, col, p.getText(), null, null, null);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlNode(Kind.NUMBER, line, col, p.getText(), null, null, null);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode(Kind.BOOLEAN, line, col, p.getText(), null, null, null);
            }
            case VALUE_NULL -> {
                return new YamlNode(Kind.NULL, line, col, null, null, null, null);
            }
            default -> throw new SyntaxError(line, path, "unexpected YAML token " + t);
        }
    }

    public Kind kind() {
        return kind;
    }

    /** 1-based line where this node starts. */
    public int line() {
        return line;
    }

    /** 1-based column where this node starts. */
    public int column() {
        return column;
    }

    /** The scalar's text (strings unquoted); null for maps, lists and nulls. */
    public String text() {
        return text;
    }

    /** Entries of a map in file order; empty for other kinds. */
    public Map<String, YamlNode> entries() {
        return map == null ? Map.of() : map;
    }

    /** 1-based line of a map key, or this node's line when the key is absent. */
    public int keyLine(String key) {
        return keyLines == null ? line : keyLines.getOrDefault(key, line);
    }

    /** The map's value for {@code key}, or null when absent. */
    public YamlNode get(String key) {
        return map == null ? null : map.get(key);
    }

    /** Elements of a list; empty for other kinds. */
    public List<YamlNode> elements() {
        return list == null ? List.of() : list;
    }

    public boolean isScalar() {
        return kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.BOOLEAN;
    }

    /** The tree as plain Java values (maps with sorted keys, lists, strings, numbers as text, booleans) for hashing. */
    public Object canonical() {
        return switch (kind) {
            case MAP -> {
                var sorted = new java.util.TreeMap<String, Object>();
                map.forEach((k, v) -> sorted.put(k, v.canonical()));
                yield sorted;
            }
            case LIST -> list.stream().map(YamlNode::canonical).toList();
            case NULL -> "~null";
            default -> kind.name().charAt(0) + ":" + text;
        };
    }
}
