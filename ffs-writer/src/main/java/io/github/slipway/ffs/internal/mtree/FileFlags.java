package io.github.slipway.ffs.internal.mtree;

/**
 * File flags ({@code chflags(1)}, {@code st_flags}, {@code di_flags}) as NetBSD's libutil
 * {@code stat_flags.c} names them, with the bit values of NetBSD's {@code sys/stat.h}.
 */
public final class FileFlags {
    /** Do not dump the file. */
    public static final int UF_NODUMP = 0x00000001;
    /** The file may not be changed (user). */
    public static final int UF_IMMUTABLE = 0x00000002;
    /** Writes to the file may only append (user). */
    public static final int UF_APPEND = 0x00000004;
    /** The directory is opaque in a union mount. */
    public static final int UF_OPAQUE = 0x00000008;
    /** The file is archived. */
    public static final int SF_ARCHIVED = 0x00010000;
    /** The file may not be changed (system). */
    public static final int SF_IMMUTABLE = 0x00020000;
    /** Writes to the file may only append (system). */
    public static final int SF_APPEND = 0x00040000;
    /** The file is a snapshot. */
    public static final int SF_SNAPSHOT = 0x00200000;

    private FileFlags() {}

    /**
     * {@code string_to_flags()}: comma separated names, each optionally prefixed with "no" to
     * clear it; {@code none} alone (as mtree's set() treats it) is 0.
     *
     * @throws IllegalArgumentException naming the first unknown flag
     */
    public static int parse(String value) {
        if (value.equals("none")) {
            return 0;
        }
        int set = 0;
        for (String word : value.split("[\t ,]", -1)) {
            if (word.isEmpty()) {
                continue;
            }
            boolean clear = false;
            String p = word;
            if (p.startsWith("no")) {
                clear = true;
                p = p.substring(2);
            }
            if (p.equals("dump")) {
                clear = !clear;
            }
            int bit = switch (p) {
                case "arch", "archived" -> SF_ARCHIVED;
                case "dump", "nodump" -> UF_NODUMP;
                case "opaque" -> UF_OPAQUE;
                case "sappnd", "sappend" -> SF_APPEND;
                case "schg", "schange", "simmutable" -> SF_IMMUTABLE;
                case "uappnd", "uappend" -> UF_APPEND;
                case "uchg", "uchange", "uimmutable" -> UF_IMMUTABLE;
                default -> throw new IllegalArgumentException("invalid flag `" + word + "'");
            };
            if (clear) {
                set &= ~bit;
            } else {
                set |= bit;
            }
        }
        return set;
    }

    /** {@code flags_to_string(flags, "none")}: the names mtree -c writes, comma separated. */
    public static String format(int flags) {
        StringBuilder b = new StringBuilder();
        append(b, flags, UF_APPEND, "uappnd");
        append(b, flags, UF_IMMUTABLE, "uchg");
        append(b, flags, UF_NODUMP, "nodump");
        append(b, flags, UF_OPAQUE, "opaque");
        append(b, flags, SF_APPEND, "sappnd");
        append(b, flags, SF_ARCHIVED, "arch");
        append(b, flags, SF_IMMUTABLE, "schg");
        append(b, flags, SF_SNAPSHOT, "snap");
        int known = UF_APPEND | UF_IMMUTABLE | UF_NODUMP | UF_OPAQUE | SF_APPEND | SF_ARCHIVED
                | SF_IMMUTABLE | SF_SNAPSHOT;
        if ((flags & ~known) != 0) {
            throw new IllegalArgumentException(String.format("flags 0x%x have no names", flags & ~known));
        }
        return b.length() == 0 ? "none" : b.toString();
    }

    private static void append(StringBuilder b, int flags, int bit, String name) {
        if ((flags & bit) != 0) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(name);
        }
    }
}
