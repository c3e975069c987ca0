package io.github.slipway.ffs.internal.format;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A whole cylinder group block: {@code struct cg} ({@link CylinderGroupHeader}) and the maps behind
 * it ({@code cg_inosused}, {@code cg_blksfree}, {@code cg_clustersum}, {@code cg_clustersfree} in
 * {@code sys/ufs/ffs/fs.h}), located by the header's offsets.
 *
 * <p>Map reads are checked against the block: a bit outside it reads as {@code false} and a summary
 * entry outside it as 0, so a hostile offset cannot reach past {@code fs_cgsize}; the checker reports
 * such offsets itself (see {@link #mapsFit}).
 *
 * @param header the fixed part
 * @param block the whole block, {@code fs_cgsize} bytes (a private copy)
 */
public record CylinderGroup(CylinderGroupHeader header, byte[] block) {
    /**
     * Copies the block.
     *
     * @param header the fixed part
     * @param block the whole block, {@code fs_cgsize} bytes (a private copy)
     */
    public CylinderGroup {
        block = block.clone();
    }

    /** Reads {@code cgsize} bytes at {@code base} as a cylinder group. */
    public static CylinderGroup decode(ByteBuffer b, int base, int cgsize) {
        Bytes.checkRange(b, base, Math.max(cgsize, CylinderGroupLayout.SIZE), "struct cg");
        byte[] raw = new byte[cgsize];
        b.get(base, raw);
        return new CylinderGroup(CylinderGroupHeader.decode(b, base), raw);
    }

    /** Writes the block, then the header over its start. */
    public void encode(ByteBuffer b, int base) {
        Bytes.checkRange(b, base, block.length, "struct cg");
        b.put(base, block);
        header.encode(b, base);
    }

    /** A copy of the block. */
    @Override
    public byte[] block() {
        return block.clone();
    }

    /** Whether the maps for {@code ipg} inodes, {@code fpg} frags lie inside the block. */
    public boolean mapsFit(int ipg, int fpg, int frag, int contigsumsize) {
        return fits(header.iusedoff(), (ipg + 7L) / 8)
                && fits(header.freeoff(), (fpg + 7L) / 8)
                && (contigsumsize <= 0 || (fits(header.clustersumoff(), 4L * (contigsumsize + 1))
                        && fits(header.clusteroff(), (fpg / Math.max(frag, 1) + 7L) / 8)));
    }

    private boolean fits(int off, long len) {
        return off >= 0 && off + len <= block.length;
    }

    private boolean bit(long off, long i) {
        long at = off + (i >> 3);
        if (off < 0 || i < 0 || at >= block.length) {
            return false;
        }
        return (block[(int) at] & (1 << (i & 7))) != 0;
    }

    /** {@code isset(cg_inosused, i)}: inode {@code i} of this group is in use. */
    public boolean inodeUsed(long i) {
        return bit(header.iusedoff(), i);
    }

    /** {@code isset(cg_blksfree, f)}: fragment {@code f} of this group is free. */
    public boolean fragFree(long f) {
        return bit(header.freeoff(), f);
    }

    /** {@code isset(cg_clustersfree, b)}: block {@code b} of this group is free for clustering. */
    public boolean clusterFree(long b) {
        return bit(header.clusteroff(), b);
    }

    /** {@code cg_clustersum[i]}, in {@code order}. */
    public int clusterSum(int i, java.nio.ByteOrder order) {
        long at = header.clustersumoff() + 4L * i;
        if (header.clustersumoff() < 0 || i < 0 || at + 4 > block.length) {
            return 0;
        }
        return ByteBuffer.wrap(block).order(order).getInt((int) at);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CylinderGroup c && header.equals(c.header) && Arrays.equals(block, c.block);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + Arrays.hashCode(block);
    }

    @Override
    public String toString() {
        return "CylinderGroup[" + header + ", " + block.length + " bytes]";
    }
}
