package io.github.slipway.ffs.internal.write;

/**
 * Block and fragment allocation as NetBSD makefs does it ({@code ffs/ffs_alloc.c}: {@code
 * ffs_alloc}, {@code ffs_blkpref_ufs1}, {@code ffs_hashalloc}, {@code ffs_alloccg}, {@code
 * ffs_alloccgblk}, {@code ffs_mapsearch}, {@code ffs_clusteracct}). The choices must be the same
 * as makefs' for images to be equal byte for byte, so the structure follows the C code.
 */
final class BlockAllocator {
    /** Bit patterns for fragments in the block map, used as {@code (map & AROUND) == INSIDE}. */
    private static final int[] AROUND = {0x3, 0x7, 0xf, 0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff};
    private static final int[] INSIDE = {0x0, 0x2, 0x6, 0xe, 0x1e, 0x3e, 0x7e, 0xfe, 0x1fe};
    private static final int[] FRAGTBL8 = new int[256];
    private static final int[] FRAGTBL124 = new int[256];

    static {
        // ffs_tables.c: bit (n-1) (shifted by frag % 8 for small frags) marks a maximal run of
        // exactly n free fragments inside one block of the byte
        for (int map = 0; map < 256; map++) {
            FRAGTBL8[map] = runs(map, 8, 0);
            FRAGTBL124[map] = runs(map, 4, 4) | runs(map, 2, 2) | runs(map, 1, 1);
        }
    }

    private static int runs(int map, int width, int shift) {
        int result = 0;
        for (int base = 0; base < 8; base += width) {
            int run = 0;
            for (int i = 0; i <= width; i++) {
                boolean set = i < width && (map & (1 << (base + i))) != 0;
                if (set) {
                    run++;
                } else if (run > 0) {
                    result |= 1 << (run - 1 + shift);
                    run = 0;
                }
            }
        }
        return result;
    }

    private final FsState fs;
    private final CylinderGroup[] cgs;

    BlockAllocator(FsState fs, CylinderGroup[] cgs) {
        this.fs = fs;
        this.cgs = cgs;
        for (CylinderGroup cg : cgs) {
            cg.useFragmentTable(fs.frag == 8 ? FRAGTBL8 : FRAGTBL124);
            cg.indexFreeBlocks(fs.fragshift, fs.fpg >> fs.fragshift);
        }
    }

    /**
     * {@code ffs_alloc}: a block or fragment run of {@code size} bytes for inode {@code ino}.
     *
     * @return the fragment address, or 0 when the image is full
     */
    long alloc(long ino, long bpref, int size) {
        if (size == fs.bsize && fs.csNbfree == 0) {
            return 0;
        }
        if (bpref >= fs.size) {
            bpref = 0;
        }
        int cg = bpref == 0 ? fs.inoToCg(ino) : fs.dtog(bpref);
        return hashalloc(cg, bpref, size);
    }

    /** {@code ffs_blkpref_ufs1}: where block {@code lbn} should go, given pointer array bap. */
    long blkpref(long ino, long lbn, int indx, int[] bap) {
        if (indx % fs.maxbpg == 0 || bap[indx - 1] == 0) {
            if (lbn < FsState.NDADDR + fs.nindir) {
                int cg = fs.inoToCg(ino);
                return (long) fs.fpg * cg + fs.frag;
            }
            int startcg;
            if (indx == 0 || bap[indx - 1] == 0) {
                startcg = (int) (fs.inoToCg(ino) + lbn / fs.maxbpg);
            } else {
                startcg = fs.dtog(Integer.toUnsignedLong(bap[indx - 1]) + 1);
            }
            startcg %= fs.ncg;
            long avgbfree = fs.csNbfree / fs.ncg;
            for (int cg = startcg; cg < fs.ncg; cg++) {
                if (fs.cs[cg][1] >= avgbfree) {
                    return (long) fs.fpg * cg + fs.frag;
                }
            }
            for (int cg = 0; cg <= startcg; cg++) {
                if (fs.cs[cg][1] >= avgbfree) {
                    return (long) fs.fpg * cg + fs.frag;
                }
            }
            return 0;
        }
        return Integer.toUnsignedLong(bap[indx - 1]) + fs.frag;
    }

    private long hashalloc(int cg, long pref, int size) {
        int icg = cg;
        long result = alloccg(cg, pref, size);
        if (result != 0) {
            return result;
        }
        for (int i = 1; i < fs.ncg; i *= 2) {
            cg += i;
            if (cg >= fs.ncg) {
                cg -= fs.ncg;
            }
            result = alloccg(cg, 0, size);
            if (result != 0) {
                return result;
            }
        }
        cg = (icg + 2) % fs.ncg;
        for (int i = 2; i < fs.ncg; i++) {
            result = alloccg(cg, 0, size);
            if (result != 0) {
                return result;
            }
            cg++;
            if (cg == fs.ncg) {
                cg = 0;
            }
        }
        return 0;
    }

    private long alloccg(int cg, long bpref, int size) {
        if (fs.cs[cg][1] == 0 && size == fs.bsize) {
            return 0;
        }
        CylinderGroup cgp = cgs[cg];
        if (cgp.getInt(CylinderGroup.CS_NBFREE) == 0 && size == fs.bsize) {
            return 0;
        }
        if (size == fs.bsize) {
            return alloccgblk(cgp, bpref);
        }
        int frags = (int) fs.numfrags(size);
        int allocsiz;
        for (allocsiz = frags; allocsiz < fs.frag; allocsiz++) {
            if (cgp.frsum(allocsiz) != 0) {
                break;
            }
        }
        if (allocsiz == fs.frag) {
            if (cgp.getInt(CylinderGroup.CS_NBFREE) == 0) {
                return 0;
            }
            long bno = alloccgblk(cgp, bpref);
            int base = fs.dtogd(bno);
            for (int i = frags; i < fs.frag; i++) {
                cgp.setFreeBit(base + i);
            }
            int i = fs.frag - frags;
            cgp.addInt(CylinderGroup.CS_NFFREE, i);
            fs.csNffree += i;
            fs.cs[cg][3] += i;
            fs.fmod = 1;
            cgp.addFrsum(i, 1);
            return bno;
        }
        int bno = mapsearch(cgp, bpref, allocsiz);
        for (int i = 0; i < frags; i++) {
            cgp.clearFreeBit(bno + i);
        }
        cgp.addInt(CylinderGroup.CS_NFFREE, -frags);
        fs.csNffree -= frags;
        fs.cs[cg][3] -= frags;
        fs.fmod = 1;
        cgp.addFrsum(allocsiz, -1);
        if (frags != allocsiz) {
            cgp.addFrsum(allocsiz - frags, 1);
        }
        return (long) cg * fs.fpg + bno;
    }

    private long alloccgblk(CylinderGroup cgp, long bpref) {
        int bno;
        boolean got = false;
        if (bpref == 0 || fs.dtog(bpref) != cgp.cgx) {
            bpref = Integer.toUnsignedLong(cgp.getInt(CylinderGroup.ROTOR));
            bno = 0;
        } else {
            bpref = fs.blknum(bpref);
            bno = fs.dtogd(bpref);
            if (cgp.isBlock(fs.fragshift, bno >> fs.fragshift)) {
                got = true;
            }
        }
        if (!got) {
            bno = mapsearch(cgp, bpref, fs.frag);
            if (bno < 0) {
                return 0;
            }
            cgp.putInt(CylinderGroup.ROTOR, bno);
        }
        int blkno = bno >> fs.fragshift;
        cgp.clearBlock(fs.fragshift, blkno);
        clusteracct(cgp, blkno, -1);
        cgp.addInt(CylinderGroup.CS_NBFREE, -1);
        fs.csNbfree--;
        fs.cs[cgp.cgx][1]--;
        fs.fmod = 1;
        return (long) cgp.cgx * fs.fpg + bno;
    }

    private int mapsearch(CylinderGroup cgp, long bpref, int allocsiz) {
        int start;
        if (bpref != 0) {
            start = fs.dtogd(bpref) / 8;
        } else {
            start = cgp.getInt(CylinderGroup.FROTOR) / 8;
        }
        int[] table = fs.frag == 8 ? FRAGTBL8 : FRAGTBL124;
        int mask = 1 << (allocsiz - 1 + (fs.frag % 8));
        int len = (fs.fpg + 7) / 8 - start;
        int mapEnd = start + len;
        boolean block = allocsiz == fs.frag;
        int loc = block ? scanBlocks(cgp, start, len) : scanc(cgp, start, len, table, mask, mapEnd);
        if (loc == 0) {
            len = start + 1;
            start = 0;
            loc = block ? scanBlocks(cgp, 0, len) : scanc(cgp, 0, len, table, mask, mapEnd);
            if (loc == 0) {
                throw new IllegalStateException("cg " + cgp.cgx + ": free map corrupted");
            }
        }
        int bno = (start + len - loc) * 8;
        cgp.putInt(CylinderGroup.FROTOR, bno);
        int fragmask = 0xff >> (8 - fs.frag);
        for (int i = bno + 8; bno < i; bno += fs.frag) {
            int blk = ((cgp.free(bno / 8) >> (bno % 8)) & fragmask) << 1;
            int field = AROUND[allocsiz];
            int subfield = INSIDE[allocsiz];
            for (int pos = 0; pos <= fs.frag - allocsiz; pos++) {
                if ((blk & field) == subfield) {
                    return bno + pos;
                }
                field <<= 1;
                subfield <<= 1;
            }
        }
        throw new IllegalStateException("cg " + cgp.cgx + ": block not in map: " + bno);
    }

    /**
     * {@code scanc}: bytes left from the first map byte whose table entry has the mask bit. The
     * cylinder group's hints for the mask let the scan skip bytes known not to match at both
     * ends; a scan that began at or below the low hint moves it up to where it stopped, and one
     * that found nothing up to the map's end moves the high one down to where it began.
     */
    /** Map bytes the fragment searches have looked at, for tests of their cost. */
    static final java.util.concurrent.atomic.AtomicLong SCANNED = new java.util.concurrent.atomic.AtomicLong();

    private static int scanc(CylinderGroup cgp, int start, int size, int[] table, int mask, int mapEnd) {
        int end = start + size;
        int k = Integer.numberOfTrailingZeros(mask);
        int hint = cgp.hint(k);
        long looked = 0;
        if (hint < start) {
            // the bytes between the hint and the start: when none matches, the hint may move up
            // to the start, and this scan may raise it further. Otherwise a search that always
            // starts just above the hint never moves it (a directory's fragment in a group whose
            // first map byte is in use: every search started at byte 1 with the hint at 0, and
            // scanned the whole used part of the group, 20,000 times for 20,000 directories)
            int j = hint;
            int lim = Math.min(start, cgp.clearFrom(k));
            while (j < lim && (table[cgp.free(j)] & mask) == 0) {
                j++;
            }
            looked = j - hint;
            hint = j < lim ? j : start;
            cgp.raiseHint(k, hint);
        }
        int from = Math.max(start, hint);
        // bytes from clearFrom on cannot match: stop there
        int stop = Math.min(end, cgp.clearFrom(k));
        int i = from;
        while (i < stop && (table[cgp.free(i)] & mask) == 0) {
            i++;
        }
        SCANNED.addAndGet(looked + Math.max(0, i - from));
        if (i >= stop) {
            i = end;
            if (end >= mapEnd) {
                cgp.lowerClearFrom(k, from);
            }
        }
        if (start <= hint) {
            cgp.raiseHint(k, i);
        }
        return end - i;
    }

    /**
     * {@code scanc} for a whole free block: the same answer (bytes left from the first map byte
     * in [start, start+size) that holds a wholly free block, or 0), from the group's index of free
     * blocks instead of a byte scan.
     */
    private int scanBlocks(CylinderGroup cgp, int start, int size) {
        int end = start + size;
        int perByte = 3 - fs.fragshift; // log2 of the blocks one map byte holds
        int h = cgp.nextFreeBlock(start << perByte);
        int i = h < 0 ? end : Math.min(end, h >> perByte);
        return end - i;
    }

    /** {@code ffs_clusteracct}: keep the cluster map and summary in step with block changes. */
    void clusteracct(CylinderGroup cgp, int blkno, int cnt) {
        if (fs.contigsumsize <= 0) {
            return;
        }
        if (cnt > 0) {
            cgp.setClusterBit(blkno);
        } else {
            cgp.clearClusterBit(blkno);
        }
        int nclusterblks = cgp.getInt(CylinderGroup.NCLUSTERBLKS);
        int start = blkno + 1;
        int end = start + fs.contigsumsize;
        if (Integer.compareUnsigned(end, nclusterblks) >= 0) {
            end = nclusterblks;
        }
        int i;
        for (i = start; i < end; i++) {
            if ((cgp.clusterByte(i >> 3) & (1 << (i & 7))) == 0) {
                break;
            }
        }
        int forw = i - start;
        start = blkno - 1;
        end = start - fs.contigsumsize;
        if (end < 0) {
            end = -1;
        }
        for (i = start; i > end; i--) {
            if ((cgp.clusterByte(i >> 3) & (1 << (i & 7))) == 0) {
                break;
            }
        }
        int back = start - i;
        i = back + forw + 1;
        if (i > fs.contigsumsize) {
            i = fs.contigsumsize;
        }
        cgp.addClusterSum(i, cnt);
        if (back > 0) {
            cgp.addClusterSum(back, -cnt);
        }
        if (forw > 0) {
            cgp.addClusterSum(forw, -cnt);
        }
    }
}
