package io.github.slipway.ffs.internal.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The in-core {@code struct fs} (sys/ufs/ffs/fs.h) while an image is built: geometry computed as
 * makefs' {@code ffs_mkfs} does, the running summary counts and the per-group {@code csum} array.
 * Field names follow the C members without the {@code fs_} prefix. {@link #encode(ByteOrder)}
 * lays out the 1376 bytes with zeros in the in-core pointer area (offsets 728..855).
 */
final class FsState {
    static final int SBLOCK_UFS1 = 8192;
    static final int SBLOCKSIZE = 8192;
    static final int SIZEOF_FS = 1376;
    static final int FS_UFS1_MAGIC = 0x011954;
    static final int NDADDR = 12;
    static final int NIADDR = 3;
    static final int ROOTINO = 2;
    static final int DINODE1_SIZE = 128;
    static final int MAXSYMLINKLEN_UFS1 = (NDADDR + NIADDR) * 4;
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
        int[] head = {0, 0, sblkno, cblkno, iblkno, dblkno, oldCgoffset, oldCgmask, oldTime, oldSize,
            oldDsize, ncg, bsize, fsize, frag, minfree, oldRotdelay, oldRps, bmask, fmask, bshift,
            fshift, maxcontig, maxbpg, fragshift, fsbtodb, sbsize, 0, 0, nindir, inopb, oldNspf,
            optim, oldNpsect, oldInterleave, oldTrackskew, id0, id1, oldCsaddr, cssize, cgsize, 0,
            oldNsect, oldSpc, oldNcyl, oldCpg, ipg, fpg, oldCstotal[0], oldCstotal[1],
            oldCstotal[2], oldCstotal[3]};
        for (int i = 0; i < head.length; i++) {
            b.putInt(i * 4, head[i]);
        }
        b.put(208, fmod);
        b.put(209, clean);
        b.put(210, (byte) 0);
        b.put(211, oldFlags);
        System.arraycopy(volname, 0, out, 680, volname.length);
        b.putInt(856, oldCpc);
        b.putInt(860, maxbsize);
        b.putLong(1000, sblockloc);
        b.putLong(1008, csNdir);
        b.putLong(1016, csNbfree);
        b.putLong(1024, csNifree);
        b.putLong(1032, csNffree);
        b.putLong(1072, time);
        b.putLong(1080, size);
        b.putLong(1088, dsize);
        b.putLong(1096, csaddr);
        b.putInt(1196, avgfilesize);
        b.putInt(1200, avgfpdir);
        b.putInt(1312, flags);
        b.putInt(1316, contigsumsize);
        b.putInt(1320, maxsymlinklen);
        b.putInt(1324, oldInodefmt);
        b.putLong(1328, maxfilesize);
        b.putLong(1336, qbmask);
        b.putLong(1344, qfmask);
        b.putInt(1356, oldPostblformat);
        b.putInt(1360, oldNrpos);
        b.putInt(1372, magic);
        if (sbsize < SIZEOF_FS) {
            byte[] cut = new byte[sbsize];
            System.arraycopy(out, 0, cut, 0, sbsize);
            return cut;
        }
        return out;
    }
}
