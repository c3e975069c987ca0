package io.github.slipway.sailor.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * sh pathname expansion (POSIX XCU 2.13) of an absolute pattern inside a sysroot: {@code *},
 * {@code ?}, bracket expressions with {@code !}; a leading dot must be matched explicitly.
 */
public final class SysrootGlob {
    private static final int MAX_MATCHES = 10_000;

    private SysrootGlob() {
    }

    /** Whether {@code word} holds an unescaped pattern character. */
    public static boolean isPattern(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /**
     * The paths (absolute, as seen inside the sysroot, sorted) that {@code pattern} matches.
     *
     * @param root    the sysroot
     * @param pattern an absolute pattern such as {@code /usr/lib/libc.so.*}
     */
    public static List<String> expand(Path root, String pattern) throws IOException {
        List<Path> current = List.of(root);
        for (String comp : pattern.split("/")) {
            if (comp.isEmpty()) {
                continue;
            }
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!isPattern(comp)) {
                    Path p = dir.resolve(comp.replace("\\", ""));
                    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                        next.add(p);
                    }
                    continue;
                }
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                Pattern re = Pattern.compile(toRegex(comp), Pattern.DOTALL);
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                    for (Path e : ds) {
                        String name = e.getFileName().toString();
                        if (name.startsWith(".") && !comp.startsWith(".")) {
                            continue;
                        }
                        if (re.matcher(name).matches()) {
                            next.add(e);
                            if (next.size() > MAX_MATCHES) {
                                throw new IOException("pattern " + pattern + " matches more than " + MAX_MATCHES + " paths");
                            }
                        }
                    }
                }
            }
            current = next;
        }
        List<String> out = new ArrayList<>();
        for (Path p : current) {
            StringBuilder b = new StringBuilder();
            for (Path c : root.relativize(p)) {
                b.append('/').append(c);
            }
            out.add(b.length() == 0 ? "/" : b.toString());
        }
        out.sort(null);
        return out;
    }

    static String toRegex(String glob) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                r.append(".*");
            } else if (c == '?') {
                r.append('.');
            } else if (c == '\\' && i + 1 < glob.length()) {
                r.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '[') {
                int j = i + 1;
                if (j < glob.length() && (glob.charAt(j) == '!' || glob.charAt(j) == '^')) {
                    j++;
                }
                if (j < glob.length() && glob.charAt(j) == ']') {
                    j++;
                }
                while (j < glob.length() && glob.charAt(j) != ']') {
                    j++;
                }
                if (j >= glob.length()) {
                    r.append("\\[");
                    continue;
                }
                StringBuilder cls = new StringBuilder("[");
                int k = i + 1;
                if (glob.charAt(k) == '!' || glob.charAt(k) == '^') {
                    cls.append('^');
                    k++;
                }
                for (; k < j; k++) {
                    char d = glob.charAt(k);
                    if (d == '\\' || d == '[' || d == ']' || d == '&' || d == '^') {
                        cls.append('\\');
                    }
                    cls.append(d);
                }
                r.append(cls).append(']');
                i = j;
            } else {
                r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }
}
