package io.github.slipway.ffs.internal.write;

import io.github.slipway.ffs.internal.format.FfsConstants;
import io.github.slipway.ffs.internal.format.Superblock;
import io.github.slipway.ffs.internal.format.SuperblockLayout;
import io.github.slipway.ffs.internal.format.Ufs1InodeLayout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The in-core {@code struct fs} (sys/ufs/ffs/fs.h) while an image is built: geometry computed as
 * makefs' {@code ffs_mkfs} does, the running summary counts and the per-group {@code csum} array.
 * Field names follow the C members without the {@code fs_} prefix. {@link #encode(ByteOrder)}
 * lays out the 1376 bytes with zeros in the in-core pointer area (offsets 728..855).
 */
final class FsState {
    // sizes and numbers of the on-disk format, defined once in internal.format
    static final int SBLOCK_UFS1 = FfsConstants.SBLOCK_UFS1;
    static final int SBLOCKSIZE = FfsConstants.SBLOCKSIZE;
    static final int SIZEOF_FS = SuperblockLayout.SIZE;
    static final int FS_UFS1_MAGIC = FfsConstants.FS_UFS1_MAGIC;
    static final int NDADDR = FfsConstants.NDADDR;
    static final int NIADDR = FfsConstants.NIADDR;
    static final int ROOTINO = FfsConstants.ROOTINO;
    static final int DINODE1_SIZE = Ufs1InodeLayout.SIZE;
    static final int MAXSYMLINKLEN_UFS1 = FfsConstants.MAXSYMLINKLEN_UFS1;
    static final int FS_MAXCONTIG = 16;
    static final int MAXFRAG = 8;
    static final int FS_SWAPPED = 0x80000000;

    int sblkno;
    int cblkno;
    int iblkno;
    int dblkno;
    int oldCgoffset;
    int oldCgmask = 0xffffffff;
    int oldTime;
    int oldSize;
    int oldDsize;
    int ncg;
    int bsize;
    int fsize;
    int frag;
    int minfree;
    int oldRotdelay;
    int oldRps = 60;
    int bmask;
    int fmask;
    int bshift;
    int fshift;
    int maxcontig;
    int maxbpg;
    int fragshift;
    int fsbtodb;
    int sbsize;
    int nindir;
    int inopb;
    int oldNspf;
    int optim;
    int oldNpsect;
    int oldInterleave = 1;
    int oldTrackskew;
    int id0;
    int id1;
    int oldCsaddr;
    int cssize;
    int cgsize;
    int oldNsect;
    int oldSpc;
    int oldNcyl;
    int oldCpg = 1;
    int ipg;
    int fpg;
    final int[] oldCstotal = new int[4];
    byte fmod;
    byte clean;
    byte oldFlags;
    final byte[] volname = new byte[32];
    int oldCpc;
    int maxbsize;
    long sblockloc;
    long csNdir;
    long csNbfree;
    long csNifree;
    long csNffree;
    long time;
    long size;
    long dsize;
    long csaddr;
    int avgfilesize;
    int avgfpdir;
    int flags;
    int contigsumsize;
    int maxsymlinklen;
    int oldInodefmt;
    long maxfilesize;
    long qbmask;
    long qfmask;
    int oldPostblformat = 1;
    int oldNrpos = 1;
    int magic;
    /** {@code fs_csp}: per group ndir, nbfree, nifree, nffree. */
    int[][] cs;

    /** {@code INOPF}: inodes per fragment. */
    int inopf() {
        return inopb >> fragshift;
    }

    long cgbase(int c) {
        return (long) fpg * c;
    }

    long cgsblock(int c) {
        return cgbase(c) + sblkno;
    }

    long cgtod(int c) {
        return cgbase(c) + cblkno;
    }

    long cgimin(int c) {
        return cgbase(c) + iblkno;
    }

    long cgdmin(int c) {
        return cgbase(c) + dblkno;
    }

    int inoToCg(long ino) {
        return (int) (ino / ipg);
    }

    long inoToFsba(long ino) {
        return cgimin(inoToCg(ino)) + (long) (((ino % ipg) / inopb) << fragshift);
    }

    int inoToFsbo(long ino) {
        return (int) (ino % inopb);
    }

    int dtog(long d) {
        return (int) (d / fpg);
    }

    int dtogd(long d) {
        return (int) (d % fpg);
    }

    long fragroundup(long n) {
        return (n + fsize - 1) & ~((long) fsize - 1);
    }

    long numfrags(long n) {
        return n >> fshift;
    }

    long blknum(long fsb) {
        return fsb & ~((long) frag - 1);
    }

    /**
     * This state as the format's {@code struct fs} record, which the reader decodes with. What
     * makefs' zeroed struct leaves alone (spares, {@code fs_fsmnt}, {@code fs_cgrotor}, the
     * journal fields and the in-core pointers, which the record does not cover) is zero.
     */
    Superblock toRecord() {
        return new Superblock(0, 0, sblkno, cblkno, iblkno, dblkno, oldCgoffset, oldCgmask, oldTime, oldSize,
                oldDsize, ncg, bsize, fsize, frag, minfree, oldRotdelay, oldRps, bmask, fmask, bshift, fshift,
                maxcontig, maxbpg, fragshift, fsbtodb, sbsize, 0, 0, nindir, inopb, oldNspf, optim, oldNpsect,
                oldInterleave, oldTrackskew, id0, id1, oldCsaddr, cssize, cgsize, 0, oldNsect, oldSpc, oldNcyl,
                oldCpg, ipg, fpg, oldCstotal[0], oldCstotal[1], oldCstotal[2], oldCstotal[3],
                fmod & 0xff, clean & 0xff, 0, oldFlags & 0xff,
                "", new String(volname, StandardCharsets.ISO_8859_1), 0L, 0, 0, oldCpc, maxbsize, 0, 0, 0,
                sblockloc, csNdir, csNbfree, csNifree, csNffree, time, size, dsize, csaddr, 0L, 0,
                avgfilesize, avgfpdir, 0, flags, contigsumsize, maxsymlinklen, oldInodefmt, maxfilesize, qbmask,
                qfmask, 0, oldPostblformat, oldNrpos, 0, 0, magic);
    }

    /** The superblock's bytes, {@code sbsize} long, in {@code order}. */
    byte[] encode(ByteOrder order) {
        byte[] out = new byte[Math.max(sbsize, SIZEOF_FS)];
        toRecord().encode(ByteBuffer.wrap(out).order(order), 0);
        if (sbsize < SIZEOF_FS) {
            byte[] cut = new byte[sbsize];
            System.arraycopy(out, 0, cut, 0, sbsize);
            return cut;
        }
        return out;
    }
}
