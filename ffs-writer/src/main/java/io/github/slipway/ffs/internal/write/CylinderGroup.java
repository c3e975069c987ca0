package io.github.slipway.ffs.internal.write;

import io.github.slipway.ffs.internal.format.CylinderGroupLayout;
import io.github.slipway.ffs.internal.format.FfsConstants;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One cylinder group map ({@code struct cg}, sys/ufs/ffs/fs.h) held in its on-disk byte order,
 * exactly as makefs keeps it in its buffer, so that updates land where the C code puts them.
 */
final class CylinderGroup {
    // struct cg offsets, defined once in internal.format
    static final int CG_MAGIC = FfsConstants.CG_MAGIC;
    static final int MAGIC = CylinderGroupLayout.CG_MAGIC;
    static final int OLD_TIME = CylinderGroupLayout.CG_OLD_TIME;
    static final int CGX = CylinderGroupLayout.CG_CGX;
    static final int OLD_NCYL = CylinderGroupLayout.CG_OLD_NCYL;
    static final int OLD_NIBLK = CylinderGroupLayout.CG_OLD_NIBLK;
    static final int NDBLK = CylinderGroupLayout.CG_NDBLK;
    static final int CS_NDIR = CylinderGroupLayout.CG_CS_NDIR;
    static final int CS_NBFREE = CylinderGroupLayout.CG_CS_NBFREE;
    static final int CS_NIFREE = CylinderGroupLayout.CG_CS_NIFREE;
    static final int CS_NFFREE = CylinderGroupLayout.CG_CS_NFFREE;
    static final int ROTOR = CylinderGroupLayout.CG_ROTOR;
    static final int FROTOR = CylinderGroupLayout.CG_FROTOR;
    static final int IROTOR = CylinderGroupLayout.CG_IROTOR;
    static final int FRSUM = CylinderGroupLayout.CG_FRSUM;
    static final int OLD_BTOTOFF = CylinderGroupLayout.CG_OLD_BTOTOFF;
    static final int OLD_BOFF = CylinderGroupLayout.CG_OLD_BOFF;
    static final int IUSEDOFF = CylinderGroupLayout.CG_IUSEDOFF;
    static final int FREEOFF = CylinderGroupLayout.CG_FREEOFF;
    static final int NEXTFREEOFF = CylinderGroupLayout.CG_NEXTFREEOFF;
    static final int CLUSTERSUMOFF = CylinderGroupLayout.CG_CLUSTERSUMOFF;
    static final int CLUSTEROFF = CylinderGroupLayout.CG_CLUSTEROFF;
    static final int NCLUSTERBLKS = CylinderGroupLayout.CG_NCLUSTERBLKS;
    static final int NIBLK = CylinderGroupLayout.CG_NIBLK;
    static final int INITEDIBLK = CylinderGroupLayout.CG_INITEDIBLK;
    static final int TIME = CylinderGroupLayout.CG_TIME;
    static final int SPACE = CylinderGroupLayout.SIZE;

    final byte[] bytes;
    final ByteBuffer buf;
    final int cgx;
    int iusedoff;
    int freeoff;
    int clustersumoff;
    int clusteroff;
    int nclusterblks;
    /**
     * Search shortcuts: no free-map byte below {@code hints[k]} has bit k set in its fragment
     * table entry (no free run of the size bit k stands for). A change to a byte lowers those
     * whose run its new value has (allocating part of a run makes a shorter run); searches
     * from below a hint raise it.
     */
    private final int[] hints = new int[8];
    /**
     * The same from the other end: no map byte at or above {@code clearFrom[k]} has bit k. The
     * free blocks past the allocation front hold no short runs, and a search for one that wraps
     * around would otherwise scan them all every time.
     */
    private final int[] clearFrom = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
        Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
    /** Which runs each map byte holds (bit k: a run of the size k stands for); null: assume all. */
    private int[] fragtbl;
    /**
     * Bit h set: block h is wholly free; null until {@link #indexFreeBlocks}. The allocator looks
     * for the next free block after a preference that is often far behind the allocation front
     * (a file's next block, taken meanwhile), which a byte scan of the map pays for byte by byte.
     */
    private long[] freeBlocks;
    private int fragshift;

    CylinderGroup(int cgsize, ByteOrder order, int cgx) {
        this.bytes = new byte[cgsize];
        this.buf = ByteBuffer.wrap(bytes).order(order);
        this.cgx = cgx;
    }

    int getInt(int off) {
        return buf.getInt(off);
    }

    void putInt(int off, int v) {
        buf.putInt(off, v);
    }

    void addInt(int off, int delta) {
        buf.putInt(off, buf.getInt(off) + delta);
    }

    int frsum(int i) {
        return buf.getInt(FRSUM + 4 * i);
    }

    void addFrsum(int i, int delta) {
        addInt(FRSUM + 4 * i, delta);
    }

    /** A byte of the free-fragment map ({@code cg_blksfree}). */
    int free(int byteIndex) {
        return bytes[freeoff + byteIndex] & 0xff;
    }

    boolean isFreeBit(int frag) {
        return (bytes[freeoff + (frag >> 3)] & (1 << (frag & 7))) != 0;
    }

    void setFreeBit(int frag) {
        bytes[freeoff + (frag >> 3)] |= (byte) (1 << (frag & 7));
        lowerHints(frag >> 3);
        indexBlock(frag >> fragshift);
    }

    /**
     * Starts keeping the index of wholly free blocks (after the map was set up): from here on
     * every change to the map goes through this class's methods, which keep it.
     */
    void indexFreeBlocks(int fragshift, int nblocks) {
        this.fragshift = fragshift;
        freeBlocks = new long[(nblocks + 63) >>> 6];
        for (int h = 0; h < nblocks; h++) {
            if (isBlock(fragshift, h)) {
                freeBlocks[h >>> 6] |= 1L << h;
            }
        }
    }

    private void indexBlock(int h) {
        if (freeBlocks != null && (h >>> 6) < freeBlocks.length) {
            if (isBlock(fragshift, h)) {
                freeBlocks[h >>> 6] |= 1L << h;
            } else {
                freeBlocks[h >>> 6] &= ~(1L << h);
            }
        }
    }

    /** The first wholly free block at or after block {@code h}, or -1 (needs the index). */
    int nextFreeBlock(int h) {
        int w = h >>> 6;
        if (w >= freeBlocks.length) {
            return -1;
        }
        long word = freeBlocks[w] & (-1L << h);
        while (word == 0) {
            if (++w == freeBlocks.length) {
                return -1;
            }
            word = freeBlocks[w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(word);
    }

    /**
     * Keeps the hints true after map byte {@code byteIndex} changed: only the runs its new value
     * has can be new below a hint. (Lowering every hint on every change made each search for a
     * fragment run rescan the whole rest of the group, full blocks and all, from the spot the
     * last allocation touched.)
     */
    private void lowerHints(int byteIndex) {
        int runs = fragtbl == null ? 0xff : fragtbl[bytes[freeoff + byteIndex] & 0xff];
        for (int k = 0; k < hints.length; k++) {
            if ((runs & (1 << k)) != 0) {
                if (hints[k] > byteIndex) {
                    hints[k] = byteIndex;
                }
                if (clearFrom[k] <= byteIndex) {
                    clearFrom[k] = byteIndex + 1;
                }
            }
        }
    }

    /** No map byte at or above this has bit k in its fragment table entry. */
    int clearFrom(int k) {
        return clearFrom[k];
    }

    /** Records that no map byte from {@code byteIndex} to the map's end has bit k. */
    void lowerClearFrom(int k, int byteIndex) {
        clearFrom[k] = Math.min(clearFrom[k], byteIndex);
    }

    /** The allocator's fragment table ({@code ffs_tables.c}), for {@link #lowerHints}. */
    void useFragmentTable(int[] table) {
        fragtbl = table;
    }

    int hint(int k) {
        return hints[k];
    }

    void raiseHint(int k, int byteIndex) {
        hints[k] = Math.max(hints[k], byteIndex);
    }

    void clearFreeBit(int frag) {
        bytes[freeoff + (frag >> 3)] &= (byte) ~(1 << (frag & 7));
        lowerHints(frag >> 3);
        indexBlock(frag >> fragshift);
    }

    boolean isInodeUsed(int i) {
        return (bytes[iusedoff + (i >> 3)] & (1 << (i & 7))) != 0;
    }

    void setInodeUsed(int i) {
        bytes[iusedoff + (i >> 3)] |= (byte) (1 << (i & 7));
    }

    void setClusterBit(int blk) {
        bytes[clusteroff + (blk >> 3)] |= (byte) (1 << (blk & 7));
    }

    void clearClusterBit(int blk) {
        bytes[clusteroff + (blk >> 3)] &= (byte) ~(1 << (blk & 7));
    }

    int clusterByte(int i) {
        return bytes[clusteroff + i] & 0xff;
    }

    int clusterSum(int i) {
        return buf.getInt(clustersumoff + 4 * i);
    }

    void addClusterSum(int i, int delta) {
        addInt(clustersumoff + 4 * i, delta);
    }

    // ffs_subr.c block operations on the free map, per fs_fragshift

    boolean isBlock(int fragshift, int h) {
        switch (fragshift) {
            case 3:
                return free(h) == 0xff;
            case 2: {
                int mask = 0x0f << ((h & 0x1) << 2);
                return (free(h >> 1) & mask) == mask;
            }
            case 1: {
                int mask = 0x03 << ((h & 0x3) << 1);
                return (free(h >> 2) & mask) == mask;
            }
            default: {
                int mask = 0x01 << (h & 0x7);
                return (free(h >> 3) & mask) == mask;
            }
        }
    }

    void clearBlock(int fragshift, int h) {
        switch (fragshift) {
            case 3 -> bytes[freeoff + h] = 0;
            case 2 -> bytes[freeoff + (h >> 1)] &= (byte) ~(0x0f << ((h & 0x1) << 2));
            case 1 -> bytes[freeoff + (h >> 2)] &= (byte) ~(0x03 << ((h & 0x3) << 1));
            default -> bytes[freeoff + (h >> 3)] &= (byte) ~(0x01 << (h & 0x7));
        }
        lowerHints((h << fragshift) >> 3);
        indexBlock(h);
    }

    void setBlock(int fragshift, int h) {
        switch (fragshift) {
            case 3 -> bytes[freeoff + h] = (byte) 0xff;
            case 2 -> bytes[freeoff + (h >> 1)] |= (byte) (0x0f << ((h & 0x1) << 2));
            case 1 -> bytes[freeoff + (h >> 2)] |= (byte) (0x03 << ((h & 0x3) << 1));
            default -> bytes[freeoff + (h >> 3)] |= (byte) (0x01 << (h & 0x7));
        }
        lowerHints((h << fragshift) >> 3);
        indexBlock(h);
    }
}
