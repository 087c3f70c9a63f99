package org.motif.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed {@code showIf} condition. Grammar (precedence low to high):
 * <pre>
 *   expr    := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | "(" expr ")" | test
 *   test    := operand ("==" | "!=" | "<" | "<=" | ">" | ">=") operand
 *            | operand "in" "[" literal ("," literal)* "]"
 *   operand := item id | number | 'string' | "string"
 * </pre>
 * Evaluation over answers: a test on an unanswered item is false (so {@code not (x == 1)} is true
 * while x is unanswered); a multiple-choice answer (a list) matches {@code ==} and {@code in} when any
 * chosen value matches, {@code !=} when none does; ordering a list or comparing a number with a
 * string is false ({@code !=} true). Numbers compare by value (1 == 1.0).
 */
public final class ShowIf {
    private final String source;
    private final Node root;

    private ShowIf(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** A syntax error at a 1-based character position of the expression. */
    public static final class ParseException extends Exception {
        private final int position;

        ParseException(int position, String message) {
            super(message);
            this.position = position;
        }

        /** 1-based character position in the expression. */
        public int position() {
            return position;
        }
    }

    /**
     * Parses an expression.
     *
     * @throws ParseException naming the 1-based position and what was expected
     */
    public static ShowIf parse(String expression) throws ParseException {
        Objects.requireNonNull(expression, "expression");
        var parser = new Parser(tokenize(expression), expression);
        Node n = parser.expr();
        if (parser.peek().kind != TokenKind.END) {
            Token t = parser.peek();
            throw new ParseException(t.pos, "unexpected '" + t.text + "' after a complete condition; join conditions with 'and' / 'or'");
        }
        return new ShowIf(expression, n);
    }

    /** The expression as written. */
    public String source() {
        return source;
    }

    /** Item ids the expression refers to, in order of first appearance. */
    public Set<String> referencedItems() {
        Set<String> ids = new LinkedHashSet<>();
        root.collect(ids);
        return ids;
    }

    /**
     * Evaluates the condition.
     *
     * @param answers item id → answer (Number, String, a List of them for multiple choice); a
     *                missing key or null value means unanswered
     */
    public boolean test(Map<String, ?> answers) {
        return root.eval(answers);
    }

    @Override
    public String toString() {
        return source;
    }

    /**
     * The condition in REDCap branching-logic syntax: {@code [item] = '1'}, {@code <>}, {@code and}/{@code or},
     * parentheses; {@code not} is pushed inwards (De Morgan), {@code in [..]} becomes an {@code or} of
     * equalities, and a test on a multiple-choice item becomes REDCap's checkbox form {@code [item(2)] = '1'}.
     *
     * @param multipleChoiceItems ids of the items answered as lists (REDCap checkboxes)
     */
    public String toRedcap(Set<String> multipleChoiceItems) {
        return redcap(root, false, multipleChoiceItems, true);
    }

    private static String redcap(Node n, boolean negated, Set<String> multi, boolean top) {
        if (n instanceof Not not) return redcap(not.inner(), !negated, multi, top);
        if (n instanceof Or or) return join(negated ? " and " : " or ", top, redcap(or.left(), negated, multi, false), redcap(or.right(), negated, multi, false));
        if (n instanceof And and) return join(negated ? " or " : " and ", top, redcap(and.left(), negated, multi, false), redcap(and.right(), negated, multi, false));
        if (n instanceof In in) {
            List<String> parts = new ArrayList<>();
            for (Object v : in.values()) parts.add(compare(in.operand(), negated ? "!=" : "==", new Lit(v), multi));
            return parts.size() == 1 ? parts.get(0) : join(negated ? " and " : " or ", top, parts.toArray(String[]::new));
        }
        Compare c = (Compare) n;
        String op = negated ? switch (c.op()) {
            case "==" -> "!=";
            case "!=" -> "==";
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            default -> "<";
        } : c.op();
        return compare(c.left(), op, c.right(), multi);
    }

    private static String compare(Operand left, String op, Operand right, Set<String> multi) {
        if (left instanceof Ref ref && multi.contains(ref.id()) && right instanceof Lit lit && (op.equals("==") || op.equals("!="))) {
            return "[" + ref.id() + "(" + redcapValue(lit.value()) + ")] = '" + (op.equals("==") ? "1" : "0") + "'";
        }
        String rop = switch (op) {
            case "==" -> "=";
            case "!=" -> "<>";
            default -> op;
        };
        boolean quote = op.equals("==") || op.equals("!=");
        return redcapOperand(left, quote) + " " + rop + " " + redcapOperand(right, quote);
    }

    private static String redcapOperand(Operand o, boolean quote) {
        if (o instanceof Ref r) return "[" + r.id() + "]";
        Object v = ((Lit) o).value();
        if (v instanceof String s) return "'" + s + "'";
        return quote ? "'" + redcapValue(v) + "'" : redcapValue(v);
    }

    private static String redcapValue(Object v) {
        return v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    private static String join(String op, boolean top, String... parts) {
        String s = String.join(op, parts);
        return top ? s : "(" + s + ")";
    }

    // ---- AST

    private sealed interface Node permits Or, And, Not, Compare, In {
        boolean eval(Map<String, ?> answers);

        void collect(Set<String> ids);
    }

    private sealed interface Operand permits Ref, Lit {
        Object value(Map<String, ?> answers);
    }

    private record Ref(String id) implements Operand {
        public Object value(Map<String, ?> answers) {
            return answers.get(id);
        }
    }

    private record Lit(Object value) implements Operand {
        public Object value(Map<String, ?> answers) {
            return value;
        }
    }

    private record Or(Node left, Node right) implements Node {
        public boolean eval(Map<String, ?> a) {
            return left.eval(a) || right.eval(a);
        }

        public void collect(Set<String> ids) {
            left.collect(ids);
            right.collect(ids);
        }
    }

    private record And(Node left, Node right) implements Node {
        public boolean eval(Map<String, ?> a) {
            return left.eval(a) && right.eval(a);
        }

        public void collect(Set<String> ids) {
            left.collect(ids);
            right.collect(ids);
        }
    }

    private record Not(Node inner) implements Node {
        public boolean eval(Map<String, ?> a) {
            return !inner.eval(a);
        }

        public void collect(Set<String> ids) {
            inner.collect(ids);
        }
    }

    private record Compare(Operand left, String op, Operand right) implements Node {
        public boolean eval(Map<String, ?> a) {
            Object l = left.value(a);
            Object r = right.value(a);
            if (l == null || r == null) return false;
            if (l instanceof Collection<?> c) {
                boolean any = c.stream().anyMatch(v -> eq(v, r));
                return switch (op) {
                    case "==" -> any;
                    case "!=" -> !any;
                    default -> false;
                };
            }
            return switch (op) {
                case "==" -> eq(l, r);
                case "!=" -> !eq(l, r);
                default -> {
                    Integer c = order(l, r);
                    if (c == null) yield false;
                    yield switch (op) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
                }
            };
        }

        public void collect(Set<String> ids) {
            if (left instanceof Ref ref) ids.add(ref.id());
            if (right instanceof Ref ref) ids.add(ref.id());
        }
    }

    private record In(Operand operand, List<Object> values) implements Node {
        public boolean eval(Map<String, ?> a) {
            Object v = operand.value(a);
            if (v == null) return false;
            if (v instanceof Collection<?> c) return c.stream().anyMatch(x -> values.stream().anyMatch(y -> eq(x, y)));
            return values.stream().anyMatch(y -> eq(v, y));
        }

        public void collect(Set<String> ids) {
            if (operand instanceof Ref ref) ids.add(ref.id());
        }
    }

    private static BigDecimal number(Object o) {
        if (o instanceof BigDecimal b) return b;
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) return BigDecimal.valueOf(((Number) o).longValue());
        if (o instanceof Number n) return BigDecimal.valueOf(n.doubleValue());
        if (o instanceof Boolean b) return b ? BigDecimal.ONE : BigDecimal.ZERO;
        return null;
    }

    private static boolean eq(Object l, Object r) {
        BigDecimal a = number(l);
        BigDecimal b = number(r);
        if (a != null && b != null) return a.compareTo(b) == 0;
        if (a != null || b != null) return false;
        return String.valueOf(l).equals(String.valueOf(r));
    }

    private static Integer order(Object l, Object r) {
        BigDecimal a = number(l);
        BigDecimal b = number(r);
        if (a != null && b != null) return a.compareTo(b);
        if (l instanceof String s && r instanceof String t) return s.compareTo(t);
        return null;
    }

    // ---- tokenizer and parser

    private enum TokenKind { IDENT, NUMBER, STRING, OP, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, AND, OR, NOT, IN, END }

    private record Token(TokenKind kind, String text, int pos, Object value) {
    }

    private static List<Token> tokenize(String s) throws ParseException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int pos = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(TokenKind.LPAREN, "(", pos, null));
                i++;
            } else if (c == ')') {
                out.add(new Token(TokenKind.RPAREN, ")", pos, null));
                i++;
            } else if (c == '[') {
                out.add(new Token(TokenKind.LBRACKET, "[", pos, null));
                i++;
            } else if (c == ']') {
                out.add(new Token(TokenKind.RBRACKET, "]", pos, null));
                i++;
            } else if (c == ',') {
                out.add(new Token(TokenKind.COMMA, ",", pos, null));
                i++;
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                boolean two = i + 1 < s.length() && s.charAt(i + 1) == '=';
                String op = two ? s.substring(i, i + 2) : String.valueOf(c);
                if (op.equals("=") || op.equals("!")) {
                    throw new ParseException(pos, "'" + op + "' is not an operator; use '==' or '!='");
                }
                out.add(new Token(TokenKind.OP, op, pos, null));
                i += op.length();
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) throw new ParseException(pos, "string starting here is not closed; add the closing " + c);
                String text = s.substring(i + 1, end);
                out.add(new Token(TokenKind.STRING, s.substring(i, end + 1), pos, text));
                i = end + 1;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < s.length() && (Character.isDigit(s.charAt(j)) || s.charAt(j) == '.')) j++;
                String text = s.substring(i, j);
                try {
                    out.add(new Token(TokenKind.NUMBER, text, pos, new BigDecimal(text)));
                } catch (NumberFormatException e) {
                    throw new ParseException(pos, "'" + text + "' is not a number");
                }
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
                String word = s.substring(i, j);
                TokenKind kind = switch (word) {
                    case "and" -> TokenKind.AND;
                    case "or" -> TokenKind.OR;
                    case "not" -> TokenKind.NOT;
                    case "in" -> TokenKind.IN;
                    default -> TokenKind.IDENT;
                };
                if (kind == TokenKind.IDENT && !word.matches("[a-z][a-z0-9_]*")) {
                    throw new ParseException(pos, "'" + word + "' is not an item id (lower-case letters, digits and _, starting with a letter)");
                }
                out.add(new Token(kind, word, pos, null));
                i = j;
            } else if (c == '&' || c == '|') {
                throw new ParseException(pos, "'" + c + "' is not an operator; write 'and' / 'or'");
            } else {
                throw new ParseException(pos, "unexpected character '" + c + "'");
            }
        }
        out.add(new Token(TokenKind.END, "end of expression", s.length() + 1, null));
        return out;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private final String source;
        private int at;

        Parser(List<Token> tokens, String source) {
            this.tokens = tokens;
            this.source = source;
        }

        Token peek() {
            return tokens.get(at);
        }

        Token next() {
            return tokens.get(at++);
        }

        Node expr() throws ParseException {
            Node n = and();
            while (peek().kind == TokenKind.OR) {
                next();
                n = new Or(n, and());
            }
            return n;
        }

        Node and() throws ParseException {
            Node n = unary();
            while (peek().kind == TokenKind.AND) {
                next();
                n = new And(n, unary());
            }
            return n;
        }

        Node unary() throws ParseException {
            Token t = peek();
            if (t.kind == TokenKind.NOT) {
                next();
                return new Not(unary());
            }
            if (t.kind == TokenKind.LPAREN) {
                next();
                Node inner = expr();
                Token close = next();
                if (close.kind != TokenKind.RPAREN) {
                    throw new ParseException(close.pos, "expected ')' to close the '(' at position " + t.pos + ", found " + describe(close));
                }
                return inner;
            }
            return test();
        }

        Node test() throws ParseException {
            Operand left = operand();
            Token op = next();
            if (op.kind == TokenKind.OP) {
                return new Compare(left, op.text, operand());
            }
            if (op.kind == TokenKind.IN) {
                Token open = next();
                if (open.kind != TokenKind.LBRACKET) throw new ParseException(open.pos, "expected '[' after 'in', found " + describe(open));
                List<Object> values = new ArrayList<>();
                do {
                    Token v = next();
                    if (v.kind != TokenKind.NUMBER && v.kind != TokenKind.STRING) {
                        throw new ParseException(v.pos, "expected a number or a string in the 'in [...]' list, found " + describe(v));
                    }
                    values.add(v.value);
                } while (peek().kind == TokenKind.COMMA && next() != null);
                Token close = next();
                if (close.kind != TokenKind.RBRACKET) throw new ParseException(close.pos, "expected ',' or ']' in the 'in [...]' list, found " + describe(close));
                return new In(left, List.copyOf(values));
            }
            throw new ParseException(op.pos, "expected a comparison (== != < <= > >=) or 'in [...]' after " + describeOperand(left) + ", found " + describe(op));
        }

        Operand operand() throws ParseException {
            Token t = next();
            return switch (t.kind) {
                case IDENT -> new Ref(t.text);
                case NUMBER, STRING -> new Lit(t.value);
                default -> throw new ParseException(t.pos, "expected an item id, a number or a string, found " + describe(t));
            };
        }

        private static String describeOperand(Operand o) {
            return o instanceof Ref r ? "'" + r.id() + "'" : "the value";
        }

        private static String describe(Token t) {
            return t.kind == TokenKind.END ? "the end of the expression" : "'" + t.text + "'";
        }
    }
}
