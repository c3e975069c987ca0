package io.github.slipway.ffs;

/**
 * The kinds of file an FFS image holds, with their {@code IFMT} bits from
 * {@code sys/ufs/ufs/dinode.h} and their mtree(5) {@code type=} keyword.
 *
 * <pre>{@code
 * EntryType.fromMode(0020644);      // CHAR_DEVICE
 * EntryType.SYMLINK.mtreeName();    // "link"
 * }</pre>
 */
public enum EntryType {
    /** A regular file, {@code IFREG}. */
    FILE(0100000, "file"),
    /** A directory, {@code IFDIR}. */
    DIRECTORY(0040000, "dir"),
    /** A symbolic link, {@code IFLNK}. */
    SYMLINK(0120000, "link"),
    /** A character device node, {@code IFCHR}. */
    CHAR_DEVICE(0020000, "char"),
    /** A block device node, {@code IFBLK}. */
    BLOCK_DEVICE(0060000, "block"),
    /** A named pipe, {@code IFIFO}. */
    FIFO(0010000, "fifo"),
    /** A socket, {@code IFSOCK}. */
    SOCKET(0140000, "socket");

    /** The mask of the type bits in a mode, {@code IFMT}. */
    public static final int IFMT = 0170000;

    private final int ifmt;
    private final String mtreeName;

    EntryType(int ifmt, String mtreeName) {
        this.ifmt = ifmt;
        this.mtreeName = mtreeName;
    }

    /** {@return the {@code IFMT} bits of this type, e.g. {@code 0100000} for a file} */
    public int ifmt() {
        return ifmt;
    }

    /** {@return the mtree(5) {@code type=} value: file, dir, link, char, block, fifo, socket} */
    public String mtreeName() {
        return mtreeName;
    }

    /** {@return whether entries of this type carry a device number} */
    public boolean isDevice() {
        return this == CHAR_DEVICE || this == BLOCK_DEVICE;
    }

    /** values() without its copy per call (a host walk asks once per file). */
    private static final EntryType[] ALL = values();

    /**
     * {@return the type encoded in the {@code IFMT} bits of {@code mode}}
     *
     * @param mode an inode's {@code di_mode}, type bits included
     * @throws IllegalArgumentException if the bits name no file type
     */
    public static EntryType fromMode(int mode) {
        int bits = mode & IFMT;
        for (EntryType t : ALL) {
            if (t.ifmt == bits) {
                return t;
            }
        }
        throw new IllegalArgumentException(String.format("mode 0%o has no file type", mode));
    }

    /**
     * {@return the type named by an mtree(5) {@code type=} value}
     *
     * @param name an mtree {@code type=} value
     * @throws IllegalArgumentException if {@code name} is not one of mtree's types
     */
    public static EntryType fromMtreeName(String name) {
        for (EntryType t : values()) {
            if (t.mtreeName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown mtree type: " + name);
    }
}
