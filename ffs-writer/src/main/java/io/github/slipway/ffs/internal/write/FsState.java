package io.github.slipway.ffs.internal.write;

import io.github.slipway.ffs.internal.format.FfsConstants;
import io.github.slipway.ffs.internal.format.SuperblockLayout;
import io.github.slipway.ffs.internal.format.Ufs1InodeLayout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

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

    /** The superblock's bytes, {@code sbsize} long, in {@code order}. */
    byte[] encode(ByteOrder order) {
        byte[] out = new byte[Math.max(sbsize, SIZEOF_FS)];
        ByteBuffer b = ByteBuffer.wrap(out).order(order);
        // fields not set here (spares, fs_fsmnt, fs_cgrotor...) stay zero, as in makefs' zeroed struct fs
        b.putInt(SuperblockLayout.FS_SBLKNO, sblkno);
        b.putInt(SuperblockLayout.FS_CBLKNO, cblkno);
        b.putInt(SuperblockLayout.FS_IBLKNO, iblkno);
        b.putInt(SuperblockLayout.FS_DBLKNO, dblkno);
        b.putInt(SuperblockLayout.FS_OLD_CGOFFSET, oldCgoffset);
        b.putInt(SuperblockLayout.FS_OLD_CGMASK, oldCgmask);
        b.putInt(SuperblockLayout.FS_OLD_TIME, oldTime);
        b.putInt(SuperblockLayout.FS_OLD_SIZE, oldSize);
        b.putInt(SuperblockLayout.FS_OLD_DSIZE, oldDsize);
        b.putInt(SuperblockLayout.FS_NCG, ncg);
        b.putInt(SuperblockLayout.FS_BSIZE, bsize);
        b.putInt(SuperblockLayout.FS_FSIZE, fsize);
        b.putInt(SuperblockLayout.FS_FRAG, frag);
        b.putInt(SuperblockLayout.FS_MINFREE, minfree);
        b.putInt(SuperblockLayout.FS_OLD_ROTDELAY, oldRotdelay);
        b.putInt(SuperblockLayout.FS_OLD_RPS, oldRps);
        b.putInt(SuperblockLayout.FS_BMASK, bmask);
        b.putInt(SuperblockLayout.FS_FMASK, fmask);
        b.putInt(SuperblockLayout.FS_BSHIFT, bshift);
        b.putInt(SuperblockLayout.FS_FSHIFT, fshift);
        b.putInt(SuperblockLayout.FS_MAXCONTIG, maxcontig);
        b.putInt(SuperblockLayout.FS_MAXBPG, maxbpg);
        b.putInt(SuperblockLayout.FS_FRAGSHIFT, fragshift);
        b.putInt(SuperblockLayout.FS_FSBTODB, fsbtodb);
        b.putInt(SuperblockLayout.FS_SBSIZE, sbsize);
        b.putInt(SuperblockLayout.FS_NINDIR, nindir);
        b.putInt(SuperblockLayout.FS_INOPB, inopb);
        b.putInt(SuperblockLayout.FS_OLD_NSPF, oldNspf);
        b.putInt(SuperblockLayout.FS_OPTIM, optim);
        b.putInt(SuperblockLayout.FS_OLD_NPSECT, oldNpsect);
        b.putInt(SuperblockLayout.FS_OLD_INTERLEAVE, oldInterleave);
        b.putInt(SuperblockLayout.FS_OLD_TRACKSKEW, oldTrackskew);
        b.putInt(SuperblockLayout.FS_ID_0, id0);
        b.putInt(SuperblockLayout.FS_ID_1, id1);
        b.putInt(SuperblockLayout.FS_OLD_CSADDR, oldCsaddr);
        b.putInt(SuperblockLayout.FS_CSSIZE, cssize);
        b.putInt(SuperblockLayout.FS_CGSIZE, cgsize);
        b.putInt(SuperblockLayout.FS_OLD_NSECT, oldNsect);
        b.putInt(SuperblockLayout.FS_OLD_SPC, oldSpc);
        b.putInt(SuperblockLayout.FS_OLD_NCYL, oldNcyl);
        b.putInt(SuperblockLayout.FS_OLD_CPG, oldCpg);
        b.putInt(SuperblockLayout.FS_IPG, ipg);
        b.putInt(SuperblockLayout.FS_FPG, fpg);
        b.putInt(SuperblockLayout.FS_OLD_CSTOTAL_NDIR, oldCstotal[0]);
        b.putInt(SuperblockLayout.FS_OLD_CSTOTAL_NBFREE, oldCstotal[1]);
        b.putInt(SuperblockLayout.FS_OLD_CSTOTAL_NIFREE, oldCstotal[2]);
        b.putInt(SuperblockLayout.FS_OLD_CSTOTAL_NFFREE, oldCstotal[3]);
        b.put(SuperblockLayout.FS_FMOD, fmod);
        b.put(SuperblockLayout.FS_CLEAN, clean);
        b.put(SuperblockLayout.FS_RONLY, (byte) 0);
        b.put(SuperblockLayout.FS_OLD_FLAGS, oldFlags);
        System.arraycopy(volname, 0, out, SuperblockLayout.FS_VOLNAME, volname.length);
        b.putInt(SuperblockLayout.FS_OLD_CPC, oldCpc);
        b.putInt(SuperblockLayout.FS_MAXBSIZE, maxbsize);
        b.putLong(SuperblockLayout.FS_SBLOCKLOC, sblockloc);
        b.putLong(SuperblockLayout.FS_CSTOTAL_NDIR, csNdir);
        b.putLong(SuperblockLayout.FS_CSTOTAL_NBFREE, csNbfree);
        b.putLong(SuperblockLayout.FS_CSTOTAL_NIFREE, csNifree);
        b.putLong(SuperblockLayout.FS_CSTOTAL_NFFREE, csNffree);
        b.putLong(SuperblockLayout.FS_TIME, time);
        b.putLong(SuperblockLayout.FS_SIZE, size);
        b.putLong(SuperblockLayout.FS_DSIZE, dsize);
        b.putLong(SuperblockLayout.FS_CSADDR, csaddr);
        b.putInt(SuperblockLayout.FS_AVGFILESIZE, avgfilesize);
        b.putInt(SuperblockLayout.FS_AVGFPDIR, avgfpdir);
        b.putInt(SuperblockLayout.FS_FLAGS, flags);
        b.putInt(SuperblockLayout.FS_CONTIGSUMSIZE, contigsumsize);
        b.putInt(SuperblockLayout.FS_MAXSYMLINKLEN, maxsymlinklen);
        b.putInt(SuperblockLayout.FS_OLD_INODEFMT, oldInodefmt);
        b.putLong(SuperblockLayout.FS_MAXFILESIZE, maxfilesize);
        b.putLong(SuperblockLayout.FS_QBMASK, qbmask);
        b.putLong(SuperblockLayout.FS_QFMASK, qfmask);
        b.putInt(SuperblockLayout.FS_OLD_POSTBLFORMAT, oldPostblformat);
        b.putInt(SuperblockLayout.FS_OLD_NRPOS, oldNrpos);
        b.putInt(SuperblockLayout.FS_MAGIC, magic);
        if (sbsize < SIZEOF_FS) {
            byte[] cut = new byte[sbsize];
            System.arraycopy(out, 0, cut, 0, sbsize);
            return cut;
        }
        return out;
    }
}
