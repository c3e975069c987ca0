package io.github.slipway.ffs.internal.format;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The fixed part of a cylinder group block, {@code struct cg} of {@code sys/ufs/ffs/fs.h}, without
 * the variable-length maps behind it (see {@link CylinderGroup}).
 *
 * <p>Offsets are in {@link CylinderGroupLayout}; {@link #decode(ByteBuffer, int)} reads with absolute gets in
 * the buffer's byte order (the image's), {@link #encode(ByteBuffer, int)} writes every member back.
 *
 * @param firstfield {@code cg_firstfield} at offset 0
 * @param magic {@code cg_magic} at offset 4
 * @param oldTime {@code cg_old_time} at offset 8
 * @param cgx {@code cg_cgx} at offset 12
 * @param oldNcyl {@code cg_old_ncyl} at offset 16
 * @param oldNiblk {@code cg_old_niblk} at offset 18
 * @param ndblk {@code cg_ndblk} at offset 20
 * @param csNdir {@code cg_cs_ndir} at offset 24
 * @param csNbfree {@code cg_cs_nbfree} at offset 28
 * @param csNifree {@code cg_cs_nifree} at offset 32
 * @param csNffree {@code cg_cs_nffree} at offset 36
 * @param rotor {@code cg_rotor} at offset 40
 * @param frotor {@code cg_frotor} at offset 44
 * @param irotor {@code cg_irotor} at offset 48
 * @param frsum {@code cg_frsum[8]} at offset 52
 * @param oldBtotoff {@code cg_old_btotoff} at offset 84
 * @param oldBoff {@code cg_old_boff} at offset 88
 * @param iusedoff {@code cg_iusedoff} at offset 92
 * @param freeoff {@code cg_freeoff} at offset 96
 * @param nextfreeoff {@code cg_nextfreeoff} at offset 100
 * @param clustersumoff {@code cg_clustersumoff} at offset 104
 * @param clusteroff {@code cg_clusteroff} at offset 108
 * @param nclusterblks {@code cg_nclusterblks} at offset 112
 * @param niblk {@code cg_niblk} at offset 116
 * @param initediblk {@code cg_initediblk} at offset 120
 * @param time {@code cg_time} at offset 136
 */
public record CylinderGroupHeader(
        int firstfield,
        int magic,
        int oldTime,
        int cgx,
        int oldNcyl,
        int oldNiblk,
        int ndblk,
        int csNdir,
        int csNbfree,
        int csNifree,
        int csNffree,
        int rotor,
        int frotor,
        int irotor,
        List<Integer> frsum,
        int oldBtotoff,
        int oldBoff,
        int iusedoff,
        int freeoff,
        int nextfreeoff,
        int clustersumoff,
        int clusteroff,
        int nclusterblks,
        int niblk,
        int initediblk,
        long time) {

    /** Reads the struct that starts at {@code base} in {@code b} (absolute, the buffer's order). */
    public static CylinderGroupHeader decode(ByteBuffer b, int base) {
        Bytes.checkRange(b, base, CylinderGroupLayout.SIZE, "struct cg");
        return new CylinderGroupHeader(
            b.getInt(base + CylinderGroupLayout.CG_FIRSTFIELD),
            b.getInt(base + CylinderGroupLayout.CG_MAGIC),
            b.getInt(base + CylinderGroupLayout.CG_OLD_TIME),
            b.getInt(base + CylinderGroupLayout.CG_CGX),
            b.getShort(base + CylinderGroupLayout.CG_OLD_NCYL),
            b.getShort(base + CylinderGroupLayout.CG_OLD_NIBLK),
            b.getInt(base + CylinderGroupLayout.CG_NDBLK),
            b.getInt(base + CylinderGroupLayout.CG_CS_NDIR),
            b.getInt(base + CylinderGroupLayout.CG_CS_NBFREE),
            b.getInt(base + CylinderGroupLayout.CG_CS_NIFREE),
            b.getInt(base + CylinderGroupLayout.CG_CS_NFFREE),
            b.getInt(base + CylinderGroupLayout.CG_ROTOR),
            b.getInt(base + CylinderGroupLayout.CG_FROTOR),
            b.getInt(base + CylinderGroupLayout.CG_IROTOR),
            Bytes.ints(b, base + CylinderGroupLayout.CG_FRSUM, 8),
            b.getInt(base + CylinderGroupLayout.CG_OLD_BTOTOFF),
            b.getInt(base + CylinderGroupLayout.CG_OLD_BOFF),
            b.getInt(base + CylinderGroupLayout.CG_IUSEDOFF),
            b.getInt(base + CylinderGroupLayout.CG_FREEOFF),
            b.getInt(base + CylinderGroupLayout.CG_NEXTFREEOFF),
            b.getInt(base + CylinderGroupLayout.CG_CLUSTERSUMOFF),
            b.getInt(base + CylinderGroupLayout.CG_CLUSTEROFF),
            b.getInt(base + CylinderGroupLayout.CG_NCLUSTERBLKS),
            b.getInt(base + CylinderGroupLayout.CG_NIBLK),
            b.getInt(base + CylinderGroupLayout.CG_INITEDIBLK),
            b.getLong(base + CylinderGroupLayout.CG_TIME));
    }

    /** Writes every member at {@code base} in {@code b} (absolute, the buffer's order); padding is left as it is. */
    public void encode(ByteBuffer b, int base) {
        Bytes.checkRange(b, base, CylinderGroupLayout.SIZE, "struct cg");
        b.putInt(base + CylinderGroupLayout.CG_FIRSTFIELD, firstfield);
        b.putInt(base + CylinderGroupLayout.CG_MAGIC, magic);
        b.putInt(base + CylinderGroupLayout.CG_OLD_TIME, oldTime);
        b.putInt(base + CylinderGroupLayout.CG_CGX, cgx);
        b.putShort(base + CylinderGroupLayout.CG_OLD_NCYL, Bytes.s16(oldNcyl, "cg_old_ncyl"));
        b.putShort(base + CylinderGroupLayout.CG_OLD_NIBLK, Bytes.s16(oldNiblk, "cg_old_niblk"));
        b.putInt(base + CylinderGroupLayout.CG_NDBLK, ndblk);
        b.putInt(base + CylinderGroupLayout.CG_CS_NDIR, csNdir);
        b.putInt(base + CylinderGroupLayout.CG_CS_NBFREE, csNbfree);
        b.putInt(base + CylinderGroupLayout.CG_CS_NIFREE, csNifree);
        b.putInt(base + CylinderGroupLayout.CG_CS_NFFREE, csNffree);
        b.putInt(base + CylinderGroupLayout.CG_ROTOR, rotor);
        b.putInt(base + CylinderGroupLayout.CG_FROTOR, frotor);
        b.putInt(base + CylinderGroupLayout.CG_IROTOR, irotor);
        Bytes.putInts(b, base + CylinderGroupLayout.CG_FRSUM, frsum, 8, "cg_frsum");
        b.putInt(base + CylinderGroupLayout.CG_OLD_BTOTOFF, oldBtotoff);
        b.putInt(base + CylinderGroupLayout.CG_OLD_BOFF, oldBoff);
        b.putInt(base + CylinderGroupLayout.CG_IUSEDOFF, iusedoff);
        b.putInt(base + CylinderGroupLayout.CG_FREEOFF, freeoff);
        b.putInt(base + CylinderGroupLayout.CG_NEXTFREEOFF, nextfreeoff);
        b.putInt(base + CylinderGroupLayout.CG_CLUSTERSUMOFF, clustersumoff);
        b.putInt(base + CylinderGroupLayout.CG_CLUSTEROFF, clusteroff);
        b.putInt(base + CylinderGroupLayout.CG_NCLUSTERBLKS, nclusterblks);
        b.putInt(base + CylinderGroupLayout.CG_NIBLK, niblk);
        b.putInt(base + CylinderGroupLayout.CG_INITEDIBLK, initediblk);
        b.putLong(base + CylinderGroupLayout.CG_TIME, time);
    }
}
