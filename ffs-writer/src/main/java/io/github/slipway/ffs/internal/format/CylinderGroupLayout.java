package io.github.slipway.ffs.internal.format;

/**
 * Byte offsets of the members of {@code struct cg} (sys/ufs/ffs/fs.h), relative to the start of the struct.
 * Members not listed here are padding, spares or in-core pointers and are written as zeros.
 */
public final class CylinderGroupLayout {
    /** {@code cg_firstfield}: i32, 4 bytes. */
    public static final int CG_FIRSTFIELD = 0;
    /** {@code cg_magic}: i32, 4 bytes. */
    public static final int CG_MAGIC = 4;
    /** {@code cg_old_time}: i32, 4 bytes. */
    public static final int CG_OLD_TIME = 8;
    /** {@code cg_cgx}: i32, 4 bytes. */
    public static final int CG_CGX = 12;
    /** {@code cg_old_ncyl}: i16, 2 bytes. */
    public static final int CG_OLD_NCYL = 16;
    /** {@code cg_old_niblk}: i16, 2 bytes. */
    public static final int CG_OLD_NIBLK = 18;
    /** {@code cg_ndblk}: i32, 4 bytes. */
    public static final int CG_NDBLK = 20;
    /** {@code cg_cs_ndir}: i32, 4 bytes. */
    public static final int CG_CS_NDIR = 24;
    /** {@code cg_cs_nbfree}: i32, 4 bytes. */
    public static final int CG_CS_NBFREE = 28;
    /** {@code cg_cs_nifree}: i32, 4 bytes. */
    public static final int CG_CS_NIFREE = 32;
    /** {@code cg_cs_nffree}: i32, 4 bytes. */
    public static final int CG_CS_NFFREE = 36;
    /** {@code cg_rotor}: i32, 4 bytes. */
    public static final int CG_ROTOR = 40;
    /** {@code cg_frotor}: i32, 4 bytes. */
    public static final int CG_FROTOR = 44;
    /** {@code cg_irotor}: i32, 4 bytes. */
    public static final int CG_IROTOR = 48;
    /** {@code cg_frsum}: i32, 4 bytes. */
    public static final int CG_FRSUM = 52;
    /** {@code cg_old_btotoff}: i32, 4 bytes. */
    public static final int CG_OLD_BTOTOFF = 84;
    /** {@code cg_old_boff}: i32, 4 bytes. */
    public static final int CG_OLD_BOFF = 88;
    /** {@code cg_iusedoff}: i32, 4 bytes. */
    public static final int CG_IUSEDOFF = 92;
    /** {@code cg_freeoff}: i32, 4 bytes. */
    public static final int CG_FREEOFF = 96;
    /** {@code cg_nextfreeoff}: i32, 4 bytes. */
    public static final int CG_NEXTFREEOFF = 100;
    /** {@code cg_clustersumoff}: i32, 4 bytes. */
    public static final int CG_CLUSTERSUMOFF = 104;
    /** {@code cg_clusteroff}: i32, 4 bytes. */
    public static final int CG_CLUSTEROFF = 108;
    /** {@code cg_nclusterblks}: i32, 4 bytes. */
    public static final int CG_NCLUSTERBLKS = 112;
    /** {@code cg_niblk}: i32, 4 bytes. */
    public static final int CG_NIBLK = 116;
    /** {@code cg_initediblk}: i32, 4 bytes. */
    public static final int CG_INITEDIBLK = 120;
    /** {@code cg_time}: i64, 8 bytes. */
    public static final int CG_TIME = 136;
    /** Number of elements of {@code cg_frsum}. */
    public static final int CG_FRSUM_COUNT = 8;
    /** Size of {@code struct cg} in bytes. */
    public static final int SIZE = 168;

    private CylinderGroupLayout() {
    }
}
