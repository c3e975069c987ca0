package io.github.slipway.sailor.elf.internal;

import io.github.slipway.sailor.elf.Symlink;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Paths inside a sysroot with chroot semantics: every symbolic link is followed by this class,
 * never by the host, so an absolute link target starts again at the sysroot's top and {@code ..}
 * stops there. Nothing outside the sysroot is read. Results are cached: one instance serves one
 * resolution run over a sysroot that does not change meanwhile.
 */
public final class Sysroot {
    /** Linux gives up after 40 links, NetBSD after 32 ({@code MAXSYMLINKS}); take the smaller. */
    public static final int MAX_SYMLINKS = 32;

    /** What a path inside the sysroot leads to. */
    public enum Kind { FILE, DIRECTORY, OTHER }

    /**
     * A resolved path.
     *
     * @param path  the real path inside the sysroot (no symlink left, starts with {@code /})
     * @param host  the same file on the host
     * @param links the links followed, in order
     * @param kind  regular file, directory or other
     */
    public record Resolved(String path, Path host, List<Symlink> links, Kind kind) {
    }

    private final Path root;
    private final Map<String, Optional<Resolved>> cache = new HashMap<>();
    private final Map<String, Set<String>> listings = new HashMap<>();

    /**
     * A sysroot at {@code root} (a directory on the host).
     *
     * @throws IOException if {@code root} is not a directory
     */
    public Sysroot(Path root) throws IOException {
        Path r = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(r)) {
            throw new FileSystemException(r.toString(), null, "sysroot is not a directory");
        }
        this.root = r.toRealPath();
    }

    /** The sysroot on the host. */
    public Path root() {
        return root;
    }

    /** The host path of a real path inside the sysroot. */
    public Path host(String real) {
        return real.equals("/") ? root : root.resolve(real.substring(1));
    }

    /**
     * Resolves {@code path} (relative paths count from the top) following every link with
     * chroot semantics.
     *
     * @return the result, or empty if some component does not exist or is not a directory
     * @throws FileSystemException naming {@code path} when the links loop or nest too deeply
     */
    public Optional<Resolved> resolve(String path) throws IOException {
        String p = normalizeSlashes(path);
        Optional<Resolved> hit = cache.get(p);
        if (hit != null) {
            return hit;
        }
        Optional<Resolved> r;
        if (p.equals("/")) {
            r = Optional.of(new Resolved("/", root, List.of(), Kind.DIRECTORY));
        } else {
            int slash = p.lastIndexOf('/');
            String parent = slash == 0 ? "/" : p.substring(0, slash);
            Optional<Resolved> dir = resolve(parent);
            if (dir.isEmpty() || dir.get().kind() != Kind.DIRECTORY) {
                r = Optional.empty();
            } else {
                Deque<String> todo = new ArrayDeque<>();
                todo.add(p.substring(slash + 1));
                r = walk(path, dir.get(), todo);
            }
        }
        cache.put(p, r);
        return r;
    }

    private static String normalizeSlashes(String path) {
        StringBuilder b = new StringBuilder(path.length() + 1);
        if (!path.startsWith("/")) {
            b.append('/');
        }
        char prev = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' && prev == '/') {
                continue;
            }
            b.append(c);
            prev = c;
        }
        if (b.length() > 1 && b.charAt(b.length() - 1) == '/') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    private Optional<Resolved> walk(String original, Resolved start, Deque<String> todo) throws IOException {
        List<String> cur = new ArrayList<>(components(start.path()));
        List<Symlink> links = new ArrayList<>(start.links());
        Kind kind = start.kind();
        while (!todo.isEmpty()) {
            String c = todo.pollFirst();
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (kind != Kind.DIRECTORY) {
                return Optional.empty();
            }
            if (c.equals("..")) {
                if (!cur.isEmpty()) {
                    cur.remove(cur.size() - 1);
                }
                continue;
            }
            String dir = join(cur);
            if (!names(dir).contains(c)) {
                return Optional.empty();
            }
            String candidate = dir.equals("/") ? "/" + c : dir + "/" + c;
            Path host = host(candidate);
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
            if (a.isSymbolicLink()) {
                if (links.size() >= MAX_SYMLINKS) {
                    throw new SymlinkLoopException(original,
                            "too many levels of symbolic links (a loop?) at " + candidate + " in sysroot " + root);
                }
                String target = Files.readSymbolicLink(host).toString();
                links.add(new Symlink(candidate, target));
                List<String> tc = components(target);
                for (int i = tc.size() - 1; i >= 0; i--) {
                    todo.addFirst(tc.get(i));
                }
                if (target.startsWith("/")) {
                    cur.clear();
                }
                kind = Kind.DIRECTORY;
                continue;
            }
            cur.add(c);
            kind = a.isDirectory() ? Kind.DIRECTORY : a.isRegularFile() ? Kind.FILE : Kind.OTHER;
        }
        String real = join(cur);
        return Optional.of(new Resolved(real, host(real), List.copyOf(links), kind));
    }

    /** The names in a real directory inside the sysroot, read once. */
    private Set<String> names(String realDir) throws IOException {
        Set<String> s = listings.get(realDir);
        if (s == null) {
            s = new java.util.HashSet<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(host(realDir))) {
                for (Path e : ds) {
                    s.add(e.getFileName().toString());
                }
            } catch (NoSuchFileException | NotDirectoryException | java.nio.file.AccessDeniedException e) {
                s = Set.of();
            }
            listings.put(realDir, s);
        }
        return s;
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    private static String join(List<String> comps) {
        return comps.isEmpty() ? "/" : "/" + String.join("/", comps);
    }

    /** Links that loop or nest deeper than {@link #MAX_SYMLINKS}; the message names the path. */
    public static final class SymlinkLoopException extends FileSystemException {
        private static final long serialVersionUID = 1L;

        SymlinkLoopException(String path, String reason) {
            super(path, null, reason);
        }
    }

    /** Like {@link #resolve(String)}, but a loop counts as "no such file" (as for sh's glob). */
    private Optional<Resolved> quietly(String path) throws IOException {
        try {
            return resolve(path);
        } catch (SymlinkLoopException e) {
            return Optional.empty();
        }
    }

    /** Whether a pattern holds shell glob characters. */
    public static boolean isGlob(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /**
     * Expands a shell glob ({@code *}, {@code ?}, {@code [...]} per component) inside the sysroot,
     * like {@code sh} would in a chroot: matches are sorted, names starting with a dot match only a
     * pattern that starts with a dot.
     *
     * @return the matching paths as spelled by the pattern (links in them not resolved)
     */
    public List<String> glob(String pattern) throws IOException {
        List<String> comps = components(pattern);
        List<String> found = new ArrayList<>();
        found.add("/");
        for (String c : comps) {
            List<String> next = new ArrayList<>();
            for (String base : found) {
                String prefix = base.equals("/") ? "/" : base + "/";
                if (!isGlob(c)) {
                    if (quietly(prefix + c).isPresent()) {
                        next.add(prefix + c);
                    }
                    continue;
                }
                Optional<Resolved> dir = quietly(base);
                if (dir.isEmpty() || dir.get().kind() != Kind.DIRECTORY) {
                    continue;
                }
                Pattern re = globRegex(c);
                for (String name : new TreeSet<>(names(dir.get().path()))) {
                    if (name.startsWith(".") && !c.startsWith(".")) {
                        continue;
                    }
                    if (re.matcher(name).matches()) {
                        next.add(prefix + name);
                    }
                }
            }
            found = next;
        }
        Collections.sort(found);
        return found;
    }

    static Pattern globRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (ch == '*') {
                b.append("[^/]*");
            } else if (ch == '?') {
                b.append("[^/]");
            } else if (ch == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) {
                    b.append("\\[");
                    continue;
                }
                String set = glob.substring(i + 1, end);
                if (set.startsWith("!")) {
                    set = "^" + set.substring(1);
                }
                b.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = end;
            } else {
                b.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(b.toString());
    }
}
