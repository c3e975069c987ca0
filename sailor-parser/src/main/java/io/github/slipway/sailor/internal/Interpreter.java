package io.github.slipway.sailor.internal;

import io.github.slipway.sailor.CommandSubstitution;
import io.github.slipway.sailor.ConfException;
import io.github.slipway.sailor.ConfSyntaxException;
import io.github.slipway.sailor.ConfValue;
import io.github.slipway.sailor.SourcePosition;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lexes and runs one conf text, a command at a time, the way POSIX sh (dash, NetBSD sh) does for
 * the subset sailor confs use: assignments, quoting, parameter expansion, {@code .} includes.
 * Nothing is ever executed: command substitutions go to the {@link Shell}'s resolver.
 *
 * <p>Quoting follows POSIX XCU 2.2 (backslash, single and double quotes, line continuation), and
 * parameter expansion 2.6.2; where POSIX leaves room, dash is the reference (the differential
 * test compares with it): inside a double-quoted {@code ${x-word}} single quotes are literal and
 * {@code \}} escapes the brace.
 */
public final class Interpreter {
    private enum Ctx {
        /** An unquoted word of a command. */
        TOP,
        /** Inside double quotes. */
        DQ,
        /** The word of an unquoted {@code ${x-word}}. */
        BRACE,
        /** The word of a double-quoted {@code "${x-word}"}. */
        BRACE_DQ
    }

    private sealed interface Part permits Lit, Param, Sub, Tilde {
    }

    /** Literal text; {@code quoted} when it came from quotes or a backslash. */
    private record Lit(String text, boolean quoted) implements Part {
    }

    /** {@code $name}, {@code ${name}}, {@code ${name<op>word}}; op "" plain, "#" length. */
    private record Param(String name, String op, List<Part> arg, boolean dq, int at) implements Part {
    }

    /** A command substitution: body text, where the body starts, where the {@code $} is. */
    private record Sub(String body, int bodyAt, int at, boolean dq) implements Part {
    }

    /** An unquoted leading {@code ~} (tilde prefix with an empty login name). */
    private record Tilde(int at) implements Part {
    }

    /** A word; {@code name} is set when it has the form of an assignment {@code NAME=...}. */
    private record Word(int start, String name, List<Part> parts) {
    }

    /** A piece of an expanded word; {@code split} when field splitting applies to it. */
    private record Seg(String text, boolean split) {
    }

    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done",
            "case", "esac", "while", "until", "for", "in", "{", "}", "!", "function", "select", "[[", "]]");

    private final Shell sh;
    private final ConfText src;
    private final String s;
    private final int depth;
    private int pos;

    /**
     * An interpreter for {@code src}.
     *
     * @param sh    the state it reads and changes
     * @param src   the text
     * @param depth 0 for the top-level conf, +1 per include
     */
    public Interpreter(Shell sh, ConfText src, int depth) {
        this.sh = sh;
        this.src = src;
        this.s = src.text();
        this.depth = depth;
    }

    /** Runs every command of the text. */
    public void run() throws ConfException {
        while (true) {
            skipBlanks();
            if (pos >= s.length()) {
                return;
            }
            char c = s.charAt(pos);
            if (c == '\n') {
                pos++;
            } else if (c == '#') {
                skipComment();
            } else if (c == ';') {
                throw syntax(pos, "unexpected ';' (no command before it)");
            } else {
                command();
            }
        }
    }

    // ---------------------------------------------------------------- lexing

    private SourcePosition at(int offset) {
        return src.at(offset);
    }

    private ConfSyntaxException syntax(int offset, String what) {
        return new ConfSyntaxException(at(offset), what);
    }

    /** Removes backslash-newline pairs at {@code pos} (POSIX 2.2.1 line continuation). */
    private void skipCont() {
        while (pos + 1 < s.length() && s.charAt(pos) == '\\' && s.charAt(pos + 1) == '\n') {
            pos += 2;
        }
    }

    private int peek() {
        skipCont();
        return pos < s.length() ? s.charAt(pos) : -1;
    }

    private void skipBlanks() {
        while (true) {
            int c = peek();
            if (c == ' ' || c == '\t') {
                pos++;
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (pos < s.length() && s.charAt(pos) != '\n') {
            pos++;
        }
    }

    private static boolean isNameStart(int c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(int c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isTopTerminator(int c) {
        return c == -1 || c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|'
                || c == '<' || c == '>' || c == '(' || c == ')';
    }

    private void command() throws ConfException {
        List<Word> words = new ArrayList<>();
        while (true) {
            skipBlanks();
            int c = peek();
            if (c == -1 || c == '\n') {
                break;
            }
            if (c == ';') {
                pos++;
                skipBlanks();
                if (peek() == ';') {
                    throw syntax(pos, "';;' outside a case statement");
                }
                break;
            }
            if (c == '#') {
                skipComment();
                break;
            }
            if ("&|<>()".indexOf(c) >= 0) {
                throw syntax(pos, "shell operator '" + (char) c + "' is not supported in a conf"
                        + " (only assignments, '.', 'source', ':', 'export', 'unset')");
            }
            words.add(word());
        }
        if (!words.isEmpty()) {
            execute(words);
        }
    }

    private Word word() throws ConfException {
        int start = pos;
        String name = assignmentName();
        List<Part> parts = lex(Ctx.TOP, name != null, start);
        return new Word(start, name, parts);
    }

    /** Consumes {@code NAME=} and returns NAME when the word at {@code pos} is an assignment. */
    private String assignmentName() {
        int save = pos;
        StringBuilder name = new StringBuilder();
        int c = peek();
        if (!isNameStart(c)) {
            return null;
        }
        while (isNameChar(c)) {
            name.append((char) c);
            pos++;
            c = peek();
        }
        if (c == '=') {
            pos++;
            return name.toString();
        }
        pos = save;
        return null;
    }

    /** Deeper nesting of quotes, braces and substitutions is refused (the lexer recurses). */
    static final int MAX_NESTING = 100;
    /** The least an include counts against {@code maxTotalBytes}. */
    static final int INCLUDE_COST = 4096;

    private List<Part> lex(Ctx ctx, boolean assignment, int openAt) throws ConfException {
        if (sh.nesting >= MAX_NESTING) {
            throw syntax(openAt, "quotes, ${...} and $(...) nested deeper than " + MAX_NESTING);
        }
        sh.nesting++;
        try {
            return lexNested(ctx, assignment, openAt);
        } finally {
            sh.nesting--;
        }
    }

    private List<Part> lexNested(Ctx ctx, boolean assignment, int openAt) throws ConfException {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean quotedCtx = ctx == Ctx.DQ || ctx == Ctx.BRACE_DQ;
        boolean tildeOk = ctx == Ctx.TOP;
        while (true) {
            int c = peek();
            if (c == -1) {
                if (ctx == Ctx.TOP) {
                    break;
                }
                throw syntax(openAt, ctx == Ctx.DQ ? "unterminated double quote" : "unterminated ${");
            }
            if (ctx == Ctx.TOP && isTopTerminator(c)) {
                break;
            }
            if ((ctx == Ctx.BRACE || ctx == Ctx.BRACE_DQ) && c == '}') {
                break;
            }
            if (ctx == Ctx.DQ && c == '"') {
                break;
            }
            if (tildeOk && c == '~') {
                int save = pos;
                pos++;
                int n = peek();
                if (isTopTerminator(n) || n == '/' || (assignment && n == ':')) {
                    flush(parts, lit, false);
                    parts.add(new Tilde(save));
                    tildeOk = false;
                    continue;
                }
                if (isNameChar(n) || n == '.' || n == '-') {
                    throw syntax(save, "~user expansion is not supported (it depends on the host's users)");
                }
                pos = save;
            }
            tildeOk = false;
            if (c == '\'') {
                if (quotedCtx) {
                    lit.append('\'');
                    pos++;
                    continue;
                }
                int close = s.indexOf('\'', pos + 1);
                if (close < 0) {
                    throw syntax(pos, "unterminated single quote");
                }
                flush(parts, lit, false);
                parts.add(new Lit(s.substring(pos + 1, close), true));
                pos = close + 1;
            } else if (c == '"') {
                int open = pos;
                pos++;
                flush(parts, lit, quotedCtx);
                List<Part> inner = lex(Ctx.DQ, false, open);
                pos++; // the closing quote; lex throws at end of text
                if (inner.isEmpty()) {
                    parts.add(new Lit("", true));
                } else {
                    parts.addAll(inner);
                }
            } else if (c == '\\') {
                if (pos + 1 >= s.length()) {
                    lit.append('\\');
                    pos++;
                    continue;
                }
                char n = s.charAt(pos + 1);
                boolean escapes;
                if (ctx == Ctx.DQ) {
                    escapes = n == '$' || n == '`' || n == '"' || n == '\\';
                } else if (ctx == Ctx.BRACE_DQ) {
                    escapes = n == '$' || n == '`' || n == '"' || n == '\\' || n == '}';
                } else {
                    escapes = true;
                }
                if (escapes) {
                    flush(parts, lit, quotedCtx);
                    parts.add(new Lit(String.valueOf(n), true));
                    pos += 2;
                } else {
                    lit.append('\\');
                    pos++;
                }
            } else if (c == '$') {
                Part p = dollar(ctx);
                if (p == null) {
                    lit.append('$');
                } else {
                    flush(parts, lit, quotedCtx);
                    parts.add(p);
                }
            } else if (c == '`') {
                flush(parts, lit, quotedCtx);
                parts.add(backquote(quotedCtx));
            } else {
                lit.append((char) c);
                pos++;
                if (c == ':' && assignment && ctx == Ctx.TOP) {
                    tildeOk = true;
                }
            }
        }
        flush(parts, lit, quotedCtx);
        return parts;
    }

    private static void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
        if (lit.length() > 0) {
            parts.add(new Lit(lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    /** At a {@code $}: the expansion it starts, or null (pos past the {@code $}) if it is literal. */
    private Part dollar(Ctx ctx) throws ConfException {
        boolean dq = ctx == Ctx.DQ || ctx == Ctx.BRACE_DQ;
        int at = pos;
        pos++;
        int c = peek();
        if (c == '{') {
            return braced(at, dq);
        }
        if (c == '(') {
            pos++;
            if (peek() == '(') {
                throw syntax(at, "arithmetic expansion $(( )) is not supported");
            }
            return commandSubstitution(at, dq);
        }
        if (isNameStart(c)) {
            return new Param(name(), "", List.of(), dq, at);
        }
        if (c != -1 && (Character.isDigit(c) || "@*#?-$!".indexOf(c) >= 0)) {
            throw syntax(at, "special parameter $" + (char) c + " is not supported (its value is sailor's own)");
        }
        return null;
    }

    private String name() {
        StringBuilder b = new StringBuilder();
        int c = peek();
        while (isNameChar(c)) {
            b.append((char) c);
            pos++;
            c = peek();
        }
        String n = b.toString();
        sh.referenced.add(n);
        return n;
    }

    private Part braced(int at, boolean dq) throws ConfException {
        pos++; // {
        boolean length = false;
        int c = peek();
        if (c == '#') {
            pos++;
            if (!isNameStart(peek())) {
                throw syntax(at, "special parameter ${#...} is not supported");
            }
            length = true;
            c = peek();
        }
        if (c == -1) {
            throw syntax(at, "unterminated ${");
        }
        if (!isNameStart(c)) {
            if (Character.isDigit(c) || "@*#?-$!".indexOf(c) >= 0) {
                throw syntax(at, "special parameter ${" + (char) c + "} is not supported (its value is sailor's own)");
            }
            throw syntax(at, "bad substitution: '" + (char) c + "' cannot start a variable name");
        }
        String name = name();
        c = peek();
        if (c == '}') {
            pos++;
            return new Param(name, length ? "#" : "", List.of(), dq, at);
        }
        if (c == -1 || c == '\n') {
            throw syntax(at, "unterminated ${");
        }
        if (length) {
            throw syntax(at, "bad substitution: ${#" + name + " must be followed by '}'");
        }
        String op;
        if (c == ':') {
            pos++;
            int c2 = peek();
            if (c2 == '-' || c2 == '=' || c2 == '+' || c2 == '?') {
                op = ":" + (char) c2;
                pos++;
            } else if (c2 == -1) {
                throw syntax(at, "unterminated ${");
            } else {
                throw syntax(at, "bad substitution: ${" + name + ":" + (char) c2 + " (substrings are not POSIX)");
            }
        } else if (c == '-' || c == '=' || c == '+' || c == '?') {
            op = String.valueOf((char) c);
            pos++;
        } else if (c == '%' || c == '#') {
            throw syntax(at, "pattern removal ${" + name + (char) c + "...} is not supported");
        } else {
            throw syntax(at, "bad substitution: unexpected '" + (char) c + "' after ${" + name);
        }
        List<Part> arg = lex(dq ? Ctx.BRACE_DQ : Ctx.BRACE, false, at);
        pos++; // }
        return new Param(name, op, arg, dq, at);
    }

    private Part commandSubstitution(int at, boolean dq) throws ConfException {
        int start = pos;
        int level = 1;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '\'') {
                int close = s.indexOf('\'', pos + 1);
                if (close < 0) {
                    throw syntax(at, "unterminated $(");
                }
                pos = close + 1;
                continue;
            }
            if (c == '"') {
                pos++;
                while (pos < s.length() && s.charAt(pos) != '"') {
                    pos += s.charAt(pos) == '\\' ? 2 : 1;
                }
                if (pos >= s.length()) {
                    throw syntax(at, "unterminated $(");
                }
                pos++;
                continue;
            }
            if (c == '(') {
                level++;
            } else if (c == ')') {
                level--;
                if (level == 0) {
                    String body = s.substring(start, pos);
                    pos++;
                    return new Sub(body, start, at, dq);
                }
            }
            pos++;
        }
        throw syntax(at, "unterminated $(");
    }

    private Part backquote(boolean dq) throws ConfException {
        int at = pos;
        pos++;
        StringBuilder b = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\\' && pos + 1 < s.length()) {
                char n = s.charAt(pos + 1);
                if (n == '$' || n == '`' || n == '\\' || (dq && n == '"')) {
                    b.append(n);
                } else if (n != '\n') {
                    b.append('\\').append(n);
                }
                pos += 2;
                continue;
            }
            if (c == '`') {
                pos++;
                return new Sub(b.toString(), at + 1, at, dq);
            }
            b.append(c);
            pos++;
        }
        throw syntax(at, "unterminated backquote");
    }

    // ---------------------------------------------------------------- execution

    private void execute(List<Word> words) throws ConfException {
        int i = 0;
        while (i < words.size() && words.get(i).name() != null) {
            i++;
        }
        if (i == words.size()) {
            for (Word w : words) {
                assign(w.name(), expandString(w.parts(), w.start()), at(w.start()));
            }
            return;
        }
        Word cmd = words.get(i);
        List<Word> args = words.subList(i + 1, words.size());
        String name = literal(cmd);
        if (name == null) {
            // sh expands the command's words first; when nothing is left there is no command
            // and the assignments before it stay (POSIX XCU 2.9.1)
            List<String> fields = fields(words.subList(i, words.size()));
            if (!fields.isEmpty()) {
                throw syntax(cmd.start(), "command '" + fields.get(0) + "' (made by expansion) is not run:"
                        + " a conf may only assign variables and include files");
            }
        }
        for (int k = 0; k < i; k++) {
            Word w = words.get(k);
            assign(w.name(), expandString(w.parts(), w.start()), at(w.start()));
        }
        if (name == null) {
            return;
        }
        switch (name) {
            case ".", "source" -> {
                List<String> fields = fields(args);
                if (fields.size() != 1) {
                    throw syntax(cmd.start(), "'" + name + "' needs exactly one file name, got " + fields.size());
                }
                include(fields.get(0), cmd.start());
            }
            case ":", "true" -> fields(args);
            case "export", "readonly" -> {
                for (Word w : args) {
                    if (w.name() != null) {
                        assign(w.name(), expandString(w.parts(), w.start()), at(w.start()));
                    } else {
                        for (String f : fields(List.of(w))) {
                            if (f.startsWith("-")) {
                                continue;
                            }
                            if (!f.chars().allMatch(Interpreter::isNameChar) || !isNameStart(f.charAt(0))) {
                                throw syntax(w.start(), name + ": bad variable name '" + f + "'");
                            }
                            sh.referenced.add(f);
                        }
                    }
                }
            }
            case "unset" -> {
                for (Word w : args) {
                    for (String f : fields(List.of(w))) {
                        if (f.equals("-v")) {
                            continue;
                        }
                        if (f.equals("-f")) {
                            throw syntax(w.start(), "unset -f: a conf defines no functions");
                        }
                        sh.referenced.add(f);
                        sh.vars.remove(f);
                    }
                }
            }
            default -> {
                if (RESERVED.contains(name)) {
                    throw syntax(cmd.start(), "shell construct '" + name + "' is not supported in a conf");
                }
                throw syntax(cmd.start(), "command '" + name + "' is not run: a conf may only assign variables,"
                        + " include files ('.', 'source') and use ':', 'export', 'readonly', 'unset'");
            }
        }
    }

    private static String literal(Word w) {
        StringBuilder b = new StringBuilder();
        if (w.name() != null) {
            b.append(w.name()).append('=');
        }
        for (Part p : w.parts()) {
            if (!(p instanceof Lit l)) {
                return null;
            }
            b.append(l.text());
        }
        return b.toString();
    }

    private void assign(String name, String value, SourcePosition where) {
        sh.vars.put(name, new ConfValue(name, value, where));
        sh.assignments.add(new Shell.Assignment(name, where, depth, sh.inRunAtEval));
    }

    private void include(String file, int cmdAt) throws ConfException {
        SourcePosition where = at(cmdAt);
        if (depth + 1 > sh.limits.maxIncludeDepth()) {
            throw new ConfException(where, "includes nested deeper than " + sh.limits.maxIncludeDepth());
        }
        if (file.isEmpty()) {
            throw new ConfException(where, "'.' with an empty file name");
        }
        Path target;
        if (file.startsWith("/")) {
            // chroot semantics: ".." never climbs above the include root
            List<String> comps = new ArrayList<>();
            for (String c : file.split("/")) {
                if (c.isEmpty() || c.equals(".")) {
                    continue;
                }
                if (c.equals("..")) {
                    if (!comps.isEmpty()) {
                        comps.remove(comps.size() - 1);
                    }
                } else {
                    comps.add(c);
                }
            }
            target = sh.includeRoot;
            for (String c : comps) {
                target = target.resolve(c);
            }
        } else {
            Path dir = src.file().getParent();
            target = (dir == null ? Path.of(file) : dir.resolve(file)).normalize();
        }
        ConfText text = ConfText.read(target, sh.limits, where);
        Path real;
        try {
            real = target.toRealPath();
            if (file.startsWith("/") && !real.startsWith(sh.includeRoot.toRealPath())) {
                throw new ConfException(where, "include " + file + " resolves to " + real
                        + ", outside the include root " + sh.includeRoot);
            }
        } catch (IOException e) {
            if (e instanceof ConfException ce) {
                throw ce;
            }
            throw new ConfException(where, "cannot read include " + target + ": " + e.getMessage());
        }
        int idx = sh.includeStack.indexOf(real);
        if (idx >= 0) {
            StringBuilder chain = new StringBuilder();
            for (int k = idx; k < sh.includeNames.size(); k++) {
                chain.append(sh.includeNames.get(k)).append(" -> ");
            }
            chain.append(target);
            throw new ConfException(where, "include cycle: " + chain);
        }
        // every include costs at least a page, so that tiny files included over and over
        // (a fan-out of '.' lines at each level) still hit the total bound
        sh.chargeBytes(Math.max(text.text().length(), INCLUDE_COST), where);
        sh.push(real, target);
        try {
            new Interpreter(sh, text, depth + 1).run();
        } finally {
            sh.pop();
        }
    }

    // ---------------------------------------------------------------- expansion

    private String expandString(List<Part> parts, int wordAt) throws ConfException {
        StringBuilder b = new StringBuilder();
        for (Seg g : expand(parts, false, wordAt)) {
            append(b, g.text(), wordAt);
        }
        return b.toString();
    }

    private void append(StringBuilder b, String t, int wordAt) throws ConfException {
        if ((long) b.length() + t.length() > sh.limits.maxValueChars()) {
            throw new ConfException(at(wordAt), "expansion longer than " + sh.limits.maxValueChars() + " characters");
        }
        b.append(t);
    }

    private List<Seg> expand(List<Part> parts, boolean splitLiterals, int wordAt) throws ConfException {
        List<Seg> out = new ArrayList<>();
        long total = 0;
        for (Part p : parts) {
            int before = out.size();
            expandPart(p, splitLiterals, out);
            for (int k = before; k < out.size(); k++) {
                total += out.get(k).text().length();
            }
            if (total > sh.limits.maxValueChars()) {
                throw new ConfException(at(wordAt), "expansion longer than " + sh.limits.maxValueChars() + " characters");
            }
        }
        sh.chargeExpansion(total, at(wordAt));
        return out;
    }

    private void expandPart(Part p, boolean splitLiterals, List<Seg> out) throws ConfException {
        if (p instanceof Lit l) {
            out.add(new Seg(l.text(), splitLiterals && !l.quoted()));
        } else if (p instanceof Tilde t) {
            ConfValue home = sh.vars.get("HOME");
            sh.referenced.add("HOME");
            if (home == null) {
                sh.warn(at(t.at()), "HOME is unset: '~' stays a literal '~'");
                out.add(new Seg("~", false));
            } else {
                out.add(new Seg(home.value(), false));
            }
        } else if (p instanceof Param pa) {
            expandParam(pa, out);
        } else if (p instanceof Sub sub) {
            String r = substitute(sub);
            out.add(new Seg(r, !sub.dq()));
        }
    }

    private void expandParam(Param p, List<Seg> out) throws ConfException {
        ConfValue v = sh.vars.get(p.name());
        boolean set = v != null;
        boolean nonNull = set && !v.value().isEmpty();
        String value = set ? v.value() : "";
        boolean split = !p.dq();
        switch (p.op()) {
            case "" -> {
                if (!set) {
                    warnUnset(p);
                }
                out.add(new Seg(value, split));
            }
            case "#" -> {
                if (!set) {
                    warnUnset(p);
                }
                out.add(new Seg(Integer.toString(value.length()), split));
            }
            case ":-", "-" -> {
                if (p.op().equals(":-") ? !nonNull : !set) {
                    out.addAll(expand(p.arg(), split, p.at()));
                } else {
                    out.add(new Seg(value, split));
                }
            }
            case ":=", "=" -> {
                if (p.op().equals(":=") ? !nonNull : !set) {
                    String w = expandString(p.arg(), p.at());
                    assign(p.name(), w, at(p.at()));
                    out.add(new Seg(w, split));
                } else {
                    out.add(new Seg(value, split));
                }
            }
            case ":+", "+" -> {
                if (p.op().equals(":+") ? nonNull : set) {
                    out.addAll(expand(p.arg(), split, p.at()));
                }
            }
            case ":?", "?" -> {
                if (p.op().equals(":?") ? !nonNull : !set) {
                    String msg = expandString(p.arg(), p.at());
                    throw new ConfException(at(p.at()), p.name() + ": "
                            + (msg.isEmpty() ? "parameter null or not set" : msg));
                }
                out.add(new Seg(value, split));
            }
            default -> throw new IllegalStateException(p.op());
        }
    }

    private void warnUnset(Param p) {
        sh.warn(at(p.at()), p.name() + " is unset (sh expands it to an empty string)");
    }

    private String substitute(Sub sub) throws ConfException {
        SourcePosition where = at(sub.at());
        Interpreter inner = new Interpreter(sh, ConfText.fragment(sub.body(), at(sub.bodyAt())), depth);
        List<String> words;
        if (sh.nesting >= MAX_NESTING) {
            throw new ConfSyntaxException(where, "quotes, ${...} and $(...) nested deeper than " + MAX_NESTING);
        }
        sh.nesting++;
        try {
            words = inner.simpleCommandWords();
        } finally {
            sh.nesting--;
        }
        if (words != null && words.isEmpty()) {
            return "";
        }
        String r;
        try {
            r = sh.resolver.resolve(new CommandSubstitution(sub.body(), words == null ? List.of() : words, where));
        } catch (ConfException e) {
            throw e;
        } catch (IOException e) {
            throw new ConfException(where, "command substitution `" + sub.body() + "`: " + e.getMessage());
        }
        if (r == null) {
            throw new ConfException(where, "command substitution `" + sub.body() + "`: the resolver gave no answer");
        }
        int end = r.length();
        while (end > 0 && r.charAt(end - 1) == '\n') {
            end--;
        }
        r = r.substring(0, end);
        if (r.isEmpty()) {
            sh.warn(where, "command substitution `" + sub.body() + "` gives an empty string"
                    + (words != null && !words.isEmpty() && (words.get(0).equals("which") || words.get(0).equals("command"))
                    ? " (not found in the sysroot's PATH)" : ""));
        }
        return r;
    }

    /** The expanded words of a text that is one simple command of plain words, else null. */
    private List<String> simpleCommandWords() throws ConfException {
        List<Word> words = new ArrayList<>();
        while (true) {
            skipBlanks();
            int c = peek();
            if (c == -1) {
                break;
            }
            if (c == '\n') {
                pos++;
                if (!words.isEmpty()) {
                    skipBlanks();
                    if (peek() != -1) {
                        return null;
                    }
                }
                continue;
            }
            if (c == '#') {
                skipComment();
                continue;
            }
            if (";&|<>()".indexOf(c) >= 0) {
                return null;
            }
            Word w = word();
            if (w.name() != null) {
                return null;
            }
            words.add(w);
        }
        return fields(words);
    }

    /** Expands words with field splitting (default IFS) and no pathname expansion. */
    private List<String> fields(List<Word> words) throws ConfException {
        List<String> out = new ArrayList<>();
        for (Word w : words) {
            List<Part> parts = w.parts();
            if (w.name() != null) {
                parts = new ArrayList<>(parts);
                parts.add(0, new Lit(w.name() + "=", false));
            }
            StringBuilder f = new StringBuilder();
            boolean started = false;
            for (Seg g : expand(parts, false, w.start())) {
                if (!g.split()) {
                    append(f, g.text(), w.start());
                    started = true;
                    continue;
                }
                for (int k = 0; k < g.text().length(); k++) {
                    char c = g.text().charAt(k);
                    if (c == ' ' || c == '\t' || c == '\n') {
                        if (started) {
                            out.add(f.toString());
                            f.setLength(0);
                            started = false;
                        }
                    } else {
                        f.append(c);
                        started = true;
                    }
                }
            }
            if (started) {
                out.add(f.toString());
            }
        }
        return out;
    }
}
