package io.github.slipway.examples.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The users and groups a ship's files are owned by: {@code root}'s uid, {@code wheel}'s gid
 * (NetBSD's group 0; Linux calls it {@code root}) and each user's home directory, read from a
 * {@code master.passwd} (NetBSD, 10 fields) or {@code passwd} (Linux, 7 fields) and a
 * {@code group} file. The first line naming a user or group wins, as in getpwnam(3).
 *
 * <pre>{@code
 * Accounts a = Accounts.read(passwdStream, "etc/master.passwd", groupStream, "etc/group");
 * a.rootUid();      // 0
 * a.homes();        // [nginx uid 99 gid 99 /var/db/nginx, ...]
 * }</pre>
 */
public final class Accounts {
    /** Longest line read; longer lines are an error, not a reason to allocate. */
    private static final int MAX_LINE = 4096;
    /** Most lines read per file. */
    private static final int MAX_LINES = 100_000;

    /**
     * A user with a home directory.
     *
     * @param name the login name
     * @param uid  its uid
     * @param gid  its primary gid
     * @param home its home directory
     */
    public record Home(String name, long uid, long gid, String home) {
        /**
         * Rejects nulls.
         *
         * @param name the login name
         * @param uid its uid
         * @param gid its primary gid
         * @param home its home directory
         */
        public Home {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(home, "home");
        }
    }

    private final String source;
    private final Map<String, Long> uids;
    private final Map<String, Long> gids;
    private final List<Home> homes;

    private Accounts(String source, Map<String, Long> uids, Map<String, Long> gids, List<Home> homes) {
        this.source = source;
        this.uids = uids;
        this.gids = gids;
        this.homes = List.copyOf(homes);
    }

    /** NetBSD's defaults when a ship brings no account files: root 0, wheel 0, no homes. */
    public static Accounts defaults() {
        return new Accounts("NetBSD defaults", Map.of("root", 0L), Map.of("wheel", 0L), List.of());
    }

    /**
     * Reads a passwd-style and a group file.
     *
     * @throws IOException naming file:line for a malformed line
     */
    public static Accounts read(InputStream passwd, String passwdName, InputStream group, String groupName)
            throws IOException {
        Map<String, Long> uids = new LinkedHashMap<>();
        Map<String, Long> gids = new LinkedHashMap<>();
        List<Home> homes = new ArrayList<>();
        for (String[] f : lines(passwd, passwdName, true)) {
            int lineNo = Integer.parseInt(f[f.length - 1]);
            int n = f.length - 1;
            if (n != 10 && n != 7) {
                throw new IOException(passwdName + ":" + lineNo + ": expected 10 (master.passwd) or 7 (passwd)"
                        + " colon-separated fields, found " + n);
            }
            long uid = id(f[2], passwdName, lineNo, "uid");
            long gid = id(f[3], passwdName, lineNo, "gid");
            String home = f[n == 10 ? 8 : 5];
            if (uids.putIfAbsent(f[0], uid) == null && home.startsWith("/")) {
                homes.add(new Home(f[0], uid, gid, home));
            }
        }
        for (String[] f : lines(group, groupName, false)) {
            int lineNo = Integer.parseInt(f[f.length - 1]);
            if (f.length - 1 != 4) {
                throw new IOException(groupName + ":" + lineNo + ": expected 4 colon-separated fields, found "
                        + (f.length - 1));
            }
            gids.putIfAbsent(f[0], id(f[2], groupName, lineNo, "gid"));
        }
        return new Accounts(passwdName + ", " + groupName, uids, gids, homes);
    }

    /** Lines split on ':', the line number appended as a last field. */
    private static List<String[]> lines(InputStream in, String name, boolean passwd) throws IOException {
        List<String[]> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        StringBuilder line = new StringBuilder();
        while (true) {
            line.setLength(0);
            int c;
            while ((c = r.read()) >= 0 && c != '\n') {
                if (line.length() >= MAX_LINE) {
                    throw new IOException(name + ":" + (lineNo + 1) + ": line longer than " + MAX_LINE + " characters");
                }
                line.append((char) c);
            }
            if (c < 0 && line.length() == 0) {
                break;
            }
            lineNo++;
            if (lineNo > MAX_LINES) {
                throw new IOException(name + ":" + lineNo + ": more than " + MAX_LINES + " lines");
            }
            String s = line.toString();
            if (s.isBlank() || s.startsWith("#") || s.startsWith("+") || s.startsWith("-")) {
                continue; // comments and NIS compat entries own no files
            }
            String[] f = s.split(":", -1);
            if (f[0].isEmpty()) {
                throw new IOException(name + ":" + lineNo + ": empty " + (passwd ? "user" : "group") + " name");
            }
            String[] g = java.util.Arrays.copyOf(f, f.length + 1);
            g[f.length] = Integer.toString(lineNo);
            out.add(g);
            if (c < 0) {
                break;
            }
        }
        return out;
    }

    private static long id(String s, String file, int line, String what) throws IOException {
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new IOException(file + ":" + line + ": invalid " + what + " '" + s + "'");
        }
        long v = Long.parseLong(s);
        if (v > 0xffffffffL) {
            throw new IOException(file + ":" + line + ": " + what + " " + v + " out of range");
        }
        return v;
    }

    /** The uid of {@code root} (0 when the file does not name it). */
    public long rootUid() {
        return uids.getOrDefault("root", 0L);
    }

    /** The gid of {@code wheel}, else 0 (group 0 is wheel on NetBSD, root on Linux). */
    public long wheelGid() {
        return gids.getOrDefault("wheel", 0L);
    }

    /** The uid of a user, if named. */
    public Optional<Long> uid(String user) {
        return Optional.ofNullable(uids.get(user));
    }

    /** Users other than root whose home directory is given, in file order. */
    public List<Home> homes() {
        List<Home> out = new ArrayList<>();
        for (Home h : homes) {
            if (h.uid() != rootUid()) {
                out.add(h);
            }
        }
        return out;
    }

    /** Where these accounts were read from, for messages. */
    public String source() {
        return source;
    }
}
