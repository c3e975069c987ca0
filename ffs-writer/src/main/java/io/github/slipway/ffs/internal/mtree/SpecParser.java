package io.github.slipway.ffs.internal.mtree;

import io.github.slipway.ffs.DeviceNumber;
import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.MtreeEntry;
import io.github.slipway.ffs.MtreeFormatException;
import io.github.slipway.ffs.UserDatabase;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The spec reader of NetBSD mtree's spec.c ({@code spec()}, {@code set()}, {@code unset()},
 * {@code addchild()}, {@code replacenode()}) as makefs {@code -F} runs it, with the same
 * tokenizing quirks ({@code strsep}), plus bounds and a few checks C leaves to chance:
 * every entry must have a type (makefs aborts on one without), and {@code .}/{@code ..} are not
 * accepted as path elements after the leading {@code ./}.
 */
public final class SpecParser {
    /**
     * Bounds on what a spec may hold.
     *
     * @param maxLine the longest logical line, in chars
     * @param maxEntries the most entry lines
     * @param maxPath the longest path an entry may get, in chars
     * @param maxTotalPath the most path chars all entry lines together may hold
     */
    public record Limits(int maxLine, int maxEntries, int maxPath, long maxTotalPath) {
        /** 64 KiB lines, a million entries, 64 Ki-char paths, 64 Mi path chars in all. */
        public static final Limits DEFAULT = new Limits(64 * 1024, 1_000_000, 64 * 1024, 64L * 1024 * 1024);
    }

    /** Entries in file order, and the spec tree in pre-order with duplicates merged. */
    public record Result(List<MtreeEntry> entries, List<MtreeEntry> merged) {}

    /** The keyword state of a spec.c NODE: flags bits plus values. */
    private static final class Attrs {
        EnumSet<Keyword> keys = EnumSet.noneOf(Keyword.class);
        EntryType type;
        int mode;
        long uid;
        String uname;
        long gid;
        String gname;
        String link;
        int device;
        long timeSec;
        int timeNsec;
        long size;
        int flags;
        String flagsText;
        long nlink;
        String contents;
        String tags;
        long cksum;
        EnumMap<Keyword, String> digests = new EnumMap<>(Keyword.class);

        Attrs copy() {
            Attrs a = new Attrs();
            a.keys = EnumSet.copyOf(keys);
            a.type = type;
            a.mode = mode;
            a.uid = uid;
            a.uname = uname;
            a.gid = gid;
            a.gname = gname;
            a.link = link;
            a.device = device;
            a.timeSec = timeSec;
            a.timeNsec = timeNsec;
            a.size = size;
            a.flags = flags;
            a.flagsText = flagsText;
            a.nlink = nlink;
            a.contents = contents;
            a.tags = tags;
            a.cksum = cksum;
            a.digests = new EnumMap<>(digests);
            return a;
        }

        boolean isDir() {
            return keys.contains(Keyword.TYPE) && type == EntryType.DIRECTORY;
        }
    }

    private static final class Node {
        final String name;
        final String path;
        Node parent;
        final Map<String, Node> children = new LinkedHashMap<>();
        Attrs attrs;
        int line;
        boolean done;

        Node(String name, String path) {
            this.name = name;
            this.path = path;
        }
    }

    /** C's strsep(3) over a string: a cursor that is gone (null) after the last token. */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        String sep(String delims) {
            if (pos < 0) {
                return null;
            }
            for (int i = pos; i < s.length(); i++) {
                if (delims.indexOf(s.charAt(i)) >= 0) {
                    String tok = s.substring(pos, i);
                    pos = i + 1;
                    return tok;
                }
            }
            String tok = s.substring(pos);
            pos = -1;
            return tok;
        }

        String nonEmpty(String delims) {
            String t;
            do {
                t = sep(delims);
            } while (t != null && t.isEmpty());
            return t;
        }
    }

    private final String source;
    private final UserDatabase users;
    private final int umask;
    private final Limits limits;
    private int line;
    private long totalPath;

    private SpecParser(String source, UserDatabase users, int umask, Limits limits) {
        this.source = source;
        this.users = users;
        this.umask = umask;
        this.limits = limits;
    }

    /**
     * Parses a spec.
     *
     * @param source the name errors give the spec
     * @param users resolves {@code uname=} and {@code gname=}
     * @param umask the umask symbolic modes without a who part obey (makefs: the user's)
     */
    public static Result parse(Reader in, String source, UserDatabase users, int umask) throws IOException {
        return parse(in, source, users, umask, Limits.DEFAULT);
    }

    /** Parses UTF-8 bytes; bad bytes are reported with their line. */
    public static Result parse(java.io.InputStream in, String source, UserDatabase users, int umask)
            throws IOException {
        return parse(new Utf8LineReader(in, Limits.DEFAULT.maxLine() * 4), source, users, umask, Limits.DEFAULT);
    }

    /** As {@link #parse(Reader, String, UserDatabase, int)}, with other bounds. */
    public static Result parse(Reader in, String source, UserDatabase users, int umask, Limits limits)
            throws IOException {
        return new SpecParser(source, users, umask, limits).run(in);
    }

    private MtreeFormatException error(Optional<String> entry, String what) {
        return new MtreeFormatException(source, line, entry, what);
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 013 || c == '\f' || c == '\r';
    }

    private Result run(Reader in) throws IOException {
        SpecLineReader reader = new SpecLineReader(in, limits.maxLine());
        List<MtreeEntry> entries = new ArrayList<>();
        Attrs ginfo = new Attrs();
        Node root = null;
        Node last = null;
        while (true) {
            SpecLineReader.Line l;
            try {
                l = reader.next();
            } catch (SpecLineReader.BadLineException e) {
                line = e.line();
                throw error(Optional.empty(), e.getMessage());
            }
            if (l == null) {
                break;
            }
            line = l.number();
            String buf = l.text();
            if (buf.indexOf('\r') >= 0) {
                // makefs would fail on the last word of the line; say why instead
                throw error(Optional.empty(), "carriage return in line (CRLF line endings?)");
            }
            int start = 0;
            while (start < buf.length() && isCSpace(buf.charAt(start))) {
                start++;
            }
            if (start == buf.length()) {
                continue;
            }
            Cursor cur = new Cursor(buf, 0);
            String p = cur.nonEmpty(" \t");
            if (p == null) {
                throw error(Optional.empty(), "missing field");
            }
            if (p.startsWith("/")) {
                if (p.equals("/set")) {
                    set(cur, ginfo, Optional.empty());
                } else if (p.equals("/unset")) {
                    unset(cur, ginfo);
                } else {
                    throw error(Optional.empty(), "invalid specification `" + p + "'");
                }
                continue;
            }
            if (p.equals("..")) {
                if (root == null) {
                    throw error(Optional.empty(), "no parent node");
                }
                if (!last.attrs.isDir() || last.done) {
                    if (last == root) {
                        throw error(Optional.empty(), "no parent node");
                    }
                    last = last.parent;
                }
                last.done = true;
                continue;
            }
            if (entries.size() >= limits.maxEntries()) {
                throw error(Optional.empty(), "more than " + limits.maxEntries() + " entries");
            }
            String name;
            try {
                name = Vis.unvis(p);
            } catch (IllegalArgumentException e) {
                throw error(Optional.empty(), "cannot decode name `" + p + "': " + e.getMessage());
            }
            if (name.indexOf('\0') >= 0) {
                throw error(Optional.empty(), "name `" + p + "' holds a NUL byte");
            }

            // Where the entry goes: spec.c decides this after set(), but it depends only on
            // the name and `last', so deciding first lets set()'s errors name the entry.
            Node parent = null;
            String leaf = name;
            boolean fullPath = name.indexOf('/') >= 0;
            if (fullPath) {
                String[] parts = name.split("/", -1);
                Node dir = null;
                boolean first = true;
                for (int i = 0; i < parts.length - 1; i++) {
                    String part = parts[i];
                    if (part.isEmpty()) {
                        continue;
                    }
                    Node next;
                    if (first) {
                        next = part.equals(".") ? root : null;
                        first = false;
                    } else {
                        next = part.equals(".") || part.equals("..") ? null : dir.children.get(part);
                    }
                    if (next == null || !next.attrs.isDir()) {
                        throw error(Optional.of(name), "missing directory in specification");
                    }
                    dir = next;
                }
                leaf = parts[parts.length - 1];
                if (leaf.isEmpty()) {
                    throw error(Optional.of(name), "empty leaf element");
                }
                if (dir == null) {
                    throw error(Optional.of(name), "missing directory in specification");
                }
                parent = dir;
            }
            if (leaf.equals("..") || (fullPath && leaf.equals("."))) {
                throw error(Optional.of(name), "`" + leaf + "' cannot be an entry's name");
            }
            String path;
            if (root == null) {
                path = name;
            } else if (parent != null) {
                path = parent.path + "/" + leaf;
            } else if (name.equals(".")) {
                path = ".";
            } else {
                parent = last.attrs.isDir() && !last.done ? last : last.parent;
                path = parent.path + "/" + leaf;
            }
            if (path.length() > limits.maxPath()) {
                throw error(Optional.empty(), "path longer than " + limits.maxPath() + " characters");
            }
            totalPath += path.length();
            if (totalPath > limits.maxTotalPath()) {
                throw error(Optional.empty(), "spec too large: paths over " + limits.maxTotalPath() + " characters");
            }
            Optional<String> where = Optional.of(path);

            Attrs attrs = ginfo.copy();
            set(cur, attrs, where);
            if (!attrs.keys.contains(Keyword.TYPE)) {
                throw error(where, "no type (makefs needs type= on every entry)");
            }

            Node node;
            if (root == null) {
                if (!name.equals(".") || !attrs.isDir()) {
                    throw error(where, "root node must be the directory `.'");
                }
                node = root = new Node(".", ".");
                root.parent = root;
                root.attrs = attrs;
                root.line = line;
                last = root;
            } else if (parent == null) { // a second "."
                replace(root, attrs, where);
                node = root;
            } else {
                Node same = parent.children.get(leaf);
                if (same != null) {
                    replace(same, attrs, where);
                    node = same;
                } else {
                    node = new Node(leaf, path);
                    node.parent = parent;
                    node.attrs = attrs;
                    node.line = line;
                    parent.children.put(leaf, node);
                }
                last = node;
            }
            entries.add(toEntry(path, line, attrs, where));
        }
        List<MtreeEntry> merged = new ArrayList<>();
        if (root != null) {
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(root);
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                line = n.line;
                merged.add(toEntry(n.path, n.line, n.attrs, Optional.of(n.path)));
                List<Node> kids = new ArrayList<>(n.children.values());
                for (int i = kids.size() - 1; i >= 0; i--) {
                    stack.push(kids.get(i));
                }
            }
        }
        return new Result(List.copyOf(entries), List.copyOf(merged));
    }

    /** replacenode() without -M: the type must agree, then every keyword is replaced. */
    private void replace(Node node, Attrs attrs, Optional<String> where) throws MtreeFormatException {
        if (node.attrs.type != attrs.type) {
            throw error(where, "existing entry for `" + node.name + "', type `" + typeName(node.attrs)
                    + "' does not match type `" + typeName(attrs) + "'");
        }
        node.attrs = attrs;
        node.line = line;
        node.done = false;
    }

    private static String typeName(Attrs a) {
        return a.type == null ? "unknown" : a.type.mtreeName();
    }

    private void unset(Cursor cur, Attrs ip) throws MtreeFormatException {
        String p;
        while ((p = cur.sep(" \t")) != null) {
            if (p.isEmpty()) {
                continue;
            }
            if (p.equals("all")) {
                ip.keys.clear();
                continue;
            }
            Keyword k = Keyword.byName(p);
            if (k == null) {
                throw error(Optional.empty(), "unknown keyword `" + p + "'");
            }
            ip.keys.remove(k);
        }
    }

    private void set(Cursor cur, Attrs ip, Optional<String> where) throws MtreeFormatException {
        String kw;
        while ((kw = cur.sep("= \t")) != null) {
            if (kw.isEmpty()) {
                continue;
            }
            if (kw.equals("all")) {
                throw error(where, "invalid keyword `all'");
            }
            Keyword k = Keyword.byName(kw);
            if (k == null) {
                throw error(where, "unknown keyword `" + kw + "'");
            }
            ip.keys.add(k);
            if (!k.needsValue()) {
                continue;
            }
            String val = cur.nonEmpty(" \t");
            if (val == null) {
                throw error(where, "missing value for `" + kw + "'");
            }
            try {
                setValue(k, val, ip);
            } catch (IllegalArgumentException e) {
                throw error(where, kw + ": " + e.getMessage());
            }
        }
    }

    private void setValue(Keyword k, String val, Attrs ip) {
        switch (k) {
            case CKSUM -> ip.cksum = unsigned(val, 0xffffffffL, "invalid checksum `" + val + "'");
            case CONTENTS -> ip.contents = decode(val);
            case DEVICE -> ip.device = DeviceFormats.parse(val);
            case FLAGS -> {
                ip.flags = FileFlags.parse(val);
                ip.flagsText = val;
            }
            case GID -> ip.gid = unsigned(val, UserDatabase.ID_MAX, "invalid gid `" + val + "'");
            case GNAME -> {
                OptionalLong g = users.gid(val);
                if (g.isEmpty()) {
                    throw new IllegalArgumentException("unknown group `" + val + "'");
                }
                ip.gid = g.getAsLong();
                ip.gname = val;
            }
            case UID -> ip.uid = unsigned(val, UserDatabase.ID_MAX, "invalid uid `" + val + "'");
            case UNAME -> {
                OptionalLong u = users.uid(val);
                if (u.isEmpty()) {
                    throw new IllegalArgumentException("unknown user `" + val + "'");
                }
                ip.uid = u.getAsLong();
                ip.uname = val;
            }
            case LINK -> ip.link = decode(val);
            case MD5, RMD160, SHA1, SHA256, SHA384, SHA512 -> {
                String md = val.startsWith("0x") ? val.substring(2) : val;
                if (md.isEmpty()) {
                    throw new IllegalArgumentException("empty digest");
                }
                ip.digests.put(k, md);
            }
            case MODE -> {
                try {
                    ip.mode = ModeParser.parse(val, umask);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("cannot set file mode `" + val + "' (" + e.getMessage() + ")");
                }
            }
            case NLINK -> ip.nlink = unsigned(val, UserDatabase.ID_MAX, "invalid link count `" + val + "'");
            case SIZE -> ip.size = unsigned(val, Long.MAX_VALUE, "invalid size `" + val + "'");
            case TAGS -> ip.tags = val;
            case TIME -> {
                int dot = val.indexOf('.');
                if (dot < 0) {
                    throw new IllegalArgumentException("invalid time `" + val + "' (expected SECONDS.NANOSECONDS)");
                }
                String sec = val.substring(0, dot);
                boolean negative = sec.startsWith("-");
                long s = unsigned(negative ? sec.substring(1) : sec, Long.MAX_VALUE, "invalid time `" + val + "'");
                long ns = unsigned(val.substring(dot + 1), 999_999_999L, "invalid time `" + val + "'");
                ip.timeSec = negative ? -s : s;
                ip.timeNsec = (int) ns;
            }
            case TYPE -> ip.type = switch (val) {
                case "block", "char", "dir", "fifo", "file", "link", "socket" -> EntryType.fromMtreeName(val);
                default -> throw new IllegalArgumentException("unknown file type `" + val + "'");
            };
            default -> throw new IllegalStateException("keyword without value: " + k);
        }
    }

    private static String decode(String val) {
        String s = Vis.unvis(val);
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("`" + val + "' holds a NUL byte");
        }
        return s;
    }

    /** A decimal number 0..max (strtoul(…, 10) that must use the whole text). */
    private static long unsigned(String s, long max, String error) {
        if (s.isEmpty() || s.length() > 19) {
            throw new IllegalArgumentException(error);
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(error);
            }
            v = v * 10 + (c - '0');
            if (v < 0 || v > max) {
                throw new IllegalArgumentException(error + ": out of range 0.." + max);
            }
        }
        return v;
    }

    private MtreeEntry toEntry(String path, int lineNo, Attrs a, Optional<String> where)
            throws MtreeFormatException {
        try {
            MtreeEntry.Builder b = MtreeEntry.builder(path).line(lineNo);
            EnumSet<Keyword> k = a.keys;
            if (k.contains(Keyword.TYPE)) {
                b.type(a.type);
            }
            if (k.contains(Keyword.MODE)) {
                b.mode(a.mode);
            }
            if (k.contains(Keyword.UID) || k.contains(Keyword.UNAME)) {
                b.uid(a.uid);
            }
            if (k.contains(Keyword.UNAME)) {
                b.uname(a.uname);
            }
            if (k.contains(Keyword.GID) || k.contains(Keyword.GNAME)) {
                b.gid(a.gid);
            }
            if (k.contains(Keyword.GNAME)) {
                b.gname(a.gname);
            }
            if (k.contains(Keyword.LINK)) {
                b.link(a.link);
            }
            if (k.contains(Keyword.DEVICE)) {
                b.device(DeviceNumber.decode(a.device));
            }
            if (k.contains(Keyword.TIME)) {
                b.time(Instant.ofEpochSecond(a.timeSec, a.timeNsec));
            }
            if (k.contains(Keyword.SIZE)) {
                b.size(a.size);
            }
            if (k.contains(Keyword.FLAGS)) {
                b.flags(a.flags, a.flagsText);
            }
            if (k.contains(Keyword.NLINK)) {
                b.nlink(a.nlink);
            }
            b.optional(k.contains(Keyword.OPTIONAL));
            b.ignore(k.contains(Keyword.IGNORE));
            b.nochange(k.contains(Keyword.NOCHANGE));
            if (k.contains(Keyword.CONTENTS)) {
                b.contents(a.contents);
            }
            if (k.contains(Keyword.TAGS)) {
                b.tags(Arrays.stream(a.tags.split(",")).filter(t -> !t.isEmpty()).toList());
            }
            if (k.contains(Keyword.CKSUM)) {
                b.cksum(a.cksum);
            }
            for (Map.Entry<Keyword, String> d : a.digests.entrySet()) {
                if (k.contains(d.getKey())) {
                    b.digest(d.getKey().canonical(), d.getValue());
                }
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw error(where, e.getMessage());
        }
    }
}
