package io.github.slipway.ffs.internal.format;

/** Byte offsets of the members of {@code struct direct} ({@code sys/ufs/ufs/dir.h}), 4.4BSD format. */
public final class DirectoryEntryLayout {
    /** {@code d_ino}: u32, the inode number, 0 for an unused slot. */
    public static final int D_INO = 0;
    /** {@code d_reclen}: u16, the length of this record, a multiple of 4. */
    public static final int D_RECLEN = 4;
    /** {@code d_type}: u8, one of the {@code DT_} values. */
    public static final int D_TYPE = 6;
    /** {@code d_namlen}: u8, the length of the name, without the NUL. */
    public static final int D_NAMLEN = 7;
    /** {@code d_name}: the name, NUL-terminated, padded to a multiple of 4. */
    public static final int D_NAME = 8;
    /** Size of the fixed part, before the name. */
    public static final int HEADER_SIZE = 8;
    /** {@code FFS_MAXNAMLEN}. */
    public static final int MAXNAMLEN = 255;
    /** {@code DIRBLKSIZ}: entries never cross a boundary of this many bytes. */
    public static final int DIRBLKSIZ = 512;

    private DirectoryEntryLayout() {
    }

    /** {@code DIRECTSIZ(namlen)}: the smallest record that holds a name of this length. */
    public static int directSize(int namlen) {
        return HEADER_SIZE + ((namlen + 1 + 3) & ~3);
    }
}
