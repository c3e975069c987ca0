package io.github.slipway.ffs.internal;

import io.github.slipway.ffs.FfsFormatException;
import io.github.slipway.ffs.internal.format.CylinderGroup;
import io.github.slipway.ffs.internal.format.CylinderGroupLayout;
import io.github.slipway.ffs.internal.format.DirectoryEntry;
import io.github.slipway.ffs.internal.format.DirectoryEntryLayout;
import io.github.slipway.ffs.internal.format.FfsConstants;
import io.github.slipway.ffs.internal.format.Superblock;
import io.github.slipway.ffs.internal.format.SuperblockLayout;
import io.github.slipway.ffs.internal.format.Ufs1Inode;
import io.github.slipway.ffs.internal.format.Ufs1InodeLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open UFS1 image: the superblock, the geometry derived from it, and bounds-checked reads of
 * inodes, cylinder groups, file blocks and directories.
 *
 * <p>Only {@code fs_bsize}, {@code fs_fsize}, {@code fs_ncg}, {@code fs_ipg}, {@code fs_fpg},
 * {@code fs_size}, {@code fs_sblkno}/{@code cblkno}/{@code iblkno}/{@code dblkno} and the old cg
 * offset are trusted, after {@link #open} checked them against each other and the image size;
 * everything derived ({@code fs_bshift}, {@code fs_nindir}, ...) is recomputed, so that a damaged
 * derived field is something the checker reports, not something that misleads the reader. Every
 * read is checked against the image size; no allocation is sized by an untrusted field beyond
 * what the image size bounds.
 */
public final class Volume {
    private final SeekableByteChannel ch;
    private final String name;
    private final long imageSize;
    private final ByteOrder order;
    private final Superblock sb;
    private final int bsize;
    private final int fsize;
    private final int frag;
    private final int fragshift;
    private final int inopb;
    private final int nindir;
    private final int ncg;
    private final int ipg;
    private final long fpg;
    private final long size;
    private final Map<Long, ByteBuffer> blockCache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ByteBuffer> e) {
            return size() > 16;
        }
    };

    private Volume(SeekableByteChannel ch, String name, long imageSize, ByteOrder order, Superblock sb) {
        this.ch = ch;
        this.name = name;
        this.imageSize = imageSize;
        this.order = order;
        this.sb = sb;
        this.bsize = sb.bsize();
        this.fsize = sb.fsize();
        this.frag = bsize / fsize;
        this.fragshift = Integer.numberOfTrailingZeros(frag);
        this.inopb = bsize / Ufs1InodeLayout.SIZE;
        this.nindir = bsize / 4;
        this.ncg = sb.ncg();
        this.ipg = sb.ipg();
        this.fpg = sb.fpg();
        this.size = sb.size();
    }

    /**
     * Reads and checks the superblock.
     *
     * @param name the image's name for messages
     * @throws FfsFormatException if there is no UFS1 superblock or its geometry cannot be used
     */
    public static Volume open(SeekableByteChannel ch, String name) throws IOException {
        long imageSize = ch.size();
        if (imageSize < FfsConstants.SBLOCK_UFS1 + SuperblockLayout.SIZE) {
            throw new FfsFormatException(name, imageSize, "image of " + imageSize
                    + " bytes ends before the superblock at 8192");
        }
        ByteBuffer raw = readFully(ch, FfsConstants.SBLOCK_UFS1, SuperblockLayout.SIZE);
        ByteOrder order = detectOrder(raw);
        if (order == null) {
            throw new FfsFormatException(name, FfsConstants.SBLOCK_UFS1 + SuperblockLayout.FS_MAGIC,
                    String.format("fs_magic 0x%x, expected 0x%x (UFS1) in either byte order",
                            raw.order(ByteOrder.LITTLE_ENDIAN).getInt(SuperblockLayout.FS_MAGIC),
                            FfsConstants.FS_UFS1_MAGIC));
        }
        raw.order(order);
        Superblock sb = Superblock.decode(raw, 0);
        check(name, sb, imageSize);
        return new Volume(ch, name, imageSize, order, sb);
    }

    /** The byte order whose reading of {@code fs_magic} is {@code FS_UFS1_MAGIC}, or null. */
    public static ByteOrder detectOrder(ByteBuffer superblock) {
        for (ByteOrder o : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            if (superblock.duplicate().order(o).getInt(SuperblockLayout.FS_MAGIC) == FfsConstants.FS_UFS1_MAGIC) {
                return o;
            }
        }
        return null;
    }

    private static void check(String name, Superblock sb, long imageSize) throws FfsFormatException {
        long base = FfsConstants.SBLOCK_UFS1;
        int bsize = sb.bsize();
        int fsize = sb.fsize();
        if (bsize < FfsConstants.MINBSIZE || bsize > FfsConstants.MAXBSIZE || Integer.bitCount(bsize) != 1) {
            throw bad(name, base + SuperblockLayout.FS_BSIZE, "fs_bsize " + bsize
                    + " is not a power of two in 4096..65536");
        }
        if (fsize < FfsConstants.DEV_BSIZE || fsize > bsize || Integer.bitCount(fsize) != 1
                || bsize / fsize > FfsConstants.MAXFRAG) {
            throw bad(name, base + SuperblockLayout.FS_FSIZE, "fs_fsize " + fsize
                    + " does not divide fs_bsize " + bsize + " into 1, 2, 4 or 8 fragments");
        }
        int frag = bsize / fsize;
        if (sb.ncg() < 1) {
            throw bad(name, base + SuperblockLayout.FS_NCG, "fs_ncg " + sb.ncg() + " is not positive");
        }
        int inopb = bsize / Ufs1InodeLayout.SIZE;
        if (sb.ipg() < inopb || sb.ipg() % inopb != 0) {
            throw bad(name, base + SuperblockLayout.FS_IPG, "fs_ipg " + sb.ipg()
                    + " is not a positive multiple of " + inopb + " inodes a block");
        }
        if (sb.fpg() < frag || sb.fpg() % frag != 0) {
            throw bad(name, base + SuperblockLayout.FS_FPG, "fs_fpg " + sb.fpg()
                    + " is not a positive multiple of fs_frag " + frag);
        }
        long fssize = sb.size();
        if (fssize <= 0 || fssize > (long) sb.ncg() * sb.fpg() || fssize <= (long) (sb.ncg() - 1) * sb.fpg()) {
            throw bad(name, base + SuperblockLayout.FS_SIZE, "fs_size " + fssize + " does not fit fs_ncg "
                    + sb.ncg() + " groups of fs_fpg " + sb.fpg() + " frags");
        }
        if (fssize * fsize > imageSize) {
            throw bad(name, base + SuperblockLayout.FS_SIZE, "fs_size " + fssize + " frags of " + fsize
                    + " bytes needs " + fssize * fsize + " bytes, the image has " + imageSize);
        }
        long inodeBytes = (long) sb.ncg() * sb.ipg() * Ufs1InodeLayout.SIZE;
        if (inodeBytes > imageSize) {
            throw bad(name, base + SuperblockLayout.FS_IPG, "fs_ncg * fs_ipg = " + (long) sb.ncg() * sb.ipg()
                    + " inodes do not fit an image of " + imageSize + " bytes");
        }
        long ib = (long) sb.ipg() / inopb * frag;
        if (sb.sblkno() < 0 || sb.cblkno() <= sb.sblkno() || sb.iblkno() <= sb.cblkno()
                || sb.dblkno() < sb.iblkno() + ib || sb.dblkno() > sb.fpg()) {
            throw bad(name, base + SuperblockLayout.FS_SBLKNO, "fs_sblkno " + sb.sblkno() + ", fs_cblkno "
                    + sb.cblkno() + ", fs_iblkno " + sb.iblkno() + ", fs_dblkno " + sb.dblkno()
                    + " are not in order inside a group of " + sb.fpg() + " frags");
        }
        if (sb.cgsize() < CylinderGroupLayout.SIZE || sb.cgsize() > bsize) {
            throw bad(name, base + SuperblockLayout.FS_CGSIZE, "fs_cgsize " + sb.cgsize()
                    + " is outside " + CylinderGroupLayout.SIZE + ".." + bsize);
        }
        if (sb.oldCgoffset() < 0 || (long) sb.oldCgoffset() * sb.ncg() > sb.fpg()) {
            throw bad(name, base + SuperblockLayout.FS_OLD_CGOFFSET, "fs_old_cgoffset " + sb.oldCgoffset()
                    + " moves groups past their end");
        }
    }

    private static FfsFormatException bad(String name, long off, String what) {
        return new FfsFormatException(name, off, what);
    }

    private static ByteBuffer readFully(SeekableByteChannel ch, long off, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len);
        ch.position(off);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new java.io.EOFException("end of image at " + ch.position());
            }
        }
        return b.flip();
    }

    /**
     * Reads {@code len} bytes at {@code off} in the image's byte order.
     *
     * @param what what is being read, for the message
     */
    public synchronized ByteBuffer read(long off, int len, String what) throws IOException {
        if (off < 0 || len < 0 || off > imageSize - len) {
            throw new FfsFormatException(name, Math.max(off, 0), what + ": " + len + " bytes at " + off
                    + " are outside the image of " + imageSize + " bytes");
        }
        return readFully(ch, off, len).order(order);
    }

    /** Reads one whole block at fragment address {@code fragAddr}, cached. */
    public synchronized ByteBuffer block(long fragAddr, String what) throws IOException {
        ByteBuffer b = blockCache.get(fragAddr);
        if (b == null) {
            checkFrags(fragAddr, frag, what);
            b = read(fragAddr * fsize, bsize, what);
            blockCache.put(fragAddr, b);
        }
        return b.duplicate().order(order);
    }

    private void checkFrags(long fragAddr, int n, String what) throws FfsFormatException {
        if (fragAddr < 0 || fragAddr + n > size) {
            throw new FfsFormatException(name, -1, what + ": block " + fragAddr + " is outside the file system ("
                    + size + " frags)");
        }
    }

    /** The image's name for messages. */
    public String name() {
        return name;
    }

    /** The image's byte order. */
    public ByteOrder order() {
        return order;
    }

    /** The primary superblock. */
    public Superblock superblock() {
        return sb;
    }

    /** The image file's size in bytes. */
    public long imageSize() {
        return imageSize;
    }

    /** {@code fs_bsize}. */
    public int bsize() {
        return bsize;
    }

    /** {@code fs_fsize}. */
    public int fsize() {
        return fsize;
    }

    /** {@code fs_frag}, recomputed from bsize / fsize. */
    public int frag() {
        return frag;
    }

    /** {@code fs_fragshift}, recomputed. */
    public int fragshift() {
        return fragshift;
    }

    /** {@code INOPB}, recomputed. */
    public int inopb() {
        return inopb;
    }

    /** {@code NINDIR}, recomputed. */
    public int nindir() {
        return nindir;
    }

    /** {@code fs_ncg}. */
    public int ncg() {
        return ncg;
    }

    /** {@code fs_ipg}. */
    public int ipg() {
        return ipg;
    }

    /** {@code fs_fpg}. */
    public long fpg() {
        return fpg;
    }

    /** {@code fs_size} in frags. */
    public long size() {
        return size;
    }

    /** {@code maxino}: the number of inodes, {@code fs_ncg * fs_ipg}. */
    public long maxino() {
        return (long) ncg * ipg;
    }

    /** {@code cgbase(fs, c)}. */
    public long cgbase(int c) {
        return fpg * c;
    }

    /** {@code cgstart(fs, c)} for UFS1: staggered by {@code fs_old_cgoffset}. */
    public long cgstart(int c) {
        return cgbase(c) + (long) sb.oldCgoffset() * (c & ~sb.oldCgmask());
    }

    /** {@code cgsblock(fs, c)}. */
    public long cgsblock(int c) {
        return cgstart(c) + sb.sblkno();
    }

    /** {@code cgtod(fs, c)}. */
    public long cgtod(int c) {
        return cgstart(c) + sb.cblkno();
    }

    /** {@code cgimin(fs, c)}. */
    public long cgimin(int c) {
        return cgstart(c) + sb.iblkno();
    }

    /** {@code cgdmin(fs, c)}. */
    public long cgdmin(int c) {
        return cgstart(c) + sb.dblkno();
    }

    /** Byte offset of inode {@code ino}. */
    public long inodeOffset(long ino) {
        int c = (int) (ino / ipg);
        long fsba = cgimin(c) + (((ino % ipg) / inopb) << fragshift);
        return fsba * fsize + (ino % inopb) * Ufs1InodeLayout.SIZE;
    }

    /** Reads inode {@code ino}. */
    public Ufs1Inode inode(long ino) throws IOException {
        if (ino < 0 || ino >= maxino()) {
            throw new FfsFormatException(name, -1, "inode " + ino + " is outside 0.." + (maxino() - 1));
        }
        int c = (int) (ino / ipg);
        long fsba = cgimin(c) + (((ino % ipg) / inopb) << fragshift);
        ByteBuffer blk = block(fsba, "inode block of inode " + ino);
        return Ufs1Inode.decode(blk, (int) (ino % inopb) * Ufs1InodeLayout.SIZE);
    }

    /** Reads cylinder group {@code c}. */
    public CylinderGroup cg(int c) throws IOException {
        if (c < 0 || c >= ncg) {
            throw new IllegalArgumentException("cylinder group " + c + " outside 0.." + (ncg - 1));
        }
        ByteBuffer b = read(cgtod(c) * fsize, sb.cgsize(), "cylinder group " + c);
        return CylinderGroup.decode(b, 0, sb.cgsize());
    }

    /** {@code blksize(fs, ip, lbn)}: the bytes block {@code lbn} of a file of {@code fileSize} takes. */
    public int blkSize(long fileSize, long lbn) {
        if (lbn >= FfsConstants.NDADDR || fileSize >= (lbn + 1) * bsize) {
            return bsize;
        }
        long off = fileSize & (bsize - 1);
        return (int) ((off + fsize - 1) & ~(long) (fsize - 1));
    }

    /**
     * {@code bmap}: the fragment address of logical block {@code lbn} of a file, 0 for a hole.
     *
     * @throws FfsFormatException if an indirect block lies outside the file system
     */
    public long bmap(Ufs1Inode ip, long lbn, long ino) throws IOException {
        if (lbn < 0) {
            throw new IllegalArgumentException("lbn " + lbn);
        }
        if (lbn < FfsConstants.NDADDR) {
            return Integer.toUnsignedLong(ip.db().get((int) lbn));
        }
        long rest = lbn - FfsConstants.NDADDR;
        long span = nindir;
        for (int level = 0; level < FfsConstants.NIADDR; level++) {
            if (rest < span) {
                long addr = Integer.toUnsignedLong(ip.ib().get(level));
                long per = span / nindir;
                for (int l = level; l >= 0; l--) {
                    if (addr == 0) {
                        return 0;
                    }
                    ByteBuffer ind = block(addr, "indirect block of inode " + ino);
                    int idx = (int) (rest / per);
                    addr = Integer.toUnsignedLong(ind.getInt(4 * idx));
                    rest %= per;
                    per /= nindir;
                }
                return addr;
            }
            rest -= span;
            span *= nindir;
        }
        throw new FfsFormatException(name, -1, "inode " + ino + ": block " + lbn + " beyond triple indirect");
    }

    /** A stream over a file's bytes ({@code di_size} of them), holes read as zeros. */
    public InputStream stream(Ufs1Inode ip, long ino) {
        return new FileStream(ip, ino);
    }

    /** Reads a whole small file (a directory, a symlink), at most {@code max} bytes. */
    public byte[] readAll(Ufs1Inode ip, long ino, int max) throws IOException {
        if (ip.size() < 0 || ip.size() > max) {
            throw new FfsFormatException(name, inodeOffset(ino) + Ufs1InodeLayout.DI_SIZE, "inode " + ino
                    + ": di_size " + Long.toUnsignedString(ip.size()) + " above the limit of " + max + " bytes");
        }
        try (InputStream in = stream(ip, ino)) {
            return in.readAllBytes();
        }
    }

    /** The target of a symlink: in the inode when shorter than {@code fs_maxsymlinklen}, else in its blocks. */
    public String symlinkTarget(Ufs1Inode ip, long ino) throws IOException {
        long len = ip.size();
        byte[] raw;
        if (len >= 0 && len < FfsConstants.MAXSYMLINKLEN_UFS1
                && (sb.maxsymlinklen() > 0 && len < sb.maxsymlinklen() || ip.blocks() == 0)) {
            ByteBuffer b = ByteBuffer.allocate(FfsConstants.MAXSYMLINKLEN_UFS1).order(order);
            for (int i = 0; i < FfsConstants.NDADDR; i++) {
                b.putInt(4 * i, ip.db().get(i));
            }
            for (int i = 0; i < FfsConstants.NIADDR; i++) {
                b.putInt(4 * (FfsConstants.NDADDR + i), ip.ib().get(i));
            }
            raw = new byte[(int) len];
            b.get(0, raw);
        } else {
            raw = readAll(ip, ino, FfsConstants.MAXBSIZE);
        }
        return new String(raw, StandardCharsets.UTF_8);
    }

    /**
     * The entries of a directory in on-disk order, unused slots ({@code d_ino == 0}) left out.
     *
     * @throws FfsFormatException at the first record that breaks the format (record length,
     *     name length), naming its byte offset inside the directory
     */
    public List<DirectoryEntry> readDirectory(Ufs1Inode ip, long ino) throws IOException {
        List<DirectoryEntry> out = new ArrayList<>();
        long fileSize = ip.size();
        if (fileSize < 0 || fileSize % DirectoryEntryLayout.DIRBLKSIZ != 0 || fileSize > imageSize) {
            throw new FfsFormatException(name, inodeOffset(ino) + Ufs1InodeLayout.DI_SIZE, "directory inode " + ino
                    + ": di_size " + Long.toUnsignedString(fileSize) + " is not a multiple of 512 inside the image");
        }
        long nblocks = (fileSize + bsize - 1) / bsize;
        for (long lbn = 0; lbn < nblocks; lbn++) {
            long addr = bmap(ip, lbn, ino);
            int len = (int) Math.min(blkSize(fileSize, lbn), fileSize - lbn * bsize);
            if (addr == 0) {
                throw new FfsFormatException(name, -1, "directory inode " + ino + ": hole at block " + lbn);
            }
            checkFrags(addr, (len + fsize - 1) / fsize, "directory inode " + ino);
            ByteBuffer data = read(addr * fsize, len, "directory inode " + ino);
            for (int chunk = 0; chunk < len; chunk += DirectoryEntryLayout.DIRBLKSIZ) {
                int pos = chunk;
                int end = chunk + DirectoryEntryLayout.DIRBLKSIZ;
                while (pos < end) {
                    long at = lbn * bsize + pos;
                    if (end - pos < DirectoryEntryLayout.HEADER_SIZE) {
                        throw new FfsFormatException(name, addr * fsize + pos, "directory inode " + ino + " offset "
                                + at + ": entry header crosses the 512-byte chunk");
                    }
                    DirectoryEntry d = DirectoryEntry.decode(data, pos);
                    if (d.reclen() < DirectoryEntryLayout.HEADER_SIZE || d.reclen() % 4 != 0 || pos + d.reclen() > end) {
                        throw new FfsFormatException(name, addr * fsize + pos, "directory inode " + ino + " offset " + at
                                + ": d_reclen " + d.reclen() + " does not fit the 512-byte chunk");
                    }
                    if (d.ino() != 0) {
                        if (DirectoryEntryLayout.directSize(d.namlen()) > d.reclen() || d.namlen() == 0) {
                            throw new FfsFormatException(name, addr * fsize + pos, "directory inode " + ino
                                    + " offset " + at + ": d_namlen " + d.namlen() + " does not fit d_reclen " + d.reclen());
                        }
                        out.add(d);
                    }
                    pos += d.reclen();
                }
            }
        }
        return out;
    }

    /** Streams a file block by block; each block's address is checked before it is read. */
    private final class FileStream extends InputStream {
        private final Ufs1Inode ip;
        private final long ino;
        private final long fileSize;
        private long pos;
        private ByteBuffer cur;
        private long curLbn = -1;

        FileStream(Ufs1Inode ip, long ino) {
            this.ip = ip;
            this.ino = ino;
            this.fileSize = ip.size() < 0 ? 0 : ip.size();
        }

        private boolean fill() throws IOException {
            if (pos >= fileSize) {
                return false;
            }
            long lbn = pos / bsize;
            if (lbn != curLbn) {
                long addr = bmap(ip, lbn, ino);
                int len = blkSize(fileSize, lbn);
                if (addr == 0) {
                    cur = ByteBuffer.allocate(len);
                } else {
                    checkFrags(addr, (len + fsize - 1) / fsize, "inode " + ino + " block " + lbn);
                    cur = Volume.this.read(addr * fsize, len, "inode " + ino + " block " + lbn);
                }
                curLbn = lbn;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int inBlock = (int) (pos - curLbn * bsize);
            int n = (int) Math.min(Math.min(len, cur.limit() - inBlock), fileSize - pos);
            if (n <= 0) {
                throw new FfsFormatException(name, -1, "inode " + ino + ": block " + curLbn + " shorter than the file");
            }
            cur.get(inBlock, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long k = Math.max(0, Math.min(n, fileSize - pos));
            pos += k;
            return k;
        }
    }
}
