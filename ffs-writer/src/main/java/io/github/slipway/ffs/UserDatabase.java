package io.github.slipway.ffs;

import io.github.slipway.ffs.internal.mtree.NetBsdAccounts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The users and groups that mtree {@code uname=}/{@code gname=} keywords resolve against:
 * either NetBSD's standard accounts (built in, from NetBSD's {@code etc/master.passwd} and
 * {@code etc/group}) or, like makefs {@code -N DIR}, the files {@code DIR/master.passwd} and
 * {@code DIR/group}. As with makefs' pwcache lookups, the first line naming a user, group or id
 * wins.
 *
 * <pre>{@code
 * UserDatabase db = UserDatabase.netbsd();
 * db.gid("kmem");                         // OptionalLong[2]
 * db.userName(0);                         // Optional[root]
 * UserDatabase etc = UserDatabase.fromDirectory(Path.of("sysroot/etc"));
 * }</pre>
 *
 * <p>Unlike makefs, which skips lines it cannot read, a malformed line is an error naming the
 * file and line. Blank lines and lines starting with {@code #} are skipped.
 */
public final class UserDatabase {
    /** The largest uid or gid ({@code UID_MAX}, {@code GID_MAX}: 32-bit unsigned). */
    public static final long ID_MAX = 0xffffffffL;

    private static final UserDatabase NETBSD;

    static {
        try {
            NETBSD = parse(new StringReader(NetBsdAccounts.MASTER_PASSWD), "<netbsd>/etc/master.passwd",
                    new StringReader(NetBsdAccounts.GROUP), "<netbsd>/etc/group");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Map<String, Long> uidByName;
    private final Map<Long, String> userById;
    private final Map<String, Long> gidByName;
    private final Map<Long, String> groupById;

    private UserDatabase(Map<String, Long> uidByName, Map<Long, String> userById,
            Map<String, Long> gidByName, Map<Long, String> groupById) {
        this.uidByName = Collections.unmodifiableMap(uidByName);
        this.userById = Collections.unmodifiableMap(userById);
        this.gidByName = Collections.unmodifiableMap(gidByName);
        this.groupById = Collections.unmodifiableMap(groupById);
    }

    /** {@return NetBSD's standard users (root, toor, daemon, operator, bin, ...) and groups (wheel, kmem, ...)} */
    public static UserDatabase netbsd() {
        return NETBSD;
    }

    /**
     * Reads {@code dir/master.passwd} and {@code dir/group}, as makefs {@code -N dir} does.
     *
     * @param dir the folder holding {@code master.passwd} and {@code group}
     * @throws MtreeFormatException for a malformed line (file:line)
     * @throws IOException if either file cannot be read
     * @return the database
     */
    public static UserDatabase fromDirectory(Path dir) throws IOException {
        Path passwd = dir.resolve("master.passwd");
        Path group = dir.resolve("group");
        try (Reader p = Files.newBufferedReader(passwd, StandardCharsets.UTF_8);
                Reader g = Files.newBufferedReader(group, StandardCharsets.UTF_8)) {
            return parse(p, passwd.toString(), g, group.toString());
        }
    }

    /**
     * Reads a {@code master.passwd} (10 colon-separated fields) and a {@code group} (4 fields).
     *
     * @param masterPasswd the {@code master.passwd} text
     * @param group the {@code group} text
     * @param passwdName the name errors give for the first reader
     * @param groupName the name errors give for the second reader
     * @throws MtreeFormatException for a malformed line
     * @return the database
     */
    public static UserDatabase parse(Reader masterPasswd, String passwdName, Reader group, String groupName)
            throws IOException {
        Map<String, Long> uidByName = new LinkedHashMap<>();
        Map<Long, String> userById = new LinkedHashMap<>();
        Map<String, Long> gidByName = new LinkedHashMap<>();
        Map<Long, String> groupById = new LinkedHashMap<>();
        readTable(masterPasswd, passwdName, 10, "uid", uidByName, userById);
        readTable(group, groupName, 4, "gid", gidByName, groupById);
        return new UserDatabase(uidByName, userById, gidByName, groupById);
    }

    private static final int MAX_LINES = 1_000_000;
    private static final int MAX_LINE = 4096;

    private static void readTable(Reader in, String name, int fields, String idName,
            Map<String, Long> byName, Map<Long, String> byId) throws IOException {
        BufferedReader r = new BufferedReader(in);
        int lineNo = 0;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (lineNo > MAX_LINES) {
                throw new MtreeFormatException(name, lineNo, Optional.empty(), "more than " + MAX_LINES + " lines");
            }
            if (line.length() > MAX_LINE) {
                throw new MtreeFormatException(name, lineNo, Optional.empty(),
                        "line longer than " + MAX_LINE + " characters");
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length != fields) {
                throw new MtreeFormatException(name, lineNo, Optional.empty(),
                        "expected " + fields + " colon-separated fields, found " + f.length);
            }
            if (f[0].isEmpty()) {
                throw new MtreeFormatException(name, lineNo, Optional.empty(), "empty name");
            }
            long id = parseId(f[2]);
            if (id < 0) {
                throw new MtreeFormatException(name, lineNo, Optional.empty(),
                        "invalid " + idName + " `" + f[2] + "'");
            }
            byName.putIfAbsent(f[0], id);
            byId.putIfAbsent(id, f[0]);
        }
    }

    /** A decimal id 0..ID_MAX, or -1. */
    static long parseId(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v <= ID_MAX ? v : -1;
    }

    /**
     * {@return the uid of user {@code name}}
     *
     * @param name a user name
     */
    public OptionalLong uid(String name) {
        Long v = uidByName.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * {@return the gid of group {@code name}}
     *
     * @param name a group name
     */
    public OptionalLong gid(String name) {
        Long v = gidByName.get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * {@return the first user with {@code uid}}
     *
     * @param uid a user number
     */
    public Optional<String> userName(long uid) {
        return Optional.ofNullable(userById.get(uid));
    }

    /**
     * {@return the first group with {@code gid}}
     *
     * @param gid a group number
     */
    public Optional<String> groupName(long gid) {
        return Optional.ofNullable(groupById.get(gid));
    }
}
