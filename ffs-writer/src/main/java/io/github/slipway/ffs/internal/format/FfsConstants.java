package io.github.slipway.ffs.internal.format;

/** Constants of {@code sys/ufs/ffs/fs.h} and {@code sys/ufs/ufs/dinode.h} that UFS1 images use. */
public final class FfsConstants {
    /** {@code SBLOCK_UFS1}: byte offset of the superblock. */
    public static final int SBLOCK_UFS1 = 8192;
    /** {@code SBLOCKSIZE}: bytes reserved for the superblock. */
    public static final int SBLOCKSIZE = 8192;
    /** {@code FS_UFS1_MAGIC}. */
    public static final int FS_UFS1_MAGIC = 0x011954;
    /** {@code CG_MAGIC}. */
    public static final int CG_MAGIC = 0x090255;
    /** {@code UFS_ROOTINO}: the root directory's inode. */
    public static final int ROOTINO = 2;
    /** {@code NDADDR}: direct block pointers in an inode. */
    public static final int NDADDR = 12;
    /** {@code NIADDR}: indirect block pointers in an inode. */
    public static final int NIADDR = 3;
    /** {@code MAXFRAG}: fragments a block holds at most. */
    public static final int MAXFRAG = 8;
    /** {@code MAXSYMLINKLEN_UFS1}: symlinks shorter than this live in the inode. */
    public static final int MAXSYMLINKLEN_UFS1 = 60;
    /** {@code MINBSIZE}. */
    public static final int MINBSIZE = 4096;
    /** {@code MAXBSIZE}. */
    public static final int MAXBSIZE = 65536;
    /** {@code DEV_BSIZE}: the sector size {@code fs_fsbtodb} converts to. */
    public static final int DEV_BSIZE = 512;
    /** {@code MAXSYMLINKS}: symlink hops a lookup follows before giving up ({@code ELOOP}). */
    public static final int MAXSYMLINKS = 32;
    /** {@code FS_DYNAMICPOSTBLFMT}. */
    public static final int FS_DYNAMICPOSTBLFMT = 1;
    /** {@code FS_44INODEFMT}. */
    public static final int FS_44INODEFMT = 2;

    private FfsConstants() {
    }
}
