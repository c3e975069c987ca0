package io.github.slipway.ffs.internal.format;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A UFS1 on-disk inode, {@code struct ufs1_dinode} of {@code sys/ufs/ufs/dinode.h}: 128 bytes,
 * {@code fs_inopb} to a block. {@code di_size} is unsigned on disk (read as a long, negative if its top
 * bit is set).
 *
 * <p>Offsets are in {@link Ufs1InodeLayout}; {@link #decode(ByteBuffer, int)} reads with absolute gets in
 * the buffer's byte order (the image's), {@link #encode(ByteBuffer, int)} writes every member back.
 *
 * @param mode {@code di_mode} at offset 0
 * @param nlink {@code di_nlink} at offset 2
 * @param ouid {@code di_ouid} at offset 4
 * @param ogid {@code di_ogid} at offset 6
 * @param size {@code di_size} at offset 8
 * @param atime {@code di_atime} at offset 16
 * @param atimensec {@code di_atimensec} at offset 20
 * @param mtime {@code di_mtime} at offset 24
 * @param mtimensec {@code di_mtimensec} at offset 28
 * @param ctime {@code di_ctime} at offset 32
 * @param ctimensec {@code di_ctimensec} at offset 36
 * @param db {@code di_db[12]} at offset 40
 * @param ib {@code di_ib[3]} at offset 88
 * @param flags {@code di_flags} at offset 100
 * @param blocks {@code di_blocks} at offset 104
 * @param gen {@code di_gen} at offset 108
 * @param uid {@code di_uid} at offset 112
 * @param gid {@code di_gid} at offset 116
 * @param modrev {@code di_modrev} at offset 120
 */
public record Ufs1Inode(
        int mode,
        int nlink,
        int ouid,
        int ogid,
        long size,
        int atime,
        int atimensec,
        int mtime,
        int mtimensec,
        int ctime,
        int ctimensec,
        List<Integer> db,
        List<Integer> ib,
        int flags,
        int blocks,
        int gen,
        int uid,
        int gid,
        long modrev) {

    /** Reads the struct that starts at {@code base} in {@code b} (absolute, the buffer's order). */
    public static Ufs1Inode decode(ByteBuffer b, int base) {
        Bytes.checkRange(b, base, Ufs1InodeLayout.SIZE, "struct ufs1_dinode");
        return new Ufs1Inode(
            Short.toUnsignedInt(b.getShort(base + Ufs1InodeLayout.DI_MODE)),
            b.getShort(base + Ufs1InodeLayout.DI_NLINK),
            Short.toUnsignedInt(b.getShort(base + Ufs1InodeLayout.DI_OUID)),
            Short.toUnsignedInt(b.getShort(base + Ufs1InodeLayout.DI_OGID)),
            b.getLong(base + Ufs1InodeLayout.DI_SIZE),
            b.getInt(base + Ufs1InodeLayout.DI_ATIME),
            b.getInt(base + Ufs1InodeLayout.DI_ATIMENSEC),
            b.getInt(base + Ufs1InodeLayout.DI_MTIME),
            b.getInt(base + Ufs1InodeLayout.DI_MTIMENSEC),
            b.getInt(base + Ufs1InodeLayout.DI_CTIME),
            b.getInt(base + Ufs1InodeLayout.DI_CTIMENSEC),
            Bytes.ints(b, base + Ufs1InodeLayout.DI_DB, 12),
            Bytes.ints(b, base + Ufs1InodeLayout.DI_IB, 3),
            b.getInt(base + Ufs1InodeLayout.DI_FLAGS),
            b.getInt(base + Ufs1InodeLayout.DI_BLOCKS),
            b.getInt(base + Ufs1InodeLayout.DI_GEN),
            b.getInt(base + Ufs1InodeLayout.DI_UID),
            b.getInt(base + Ufs1InodeLayout.DI_GID),
            b.getLong(base + Ufs1InodeLayout.DI_MODREV));
    }

    /** Writes every member at {@code base} in {@code b} (absolute, the buffer's order); padding is left as it is. */
    public void encode(ByteBuffer b, int base) {
        Bytes.checkRange(b, base, Ufs1InodeLayout.SIZE, "struct ufs1_dinode");
        b.putShort(base + Ufs1InodeLayout.DI_MODE, Bytes.u16(mode, "di_mode"));
        b.putShort(base + Ufs1InodeLayout.DI_NLINK, Bytes.s16(nlink, "di_nlink"));
        b.putShort(base + Ufs1InodeLayout.DI_OUID, Bytes.u16(ouid, "di_ouid"));
        b.putShort(base + Ufs1InodeLayout.DI_OGID, Bytes.u16(ogid, "di_ogid"));
        b.putLong(base + Ufs1InodeLayout.DI_SIZE, size);
        b.putInt(base + Ufs1InodeLayout.DI_ATIME, atime);
        b.putInt(base + Ufs1InodeLayout.DI_ATIMENSEC, atimensec);
        b.putInt(base + Ufs1InodeLayout.DI_MTIME, mtime);
        b.putInt(base + Ufs1InodeLayout.DI_MTIMENSEC, mtimensec);
        b.putInt(base + Ufs1InodeLayout.DI_CTIME, ctime);
        b.putInt(base + Ufs1InodeLayout.DI_CTIMENSEC, ctimensec);
        Bytes.putInts(b, base + Ufs1InodeLayout.DI_DB, db, 12, "di_db");
        Bytes.putInts(b, base + Ufs1InodeLayout.DI_IB, ib, 3, "di_ib");
        b.putInt(base + Ufs1InodeLayout.DI_FLAGS, flags);
        b.putInt(base + Ufs1InodeLayout.DI_BLOCKS, blocks);
        b.putInt(base + Ufs1InodeLayout.DI_GEN, gen);
        b.putInt(base + Ufs1InodeLayout.DI_UID, uid);
        b.putInt(base + Ufs1InodeLayout.DI_GID, gid);
        b.putLong(base + Ufs1InodeLayout.DI_MODREV, modrev);
    }
}
