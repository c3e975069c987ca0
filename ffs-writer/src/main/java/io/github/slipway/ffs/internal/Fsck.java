package io.github.slipway.ffs.internal;

import io.github.slipway.ffs.FfsFormatException;
import io.github.slipway.ffs.FsckFinding;
import io.github.slipway.ffs.FsckReport;
import io.github.slipway.ffs.FsckSummary;
import io.github.slipway.ffs.internal.format.CylinderGroup;
import io.github.slipway.ffs.internal.format.CylinderGroupHeader;
import io.github.slipway.ffs.internal.format.CylinderGroupLayout;
import io.github.slipway.ffs.internal.format.DirectoryEntry;
import io.github.slipway.ffs.internal.format.DirectoryEntryLayout;
import io.github.slipway.ffs.internal.format.FfsConstants;
import io.github.slipway.ffs.internal.format.Superblock;
import io.github.slipway.ffs.internal.format.SuperblockLayout;
import io.github.slipway.ffs.internal.format.Ufs1Inode;
import io.github.slipway.ffs.internal.format.Ufs1InodeLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The checks of NetBSD's {@code sbin/fsck_ffs}, read-only: {@code setup.c} (superblock sanity and
 * the alternates), {@code pass1.c} (inodes, block pointers, duplicates, block counts),
 * {@code pass2.c} (directory entries), {@code pass3.c} (connectivity), {@code pass4.c} (link
 * counts) and {@code pass5.c} (cylinder group maps and summaries). Where fsck would ask to fix
 * something, a finding is recorded instead.
 */
public final class Fsck {
    private static final int MAXBAD = 10;
    private static final int MAXDUP = 10;
    /** More findings than this and the image is beyond reading; the rest are summarised. */
    static final int MAX_FINDINGS = 1000;

    private static final byte USTATE = 0;
    private static final byte FSTATE = 1;
    private static final byte DSTATE = 2;
    private static final byte DCLEAR = 4;
    private static final byte FCLEAR = 5;

    private final Volume v;
    private final Superblock sb;
    private final List<FsckFinding> findings = new ArrayList<>();
    private int dropped;
    private final BitSet blockmap;
    /** The inode that first claimed each fragment, for pass 1b. */
    private final int[] owner;
    private final java.util.TreeSet<Integer> dupFrags = new java.util.TreeSet<>();
    private final byte[] state;
    private final short[] linkcnt;
    private final int[] refcnt;
    private final byte[] dtype;
    private final List<Long> dirs = new ArrayList<>();
    private final Map<Long, Long> parent = new HashMap<>();
    private final Map<Long, Long> dotdot = new HashMap<>();
    private long nFiles;
    private long nBlks;
    private int phase;

    @FunctionalInterface
    private interface Phase {
        void run() throws IOException;
    }

    /** A checker over an open volume; {@link #run()} does the work. */
    public Fsck(Volume v) {
        this.v = v;
        this.sb = v.superblock();
        this.blockmap = new BitSet((int) Math.min(v.size(), Integer.MAX_VALUE));
        // fs_size frags of at least 512 bytes fit the image (Volume.open): a 128th of its size
        this.owner = new int[(int) Math.min(v.size(), Integer.MAX_VALUE)];
        // Volume.open bounded maxino by the image size / 128
        int n = (int) v.maxino();
        this.state = new byte[n];
        this.linkcnt = new short[n];
        this.refcnt = new int[n];
        this.dtype = new byte[n];
    }

    /** Runs setup and phases 1 to 5. */
    public FsckReport run() throws IOException {
        Phase[] phases = {this::setup, this::pass1, this::pass2, this::pass3, this::pass4, this::pass5};
        for (phase = 0; phase < phases.length; phase++) {
            try {
                phases[phase].run();
            } catch (FfsFormatException e) {
                // metadata the phase had to follow was outside the image: report it, go on
                add("UNREADABLE", -1, -1, e.offset().orElse(-1), "CANNOT READ: " + e.getMessage());
            }
        }
        phase = 5;
        if (dropped > 0) {
            findings.add(new FsckFinding(phase, "TOO_MANY_FINDINGS", OptionalLong.empty(), OptionalLong.empty(), -1,
                    dropped + " MORE FINDINGS NOT LISTED"));
        }
        FsckSummary summary = new FsckSummary(nFiles, nBlks, sb.cstotalNffree(), sb.cstotalNbfree(), v.frag(),
                sb.dsize());
        return new FsckReport(v.name(), findings, summary);
    }

    private void add(String code, long ino, long blk, long offset, String message) {
        if (findings.size() >= MAX_FINDINGS) {
            dropped++;
            return;
        }
        findings.add(new FsckFinding(phase, code, ino < 0 ? OptionalLong.empty() : OptionalLong.of(ino),
                blk < 0 ? OptionalLong.empty() : OptionalLong.of(blk), offset, message));
    }

    private long sbOff(int field) {
        return FfsConstants.SBLOCK_UFS1 + field;
    }

    // ---------------------------------------------------------------- setup.c

    private void expect(String field, int off, long actual, long expected) {
        if (actual != expected) {
            add("SB_FIELD", -1, -1, sbOff(off), String.format("BAD SUPER BLOCK: %s %d, SHOULD BE %d", field, actual,
                    expected));
        }
    }

    private void setup() throws IOException {
        int bsize = v.bsize();
        int fsize = v.fsize();
        expect("fs_frag", SuperblockLayout.FS_FRAG, sb.frag(), v.frag());
        expect("fs_bmask", SuperblockLayout.FS_BMASK, sb.bmask(), ~(bsize - 1));
        expect("fs_fmask", SuperblockLayout.FS_FMASK, sb.fmask(), ~(fsize - 1));
        expect("fs_bshift", SuperblockLayout.FS_BSHIFT, sb.bshift(), Integer.numberOfTrailingZeros(bsize));
        expect("fs_fshift", SuperblockLayout.FS_FSHIFT, sb.fshift(), Integer.numberOfTrailingZeros(fsize));
        expect("fs_fragshift", SuperblockLayout.FS_FRAGSHIFT, sb.fragshift(), v.fragshift());
        // fsck_ffs takes the sector size from fs_fsbtodb (dev_bsize = fs_fsize / 2^fs_fsbtodb):
        // makefs -S 4096 writes 0 for 4096-byte fragments; it must only give a sector size
        int fsbtodb = sb.fsbtodb();
        if (fsbtodb < 0 || fsbtodb > 16 || (fsize >> fsbtodb) < FfsConstants.DEV_BSIZE
                || (fsize >> fsbtodb) << fsbtodb != fsize) {
            add("SB_FIELD", -1, -1, sbOff(SuperblockLayout.FS_FSBTODB), String.format(
                    "BAD SUPER BLOCK: fs_fsbtodb %d gives no sector size of %d or more for fragments of %d",
                    fsbtodb, FfsConstants.DEV_BSIZE, fsize));
        }
        expect("fs_nindir", SuperblockLayout.FS_NINDIR, sb.nindir(), v.nindir());
        expect("fs_inopb", SuperblockLayout.FS_INOPB, sb.inopb(), v.inopb());
        long cssize = ((long) v.ncg() * 16 + fsize - 1) / fsize * fsize;
        expect("fs_cssize", SuperblockLayout.FS_CSSIZE, sb.cssize(), cssize);
        if (sb.oldInodefmt() >= FfsConstants.FS_44INODEFMT) {
            expect("fs_maxsymlinklen", SuperblockLayout.FS_MAXSYMLINKLEN, sb.maxsymlinklen(),
                    FfsConstants.MAXSYMLINKLEN_UFS1);
        }
        if (sb.sbsize() < SuperblockLayout.SIZE || sb.sbsize() > FfsConstants.SBLOCKSIZE) {
            add("SB_FIELD", -1, -1, sbOff(SuperblockLayout.FS_SBSIZE), "BAD SUPER BLOCK: fs_sbsize " + sb.sbsize()
                    + " OUTSIDE " + SuperblockLayout.SIZE + ".." + FfsConstants.SBLOCKSIZE);
        }
        if (sb.minfree() < 0 || sb.minfree() > 99) {
            add("SB_FIELD", -1, -1, sbOff(SuperblockLayout.FS_MINFREE), "BAD SUPER BLOCK: fs_minfree " + sb.minfree()
                    + " OUTSIDE 0..99");
        }
        if (sb.dsize() <= 0 || sb.dsize() > sb.size()) {
            add("SB_FIELD", -1, -1, sbOff(SuperblockLayout.FS_DSIZE), "BAD SUPER BLOCK: fs_dsize " + sb.dsize()
                    + " OUTSIDE 1.." + sb.size());
        }
        expect("fs_old_size", SuperblockLayout.FS_OLD_SIZE, sb.oldSize(), sb.size());
        expect("fs_old_dsize", SuperblockLayout.FS_OLD_DSIZE, sb.oldDsize(), sb.dsize());
        expect("fs_old_csaddr", SuperblockLayout.FS_OLD_CSADDR, sb.oldCsaddr(), sb.csaddr());
        if (!csAreaOk()) {
            add("SB_FIELD", -1, -1, sbOff(SuperblockLayout.FS_CSADDR), "BAD SUPER BLOCK: fs_csaddr " + sb.csaddr()
                    + " (" + sb.cssize() + " BYTES) OUTSIDE THE FILE SYSTEM");
        }
        for (int c = 0; c < v.ncg(); c++) {
            if (v.cgdmin(c) > v.size() || v.cgdmin(c) > v.cgbase(c) + v.fpg()) {
                add("SB_FIELD", -1, v.cgdmin(c), sbOff(SuperblockLayout.FS_DBLKNO), "BAD SUPER BLOCK: CG " + c
                        + " DATA START " + v.cgdmin(c) + " PAST ITS END");
                return;
            }
        }
        alternates();
    }

    private boolean csAreaOk() {
        long frags = (Math.max(sb.cssize(), 0) + (long) v.fsize() - 1) / v.fsize();
        return sb.csaddr() >= 0 && sb.cssize() >= 0 && sb.csaddr() + frags <= v.size();
    }

    /** setup.c compares the primary with an alternate; here every alternate is compared. */
    private void alternates() throws IOException {
        int reported = 0;
        for (int c = 0; c < v.ncg() && reported < 10; c++) {
            long off = v.cgsblock(c) * v.fsize();
            if (off == FfsConstants.SBLOCK_UFS1) {
                continue;
            }
            Superblock alt;
            try {
                ByteBuffer b = v.read(off, SuperblockLayout.SIZE, "superblock copy in cg " + c);
                alt = Superblock.decode(b, 0);
            } catch (FfsFormatException e) {
                add("SB_BACKUP", -1, v.cgsblock(c), off, "CANNOT READ ALTERNATE SUPER BLOCK IN CG " + c);
                reported++;
                continue;
            }
            String diff = differ(alt);
            if (diff != null) {
                add("SB_BACKUP", -1, v.cgsblock(c), off,
                        "VALUES IN SUPER BLOCK DISAGREE WITH THOSE IN ALTERNATE IN CG " + c + ": " + diff);
                reported++;
            }
        }
    }

    private String differ(Superblock a) {
        long[][] pairs = {
            {a.magic(), sb.magic()}, {a.sblkno(), sb.sblkno()}, {a.cblkno(), sb.cblkno()}, {a.iblkno(), sb.iblkno()},
            {a.dblkno(), sb.dblkno()}, {a.oldCgoffset(), sb.oldCgoffset()}, {a.oldCgmask(), sb.oldCgmask()},
            {a.ncg(), sb.ncg()}, {a.bsize(), sb.bsize()}, {a.fsize(), sb.fsize()}, {a.frag(), sb.frag()},
            {a.bmask(), sb.bmask()}, {a.fmask(), sb.fmask()}, {a.bshift(), sb.bshift()}, {a.fshift(), sb.fshift()},
            {a.fragshift(), sb.fragshift()}, {a.fsbtodb(), sb.fsbtodb()}, {a.sbsize(), sb.sbsize()},
            {a.nindir(), sb.nindir()}, {a.inopb(), sb.inopb()}, {a.cssize(), sb.cssize()}, {a.cgsize(), sb.cgsize()},
            {a.ipg(), sb.ipg()}, {a.fpg(), sb.fpg()}, {a.size(), sb.size()}, {a.dsize(), sb.dsize()},
            {a.csaddr(), sb.csaddr()}, {a.maxsymlinklen(), sb.maxsymlinklen()}, {a.maxcontig(), sb.maxcontig()},
            {a.contigsumsize(), sb.contigsumsize()}, {a.minfree(), sb.minfree()},
        };
        String[] names = {"fs_magic", "fs_sblkno", "fs_cblkno", "fs_iblkno", "fs_dblkno", "fs_old_cgoffset",
            "fs_old_cgmask", "fs_ncg", "fs_bsize", "fs_fsize", "fs_frag", "fs_bmask", "fs_fmask", "fs_bshift",
            "fs_fshift", "fs_fragshift", "fs_fsbtodb", "fs_sbsize", "fs_nindir", "fs_inopb", "fs_cssize",
            "fs_cgsize", "fs_ipg", "fs_fpg", "fs_size", "fs_dsize", "fs_csaddr", "fs_maxsymlinklen",
            "fs_maxcontig", "fs_contigsumsize", "fs_minfree"};
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i][0] != pairs[i][1]) {
                return names[i] + " " + pairs[i][0] + " (PRIMARY " + pairs[i][1] + ")";
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- pass1.c

    private void pass1() throws IOException {
        for (int c = 0; c < v.ncg(); c++) {
            long start = c == 0 ? v.cgbase(c) : v.cgsblock(c);
            long end = Math.min(v.cgdmin(c), v.size());
            if (start >= 0 && start < end) {
                blockmap.set((int) start, (int) end);
            }
        }
        if (csAreaOk()) {
            long frags = (sb.cssize() + (long) v.fsize() - 1) / v.fsize();
            blockmap.set((int) sb.csaddr(), (int) (sb.csaddr() + frags));
        }
        for (long ino = FfsConstants.ROOTINO; ino < v.maxino(); ino++) {
            Ufs1Inode ip;
            try {
                ip = v.inode(ino);
            } catch (FfsFormatException e) {
                add("INODE_UNREADABLE", ino, -1, -1, "CANNOT READ INODE I=" + ino + ": " + e.getMessage());
                // the rest of this inode block fails the same way: skip to the next block
                ino = (ino / v.inopb() + 1) * v.inopb() - 1;
                continue;
            }
            checkInode(ino, ip);
        }
        pass1b();
    }

    /** {@code pass1b}: the first claimant of every duplicate fragment, reported as fsck does. */
    private void pass1b() {
        for (int f : dupFrags) {
            int first = owner[f];
            if (first != 0) {
                add("BLOCK_DUP", first, f, (long) f * v.fsize(), f + " DUP I=" + first + " (FIRST CLAIMANT)");
            }
        }
    }

    private void checkInode(long ino, Ufs1Inode ip) throws IOException {
        int mode = ip.mode() & 0170000;
        long size = ip.size();
        long inoOff = v.inodeOffset(ino);
        if (mode == 0) {
            boolean any = size != 0;
            for (int x : ip.db()) {
                any |= x != 0;
            }
            for (int x : ip.ib()) {
                any |= x != 0;
            }
            if (any) {
                add("INODE_PARTIAL", ino, -1, inoOff, "PARTIALLY ALLOCATED INODE I=" + ino);
            }
            return;
        }
        long kernmax = 0x80000000L * v.bsize() - 1;
        if (size < 0 || size > kernmax || (mode == 0040000 && size > 0x7fffffffL)) {
            unknown(ino, inoOff + Ufs1InodeLayout.DI_SIZE, "BAD SIZE " + Long.toUnsignedString(size));
            return;
        }
        long ndb = (size + v.bsize() - 1) / v.bsize();
        if (mode == 0060000 || mode == 0020000) {
            ndb++;
        }
        boolean fastLink = false;
        if (mode == 0120000 && (sb.maxsymlinklen() < 0 || size < sb.maxsymlinklen()
                || (sb.maxsymlinklen() == 0 && ip.blocks() == 0))) {
            fastLink = true;
            ndb = (size + 3) / 4;
            if (ndb > FfsConstants.NDADDR) {
                long j = ndb - FfsConstants.NDADDR;
                for (ndb = 1; j > 1; j--) {
                    ndb *= v.nindir();
                }
                ndb += FfsConstants.NDADDR;
            }
        }
        if (ndb < FfsConstants.NDADDR) {
            for (int j = (int) ndb; j < FfsConstants.NDADDR; j++) {
                if (ip.db().get(j) != 0) {
                    unknown(ino, inoOff + Ufs1InodeLayout.DI_DB + 4L * j, "BAD DIRECT ADDR " + j);
                    return;
                }
            }
        }
        int j = 0;
        for (long n = ndb - FfsConstants.NDADDR; n > 0; j++) {
            n /= v.nindir();
        }
        for (; j < FfsConstants.NIADDR; j++) {
            if (ip.ib().get(j) != 0) {
                unknown(ino, inoOff + Ufs1InodeLayout.DI_IB + 4L * j, "BAD INDIRECT ADDR " + j);
                return;
            }
        }
        if (!(mode == 0040000 || mode == 0100000 || mode == 0060000 || mode == 0020000 || mode == 0120000
                || mode == 0140000 || mode == 0010000)) {
            unknown(ino, inoOff + Ufs1InodeLayout.DI_MODE, String.format("BAD MODE 0%o", ip.mode()));
            return;
        }
        nFiles++;
        int idx = (int) ino;
        linkcnt[idx] = (short) ip.nlink();
        dtype[idx] = (byte) (mode >>> 12);
        if (mode == 0040000) {
            state[idx] = size == 0 ? DCLEAR : DSTATE;
            dirs.add(ino);
        } else {
            state[idx] = FSTATE;
        }
        long frags = 0;
        if (!(fastLink || mode == 0060000 || mode == 0020000 || mode == 0010000 || mode == 0140000)) {
            frags = walkBlocks(ino, ip);
        }
        long blocks = frags * (v.fsize() / FfsConstants.DEV_BSIZE);
        long stored = Integer.toUnsignedLong(ip.blocks());
        if (blocks != stored && frags >= 0) {
            add("BLOCK_COUNT", ino, -1, inoOff + Ufs1InodeLayout.DI_BLOCKS, "INCORRECT BLOCK COUNT I=" + ino + " ("
                    + stored + " should be " + blocks + ")");
        }
    }

    private void unknown(long ino, long off, String why) {
        add("INODE_UNKNOWN_TYPE", ino, -1, off, "UNKNOWN FILE TYPE I=" + ino + " (" + why + ")");
        state[(int) ino] = FCLEAR;
    }

    /** Per-inode state of a block walk ({@code struct inodesc} in fsck). */
    private final class Walk {
        final long ino;
        long frags;
        int bad;
        int dup;
        boolean stop;

        Walk(long ino) {
            this.ino = ino;
        }
    }

    /** {@code ckinode}: visits every block of the file; returns the fragments counted. */
    private long walkBlocks(long ino, Ufs1Inode ip) throws IOException {
        Walk w = new Walk(ino);
        long size = ip.size();
        long ndb = (size + v.bsize() - 1) / v.bsize();
        for (int i = 0; i < FfsConstants.NDADDR && !w.stop; i++) {
            long blk = Integer.toUnsignedLong(ip.db().get(i));
            int nfrags;
            long off = size & (v.bsize() - 1);
            if (i == ndb - 1 && off != 0) {
                nfrags = (int) ((off + v.fsize() - 1) / v.fsize());
            } else {
                nfrags = v.frag();
            }
            if (blk != 0) {
                check(w, blk, nfrags, v.inodeOffset(ino) + Ufs1InodeLayout.DI_DB + 4L * i);
            }
        }
        long remsize = size - (long) FfsConstants.NDADDR * v.bsize();
        long sizepb = v.bsize();
        for (int level = 0; level < FfsConstants.NIADDR && !w.stop; level++) {
            sizepb *= v.nindir();
            long blk = Integer.toUnsignedLong(ip.ib().get(level));
            if (blk != 0 && remsize > 0) {
                indirect(w, blk, level, remsize, v.inodeOffset(ino) + Ufs1InodeLayout.DI_IB + 4L * level);
            }
            remsize -= sizepb;
        }
        return w.frags;
    }

    /** {@code iblock}: the indirect block itself, then its entries as far as the file size needs. */
    private void indirect(Walk w, long blk, int level, long remsize, long ptrOff) throws IOException {
        if (!check(w, blk, v.frag(), ptrOff) || w.stop) {
            return;
        }
        ByteBuffer b;
        try {
            b = v.block(blk, "indirect block of inode " + w.ino);
        } catch (FfsFormatException e) {
            return;
        }
        long sizepb = v.bsize();
        for (int l = 0; l < level; l++) {
            sizepb *= v.nindir();
        }
        long nif = Math.min((remsize + sizepb - 1) / sizepb, v.nindir());
        for (int i = 0; i < v.nindir() && !w.stop; i++) {
            long e = Integer.toUnsignedLong(b.getInt(4 * i));
            if (e == 0) {
                continue;
            }
            long eoff = blk * v.fsize() + 4L * i;
            if (i >= nif) {
                add("INODE_TRUNCATED", w.ino, e, eoff, "PARTIALLY TRUNCATED INODE I=" + w.ino);
                return;
            }
            if (level > 0) {
                indirect(w, e, level - 1, remsize - i * sizepb, eoff);
            } else {
                check(w, e, v.frag(), eoff);
            }
        }
    }

    /** {@code chkrange}: whether a run of fragments lies inside one block of a group's data area. */
    private boolean outOfRange(long blk, int cnt) {
        if (cnt <= 0 || blk < 0 || blk + cnt > v.size()) {
            return true;
        }
        if (cnt > v.frag() || (blk % v.frag()) + cnt > v.frag()) {
            return true;
        }
        int c = (int) (blk / v.fpg());
        if (blk < v.cgdmin(c)) {
            return blk + cnt > v.cgsblock(c);
        }
        return blk + cnt > v.cgbase(c + 1);
    }

    /** {@code pass1check}: range, then duplicate, per fragment. Returns false if the run is bad. */
    private boolean check(Walk w, long blk, int nfrags, long ptrOff) {
        if (outOfRange(blk, nfrags)) {
            add("BLOCK_BAD", w.ino, blk, ptrOff, blk + " BAD I=" + w.ino);
            if (++w.bad >= MAXBAD) {
                add("BLOCK_BAD", w.ino, -1, ptrOff, "EXCESSIVE BAD BLKS I=" + w.ino);
                w.stop = true;
            }
            w.frags += nfrags > 0 && nfrags <= v.frag() ? nfrags : 0;
            return false;
        }
        for (int k = 0; k < nfrags; k++) {
            int f = (int) (blk + k);
            if (!blockmap.get(f)) {
                blockmap.set(f);
                owner[f] = (int) w.ino;
                nBlks++;
            } else {
                dupFrags.add(f);
                add("BLOCK_DUP", w.ino, f, ptrOff, f + " DUP I=" + w.ino);
                if (++w.dup >= MAXDUP) {
                    add("BLOCK_DUP", w.ino, -1, ptrOff, "EXCESSIVE DUP BLKS I=" + w.ino);
                    w.stop = true;
                    w.frags++;
                    return false;
                }
            }
            w.frags++;
        }
        return true;
    }

    // ---------------------------------------------------------------- pass2.c

    private void pass2() throws IOException {
        int root = FfsConstants.ROOTINO;
        if (state[root] == USTATE) {
            add("ROOT", root, -1, v.inodeOffset(root), "ROOT INODE UNALLOCATED");
            return;
        }
        if (state[root] != DSTATE) {
            add("ROOT", root, -1, v.inodeOffset(root), "ROOT INODE NOT DIRECTORY");
            return;
        }
        parent.put((long) root, (long) root);
        for (long d : dirs) {
            if (state[(int) d] == DSTATE && !dirDone) {
                checkDirectory(d);
            }
        }
        for (long d : dirs) {
            Long p = parent.get(d);
            Long dd = dotdot.get(d);
            if (p != null && dd != null && !p.equals(dd) && state[(int) d] == DSTATE) {
                add("DIR_DOTDOT", d, -1, -1, "BAD INODE NUMBER FOR '..' I=" + d + " (" + dd + " should be " + p + ")");
            }
        }
    }

    private long dirBytes;
    private boolean dirDone;

    private void checkDirectory(long ino) throws IOException {
        Ufs1Inode ip = v.inode(ino);
        long size = ip.size();
        if (size % DirectoryEntryLayout.DIRBLKSIZ != 0) {
            add("DIR_SIZE", ino, -1, v.inodeOffset(ino) + Ufs1InodeLayout.DI_SIZE, "DIRECTORY I=" + ino + ": LENGTH "
                    + size + " NOT MULTIPLE OF " + DirectoryEntryLayout.DIRBLKSIZ);
        }
        if (size > v.imageSize()) {
            add("DIR_SIZE", ino, -1, v.inodeOffset(ino) + Ufs1InodeLayout.DI_SIZE, "DIRECTORY I=" + ino + ": LENGTH "
                    + size + " LARGER THAN THE IMAGE");
            return;
        }
        long nblocks = (size + v.bsize() - 1) / v.bsize();
        int entryNo = 0;
        for (long lbn = 0; lbn < nblocks; lbn++) {
            long addr;
            try {
                addr = v.bmap(ip, lbn, ino);
            } catch (FfsFormatException e) {
                return;
            }
            int len = (int) Math.min(v.blkSize(size, lbn), size - lbn * v.bsize());
            len -= len % DirectoryEntryLayout.DIRBLKSIZ;
            if (addr == 0) {
                add("DIR_HOLE", ino, -1, -1, "DIRECTORY I=" + ino + " CONTAINS EMPTY BLOCKS");
                continue;
            }
            if (outOfRange(addr, (len + v.fsize() - 1) / v.fsize())) {
                continue; // pass 1 reported it
            }
            dirBytes += len;
            if (dirBytes > 4 * v.imageSize()) {
                // only blocks shared between directories (reported as DUP) can get here: stop reading
                add("DIR_SIZE", ino, -1, -1, "DIRECTORY DATA EXCEEDS FOUR TIMES THE IMAGE SIZE: STOPPED AT I=" + ino);
                dirDone = true;
                return;
            }
            ByteBuffer data = v.read(addr * v.fsize(), len, "directory inode " + ino);
            for (int chunk = 0; chunk < len; chunk += DirectoryEntryLayout.DIRBLKSIZ) {
                int pos = chunk;
                int end = chunk + DirectoryEntryLayout.DIRBLKSIZ;
                while (pos < end) {
                    long at = addr * v.fsize() + pos;
                    if (end - pos < DirectoryEntryLayout.HEADER_SIZE) {
                        add("DIR_CORRUPTED", ino, addr, at, "DIRECTORY CORRUPTED I=" + ino + " OFFSET "
                                + (lbn * v.bsize() + pos) + ": entry header crosses the 512-byte chunk");
                        break;
                    }
                    DirectoryEntry d = DirectoryEntry.decode(data, pos);
                    String bad = dircheck(data, pos, end - pos, d);
                    if (bad != null) {
                        add("DIR_CORRUPTED", ino, addr, at, "DIRECTORY CORRUPTED I=" + ino + " OFFSET "
                                + (lbn * v.bsize() + pos) + ": " + bad);
                        break;
                    }
                    if (d.ino() != 0 || entryNo < 2) {
                        entry(ino, d, entryNo, at);
                        entryNo++;
                    }
                    pos += d.reclen();
                }
            }
        }
        if (entryNo == 0) {
            add("DIR_DOT", ino, -1, -1, "MISSING '.' I=" + ino);
        }
    }

    /** {@code dircheck}: record length, name length, name bytes, type. Null if the entry is sound. */
    private static String dircheck(ByteBuffer data, int pos, int spaceleft, DirectoryEntry d) {
        if (d.reclen() == 0 || d.reclen() > spaceleft || (d.reclen() & 3) != 0) {
            return "d_reclen " + d.reclen() + " (" + spaceleft + " bytes left in the 512-byte chunk)";
        }
        if (d.ino() == 0) {
            return null;
        }
        int size = DirectoryEntryLayout.directSize(d.namlen());
        if (d.reclen() < size || d.namlen() == 0 || d.type() > 15) {
            return "d_namlen " + d.namlen() + " / d_type " + d.type() + " do not fit d_reclen " + d.reclen();
        }
        for (int i = 0; i < d.namlen(); i++) {
            byte c = data.get(pos + DirectoryEntryLayout.D_NAME + i);
            if (c == 0 || c == '/') {
                return "name byte " + i + " is " + (c == 0 ? "NUL" : "'/'");
            }
        }
        if (data.get(pos + DirectoryEntryLayout.D_NAME + d.namlen()) != 0) {
            return "name not NUL-terminated";
        }
        return null;
    }

    /** {@code pass2check}: one directory entry. */
    private void entry(long dir, DirectoryEntry d, int entryNo, long at) {
        String name = d.name();
        if (entryNo == 0) {
            if (!name.equals(".") || d.ino() == 0) {
                add("DIR_DOT", dir, -1, at, "MISSING '.' I=" + dir + " (FOUND '" + name + "')");
                if (d.ino() == 0) {
                    return;
                }
            } else if (d.ino() != dir) {
                add("DIR_DOT", dir, -1, at + DirectoryEntryLayout.D_INO, "BAD INODE NUMBER FOR '.' I=" + dir + " ("
                        + d.ino() + ")");
                return;
            }
        } else if (entryNo == 1) {
            if (!name.equals("..") || d.ino() == 0) {
                add("DIR_DOTDOT", dir, -1, at, "MISSING '..' I=" + dir + " (FOUND '" + name + "')");
                if (d.ino() == 0) {
                    return;
                }
            } else {
                dotdot.put(dir, d.ino());
            }
        } else if (name.equals(".") || name.equals("..")) {
            add("DIR_EXTRA_DOT", dir, -1, at, "EXTRA '" + name + "' ENTRY I=" + dir);
            return;
        }
        long t = d.ino();
        if (t < FfsConstants.ROOTINO || t >= v.maxino()) {
            add("DIR_BAD_INO", dir, -1, at + DirectoryEntryLayout.D_INO, "I OUT OF RANGE I=" + t + " NAME=" + name
                    + " IN DIR I=" + dir);
            return;
        }
        int ti = (int) t;
        switch (state[ti]) {
            case USTATE -> {
                add("DIR_UNALLOCATED", t, -1, at + DirectoryEntryLayout.D_INO, "UNALLOCATED I=" + t + " NAME=" + name
                        + " IN DIR I=" + dir);
                return;
            }
            case DCLEAR, FCLEAR -> {
                add("DIR_CLEARED_TARGET", t, -1, at + DirectoryEntryLayout.D_INO,
                        (state[ti] == DCLEAR ? "ZERO LENGTH DIRECTORY" : "DUP/BAD") + " I=" + t + " NAME=" + name
                                + " IN DIR I=" + dir);
                return;
            }
            default -> {
            }
        }
        if (d.type() != dtype[ti]) {
            add("DIR_TYPE", t, -1, at + DirectoryEntryLayout.D_TYPE, "BAD TYPE VALUE I=" + t + " NAME=" + name
                    + " (d_type " + d.type() + ", inode says " + dtype[ti] + ")");
        }
        refcnt[ti]++;
        if (state[ti] == DSTATE && entryNo >= 2) {
            if (parent.containsKey(t)) {
                add("DIR_EXTRA_LINK", t, -1, at, name + " IS AN EXTRANEOUS HARD LINK TO DIRECTORY I=" + t);
                refcnt[ti]--;
            } else {
                parent.put(t, dir);
            }
        }
    }

    // ---------------------------------------------------------------- pass3.c

    private final java.util.Set<Long> unrefDirs = new java.util.HashSet<>();

    private void pass3() throws IOException {
        if (state[FfsConstants.ROOTINO] != DSTATE) {
            return;
        }
        java.util.Set<Long> connected = new java.util.HashSet<>();
        connected.add((long) FfsConstants.ROOTINO);
        for (long d : dirs) {
            if (state[(int) d] != DSTATE) {
                continue;
            }
            List<Long> chain = new ArrayList<>();
            long cur = d;
            boolean ok = false;
            java.util.Set<Long> seen = new java.util.HashSet<>();
            while (true) {
                if (connected.contains(cur)) {
                    ok = true;
                    break;
                }
                if (!seen.add(cur)) {
                    break; // a cycle of directories that never reaches the root
                }
                chain.add(cur);
                Long p = parent.get(cur);
                if (p == null) {
                    break;
                }
                cur = p;
            }
            if (ok) {
                connected.addAll(chain);
            } else if (!unrefDirs.contains(d)) {
                unrefDirs.add(d);
                add("UNREF_DIR", d, -1, v.inodeOffset(d), "UNREF DIR I=" + d);
            }
        }
    }

    // ---------------------------------------------------------------- pass4.c

    private void pass4() throws IOException {
        for (long ino = FfsConstants.ROOTINO; ino < v.maxino(); ino++) {
            int i = (int) ino;
            if (state[i] != FSTATE && state[i] != DSTATE) {
                continue;
            }
            if (unrefDirs.contains(ino)) {
                continue;
            }
            boolean dir = state[i] == DSTATE;
            if (refcnt[i] == 0) {
                add(dir ? "UNREF_DIR" : "UNREF_FILE", ino, -1, v.inodeOffset(ino), "UNREF " + (dir ? "DIR" : "FILE")
                        + " I=" + ino);
            } else if (refcnt[i] != linkcnt[i]) {
                add("LINK_COUNT", ino, -1, v.inodeOffset(ino) + Ufs1InodeLayout.DI_NLINK, "LINK COUNT "
                        + (dir ? "DIR" : "FILE") + " I=" + ino + " COUNT " + linkcnt[i] + " SHOULD BE " + refcnt[i]);
            }
        }
    }

    // ---------------------------------------------------------------- pass5.c

    private void pass5() throws IOException {
        long[] total = new long[4];
        int contig = sb.contigsumsize();
        if (contig < 0 || contig > 16) {
            add("SB_FIELD", -1, -1, sbOff(SuperblockLayout.FS_CONTIGSUMSIZE), "BAD SUPER BLOCK: fs_contigsumsize "
                    + contig + " OUTSIDE 0..16");
            contig = 0;
        }
        ByteBuffer cs = null;
        if (csAreaOk() && sb.cssize() >= v.ncg() * 16L) {
            try {
                cs = v.read(sb.csaddr() * v.fsize(), v.ncg() * 16, "cylinder summary area");
            } catch (FfsFormatException e) {
                cs = null;
            }
        }
        int iusedoff = CylinderGroupLayout.SIZE + sb.oldCpg() * 4 + sb.oldCpg() * sb.oldNrpos() * 2;
        for (int c = 0; c < v.ncg(); c++) {
            long dbase = v.cgbase(c);
            long dmax = Math.min(dbase + v.fpg(), v.size());
            int ndblk = (int) (dmax - dbase);
            // the new cg, computed from the pass 1 maps
            int[] ncs = new int[4]; // ndir, nbfree, nifree, nffree
            int[] frsum = new int[FfsConstants.MAXFRAG];
            BitSet inosused = new BitSet(v.ipg());
            BitSet free = new BitSet(ndblk);
            BitSet clusters = new BitSet(ndblk / v.frag() + 1);
            ncs[2] = v.ipg();
            for (int i = 0; i < v.ipg(); i++) {
                long ino = (long) c * v.ipg() + i;
                byte s = state[(int) ino];
                if ((c == 0 && ino < FfsConstants.ROOTINO) || s != USTATE) {
                    inosused.set(i);
                    ncs[2]--;
                    if (s == DSTATE || s == DCLEAR) {
                        ncs[0]++;
                    }
                }
            }
            for (int i = 0; i < ndblk; i += v.frag()) {
                int frags = 0;
                for (int j = 0; j < v.frag(); j++) {
                    long f = dbase + i + j;
                    if (i + j >= ndblk || f >= v.size() || blockmap.get((int) f)) {
                        continue;
                    }
                    free.set(i + j);
                    frags++;
                }
                if (frags == v.frag()) {
                    ncs[1]++;
                    clusters.set(i / v.frag());
                } else if (frags > 0) {
                    ncs[3] += frags;
                    int run = 0;
                    for (int j = 0; j <= v.frag(); j++) {
                        if (j < v.frag() && free.get(i + j)) {
                            run++;
                        } else if (run > 0) {
                            frsum[run]++;
                            run = 0;
                        }
                    }
                }
            }
            int[] csum = new int[contig + 1];
            if (contig > 0) {
                int run = 0;
                int nclusterblks = ndblk / v.frag();
                for (int i = 0; i <= nclusterblks; i++) {
                    if (i < nclusterblks && clusters.get(i)) {
                        run++;
                    } else if (run > 0) {
                        csum[Math.min(run, contig)]++;
                        run = 0;
                    }
                }
            }
            for (int k = 0; k < 4; k++) {
                total[k] += ncs[k];
            }
            if (cs != null) {
                int[] stored = {cs.getInt(16 * c), cs.getInt(16 * c + 4), cs.getInt(16 * c + 8), cs.getInt(16 * c + 12)};
                if (!java.util.Arrays.equals(stored, ncs)) {
                    add("CS_SUMMARY", -1, -1, sb.csaddr() * v.fsize() + 16L * c, "FREE BLK COUNT(S) WRONG IN SUPERBLK"
                            + " FOR CG " + c + ": " + counts(stored) + " SHOULD BE " + counts(ncs));
                }
            }
            compareCg(c, ndblk, ncs, frsum, inosused, free, clusters, csum, contig, iusedoff);
        }
        long[] sbTotal = {sb.cstotalNdir(), sb.cstotalNbfree(), sb.cstotalNifree(), sb.cstotalNffree()};
        if (!java.util.Arrays.equals(sbTotal, total)) {
            add("SB_TOTALS", -1, -1, sbOff(SuperblockLayout.FS_CSTOTAL_NDIR), "FREE BLK COUNT(S) WRONG IN SUPERBLK: "
                    + counts(sbTotal) + " SHOULD BE " + counts(total));
        }
    }

    private static String counts(int[] c) {
        return counts(new long[] {c[0], c[1], c[2], c[3]});
    }

    private static String counts(long[] c) {
        return "ndir " + c[0] + " nbfree " + c[1] + " nifree " + c[2] + " nffree " + c[3];
    }

    private void compareCg(int c, int ndblk, int[] ncs, int[] frsum, BitSet inosused, BitSet free, BitSet clusters,
            int[] csum, int contig, int iusedoff) throws IOException {
        long base = v.cgtod(c) * v.fsize();
        CylinderGroup cg;
        try {
            cg = v.cg(c);
        } catch (FfsFormatException e) {
            add("CG_MAGIC", -1, v.cgtod(c), base, "CG " + c + ": CANNOT READ: " + e.getMessage());
            return;
        }
        CylinderGroupHeader h = cg.header();
        if (h.magic() != FfsConstants.CG_MAGIC) {
            add("CG_MAGIC", -1, v.cgtod(c), base + CylinderGroupLayout.CG_MAGIC, String.format(
                    "CG %d: BAD MAGIC NUMBER (0x%x, expected 0x%x)", c, h.magic(), FfsConstants.CG_MAGIC));
            return;
        }
        List<String> bad = new ArrayList<>();
        if (h.cgx() != c) {
            bad.add("cg_cgx " + h.cgx() + " should be " + c);
        }
        if (h.ndblk() != ndblk) {
            bad.add("cg_ndblk " + h.ndblk() + " should be " + ndblk);
        }
        int[] stored = {h.csNdir(), h.csNbfree(), h.csNifree(), h.csNffree()};
        if (!java.util.Arrays.equals(stored, ncs)) {
            bad.add("cg_cs " + counts(stored) + " should be " + counts(ncs));
        }
        for (int i = 1; i < FfsConstants.MAXFRAG; i++) {
            if (i < v.frag() && h.frsum().get(i) != frsum[i]) {
                bad.add("cg_frsum[" + i + "] " + h.frsum().get(i) + " should be " + frsum[i]);
            }
        }
        int freeoff = iusedoff + (v.ipg() + 7) / 8;
        int clustersumoff = 0;
        int clusteroff = 0;
        int nextfree;
        if (contig <= 0) {
            nextfree = freeoff + (int) ((v.fpg() + 7) / 8);
        } else {
            clustersumoff = (freeoff + (int) ((v.fpg() + 7) / 8) - 4 + 3) & ~3;
            clusteroff = clustersumoff + (contig + 1) * 4;
            nextfree = clusteroff + (int) ((v.fpg() / v.frag() + 7) / 8);
        }
        boolean offsetsOk = h.iusedoff() == iusedoff && h.freeoff() == freeoff && h.nextfreeoff() == nextfree
                && (contig <= 0 || h.clustersumoff() == clustersumoff && h.clusteroff() == clusteroff)
                && cg.mapsFit(v.ipg(), (int) v.fpg(), v.frag(), contig);
        if (!offsetsOk) {
            bad.add(String.format("map offsets %d/%d/%d/%d/%d should be %d/%d/%d/%d/%d", h.iusedoff(), h.freeoff(),
                    h.clustersumoff(), h.clusteroff(), h.nextfreeoff(), iusedoff, freeoff, clustersumoff, clusteroff,
                    nextfree));
        }
        if (!bad.isEmpty()) {
            add("CG_SUMMARY", -1, v.cgtod(c), base, "CG " + c + ": SUMMARY INFORMATION BAD: " + String.join(", ", bad));
        }
        if (!offsetsOk) {
            return;
        }
        for (int i = 0; i < v.ipg(); i++) {
            if (cg.inodeUsed(i) != inosused.get(i)) {
                long ino = (long) c * v.ipg() + i;
                add("MAP_INODE", ino, -1, base + iusedoff + i / 8, "CG " + c + ": INODE MAP WRONG FOR I=" + ino
                        + " (MAP SAYS " + (cg.inodeUsed(i) ? "USED" : "FREE") + ")");
                break;
            }
        }
        for (int i = 0; i < ndblk; i++) {
            if (cg.fragFree(i) != free.get(i)) {
                long f = v.cgbase(c) + i;
                add("MAP_BLOCK", -1, f, base + freeoff + i / 8, "CG " + c + ": BLK(S) MISSING IN BIT MAPS: FRAG " + f
                        + " IS " + (free.get(i) ? "FREE" : "IN USE") + ", MAP SAYS " + (cg.fragFree(i) ? "FREE" : "IN USE"));
                break;
            }
        }
        if (contig > 0) {
            for (int i = 0; i < ndblk / v.frag(); i++) {
                if (cg.clusterFree(i) != clusters.get(i)) {
                    add("MAP_CLUSTER", -1, v.cgbase(c) + (long) i * v.frag(), base + clusteroff + i / 8, "CG " + c
                            + ": CLUSTER MAP WRONG FOR BLOCK " + i);
                    break;
                }
            }
            for (int i = 1; i <= contig; i++) {
                int s = cg.clusterSum(i, v.order());
                if (s != csum[i]) {
                    add("MAP_CLUSTER", -1, -1, base + clustersumoff + 4L * i, "CG " + c + ": CLUSTER SUMMARY ["
                            + i + "] " + s + " SHOULD BE " + csum[i]);
                    break;
                }
            }
        }
    }
}
