package io.github.slipway.ffs.internal.format;

/**
 * Byte offsets of the members of {@code struct ufs1_dinode} (sys/ufs/ufs/dinode.h), relative to the start of the struct.
 * Members not listed here are padding, spares or in-core pointers and are written as zeros.
 */
public final class Ufs1InodeLayout {
    /** {@code di_mode}: u16, 2 bytes. */
    public static final int DI_MODE = 0;
    /** {@code di_nlink}: i16, 2 bytes. */
    public static final int DI_NLINK = 2;
    /** {@code di_ouid}: u16, 2 bytes. */
    public static final int DI_OUID = 4;
    /** {@code di_ogid}: u16, 2 bytes. */
    public static final int DI_OGID = 6;
    /** {@code di_size}: i64, 8 bytes. */
    public static final int DI_SIZE = 8;
    /** {@code di_atime}: i32, 4 bytes. */
    public static final int DI_ATIME = 16;
    /** {@code di_atimensec}: i32, 4 bytes. */
    public static final int DI_ATIMENSEC = 20;
    /** {@code di_mtime}: i32, 4 bytes. */
    public static final int DI_MTIME = 24;
    /** {@code di_mtimensec}: i32, 4 bytes. */
    public static final int DI_MTIMENSEC = 28;
    /** {@code di_ctime}: i32, 4 bytes. */
    public static final int DI_CTIME = 32;
    /** {@code di_ctimensec}: i32, 4 bytes. */
    public static final int DI_CTIMENSEC = 36;
    /** {@code di_db}: i32, 4 bytes. */
    public static final int DI_DB = 40;
    /** {@code di_ib}: i32, 4 bytes. */
    public static final int DI_IB = 88;
    /** {@code di_flags}: i32, 4 bytes. */
    public static final int DI_FLAGS = 100;
    /** {@code di_blocks}: i32, 4 bytes. */
    public static final int DI_BLOCKS = 104;
    /** {@code di_gen}: i32, 4 bytes. */
    public static final int DI_GEN = 108;
    /** {@code di_uid}: i32, 4 bytes. */
    public static final int DI_UID = 112;
    /** {@code di_gid}: i32, 4 bytes. */
    public static final int DI_GID = 116;
    /** {@code di_modrev}: i64, 8 bytes. */
    public static final int DI_MODREV = 120;
    /** Number of elements of {@code di_db}. */
    public static final int DI_DB_COUNT = 12;
    /** Number of elements of {@code di_ib}. */
    public static final int DI_IB_COUNT = 3;
    /** Size of {@code struct ufs1_dinode} in bytes. */
    public static final int SIZE = 128;

    private Ufs1InodeLayout() {
    }
}
