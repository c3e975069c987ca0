package io.github.slipway.sailor.elf.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the library directories of a sysroot's {@code /etc/ld.so.conf}, in NetBSD or glibc syntax. */
public final class LdSoConf {
    /** Include nesting deeper than this is taken as a loop. */
    private static final int MAX_DEPTH = 16;
    /** A conf larger than this is not a conf. */
    private static final long MAX_SIZE = 1 << 20;

    private LdSoConf() {
    }

    /**
     * NetBSD {@code ld.elf_so} (libexec/ld.elf_so/paths.c): one directory per line, {@code #}
     * starts a comment; lines with more words map a library name to sysctl-chosen variants
     * ({@code libm.so.0 machdep.fpu_type ...}) and add no directory.
     */
    public static List<String> netbsd(Sysroot root, String conf) throws IOException {
        List<String> dirs = new ArrayList<>();
        for (String line : lines(root, conf)) {
            String[] words = strip(line).split("[ \t]+");
            if (words.length == 1 && words[0].startsWith("/")) {
                dirs.add(words[0]);
            }
        }
        return dirs;
    }

    /**
     * glibc {@code ldconfig} (elf/ldconfig.c, parse_conf): directories separated by blanks,
     * {@code :} or {@code ,}; {@code include GLOB} reads more files (a relative glob counts from
     * the including file's directory, matches in sorted order); {@code hwcap} lines are ignored.
     */
    public static List<String> glibc(Sysroot root, String conf) throws IOException {
        Set<String> dirs = new LinkedHashSet<>();
        glibc(root, conf, dirs, 0);
        return List.copyOf(dirs);
    }

    private static void glibc(Sysroot root, String conf, Set<String> dirs, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException(conf + ": include nesting deeper than " + MAX_DEPTH + " (a loop?)");
        }
        for (String line : lines(root, conf)) {
            String s = strip(line);
            if (s.isEmpty()) {
                continue;
            }
            if (s.startsWith("include") && s.length() > 7 && Character.isWhitespace(s.charAt(7))) {
                for (String pat : s.substring(8).trim().split("[ \t]+")) {
                    String glob = pat.startsWith("/") ? pat : parent(conf) + "/" + pat;
                    for (String f : root.glob(glob)) {
                        glibc(root, f, dirs, depth + 1);
                    }
                }
            } else if (s.startsWith("hwcap") && s.length() > 5 && Character.isWhitespace(s.charAt(5))) {
                continue;
            } else {
                for (String d : s.split("[ \t:,]+")) {
                    if (d.startsWith("/")) {
                        // "dir=TYPE" of old libc5 confs
                        int eq = d.indexOf('=');
                        dirs.add(trimSlash(eq > 0 ? d.substring(0, eq) : d));
                    }
                }
            }
        }
    }

    private static String parent(String path) {
        int s = path.lastIndexOf('/');
        return s <= 0 ? "" : path.substring(0, s);
    }

    private static String trimSlash(String d) {
        String r = d;
        while (r.length() > 1 && r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }

    private static String strip(String line) {
        int hash = line.indexOf('#');
        return (hash >= 0 ? line.substring(0, hash) : line).trim();
    }

    private static List<String> lines(Sysroot root, String conf) throws IOException {
        Optional<Sysroot.Resolved> r = root.resolve(conf);
        if (r.isEmpty() || r.get().kind() != Sysroot.Kind.FILE) {
            return List.of();
        }
        if (Files.size(r.get().host()) > MAX_SIZE) {
            throw new IOException(conf + ": larger than " + MAX_SIZE + " bytes, not an ld.so.conf");
        }
        return List.of(new String(Files.readAllBytes(r.get().host()), StandardCharsets.UTF_8).split("\n"));
    }
}
