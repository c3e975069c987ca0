package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slipway.ffs.internal.Volume;
import io.github.slipway.ffs.internal.format.CylinderGroupLayout;
import io.github.slipway.ffs.internal.format.DirectoryEntry;
import io.github.slipway.ffs.internal.format.DirectoryEntryLayout;
import io.github.slipway.ffs.internal.format.SuperblockLayout;
import io.github.slipway.ffs.internal.format.Ufs1Inode;
import io.github.slipway.ffs.internal.format.Ufs1InodeLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One named field of a clean makefs image broken per test, and the finding fsck_ffs would give
 * asserted: phase, code, inode or block, and the byte offset of the field.
 */
class FfsCheckerCorruptionTest {
    @TempDir
    static Path tmp;
    static Path template;
    static Path templateBe;

    @BeforeAll
    static void makeTemplate() throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("d1/d2"));
        Files.createDirectories(tree.resolve("e"));
        Files.write(tree.resolve("d1/f"), new byte[5000]);
        byte[] g = new byte[20000];
        new java.util.Random(3).nextBytes(g);
        Files.write(tree.resolve("g"), g);
        Files.write(tree.resolve("e/h"), g);
        template = Makefs.make(tmp.resolve("le.img"), tree,
                new Makefs.Config("le", "bsize=4096,fsize=512,density=2048,maxbpcg=1024", 4 << 20));
        templateBe = Makefs.make(tmp.resolve("be.img"), tree,
                new Makefs.Config("be", "bsize=4096,fsize=512,density=2048,maxbpcg=1024", 4 << 20));
    }

    /** A copy of the template to break, with the reader's view of where things are. */
    static final class Broken implements AutoCloseable {
        final Path path;
        final FfsImage image;
        final Volume v;
        final FileChannel ch;

        Broken(Path template, String name) throws IOException {
            path = tmp.resolve(name);
            Files.copy(template, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            image = FfsImage.open(template);
            v = image.volume();
            ch = FileChannel.open(path, StandardOpenOption.WRITE);
        }

        long ino(String p) throws IOException {
            return image.resolve(p, false);
        }

        Ufs1Inode inode(String p) throws IOException {
            return v.inode(ino(p));
        }

        void putInt(long off, int value) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(4).order(v.order()).putInt(0, value);
            ch.write(b, off);
        }

        void putShort(long off, int value) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(2).order(v.order()).putShort(0, (short) value);
            ch.write(b, off);
        }

        void putLong(long off, long value) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(8).order(v.order()).putLong(0, value);
            ch.write(b, off);
        }

        void putByte(long off, int value) throws IOException {
            ch.write(ByteBuffer.wrap(new byte[] {(byte) value}), off);
        }

        int getInt(long off) throws IOException {
            return v.read(off, 4, "test").getInt(0);
        }

        /** Byte offset of the directory entry {@code name} in directory {@code dir}. */
        long entry(String dir, String name) throws IOException {
            long dino = ino(dir);
            Ufs1Inode ip = v.inode(dino);
            long addr = v.bmap(ip, 0, dino);
            ByteBuffer b = v.read(addr * v.fsize(), DirectoryEntryLayout.DIRBLKSIZ, "test");
            int pos = 0;
            while (pos < DirectoryEntryLayout.DIRBLKSIZ) {
                DirectoryEntry d = DirectoryEntry.decode(b, pos);
                if (d.name().equals(name)) {
                    return addr * v.fsize() + pos;
                }
                pos += d.reclen();
            }
            throw new AssertionError(name + " not in " + dir);
        }

        FsckReport check() throws IOException {
            ch.force(true);
            try (FfsImage broken = FfsImage.open(path)) {
                return FfsChecker.check(broken);
            }
        }

        @Override
        public void close() throws IOException {
            ch.close();
            image.close();
        }
    }

    static FsckFinding only(FsckReport r, String code) {
        assertThat(r.findings(code)).as("findings: %s", r.findings()).isNotEmpty();
        return r.findings(code).get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"le", "be"})
    void templateIsClean(String order) throws IOException {
        try (FfsImage i = FfsImage.open(order.equals("le") ? template : templateBe)) {
            assertThat(i.byteOrder()).isEqualTo(order.equals("le") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            assertThat(i.cylinderGroups()).isGreaterThanOrEqualTo(4);
            assertThat(FfsChecker.check(i).findings()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"le", "be"})
    void linkCount(String order) throws IOException {
        try (Broken b = new Broken(order.equals("le") ? template : templateBe, "nlink-" + order)) {
            long ino = b.ino("/g");
            long off = b.v.inodeOffset(ino) + Ufs1InodeLayout.DI_NLINK;
            b.putShort(off, 5);
            FsckFinding f = only(b.check(), "LINK_COUNT");
            assertThat(f.phase()).isEqualTo(4);
            assertThat(f.inode()).hasValue(ino);
            assertThat(f.offset()).isEqualTo(off);
            assertThat(f.message()).isEqualTo("LINK COUNT FILE I=" + ino + " COUNT 5 SHOULD BE 1");
        }
    }

    @Test
    void blockMapBit() throws IOException {
        try (Broken b = new Broken(template, "bmap")) {
            long frag = Integer.toUnsignedLong(b.inode("/g").db().get(0));
            int c = (int) (frag / b.v.fpg());
            long cgOff = b.v.cgtod(c) * b.v.fsize();
            int freeoff = b.getInt(cgOff + CylinderGroupLayout.CG_FREEOFF);
            long rel = frag - b.v.cgbase(c);
            long at = cgOff + freeoff + rel / 8;
            int old = b.v.read(at, 1, "t").get(0);
            b.putByte(at, old | (1 << (rel % 8)));
            FsckFinding f = only(b.check(), "MAP_BLOCK");
            assertThat(f.phase()).isEqualTo(5);
            assertThat(f.block()).hasValue(frag);
            assertThat(f.offset()).isEqualTo(at);
            assertThat(f.message()).contains("BLK(S) MISSING IN BIT MAPS: FRAG " + frag + " IS IN USE, MAP SAYS FREE");
        }
    }

    @Test
    void freeCounts() throws IOException {
        try (Broken b = new Broken(template, "cstotal")) {
            long off = 8192 + SuperblockLayout.FS_CSTOTAL_NBFREE;
            long nbfree = b.v.superblock().cstotalNbfree();
            b.putLong(off, nbfree + 3);
            FsckReport r = b.check();
            FsckFinding f = only(r, "SB_TOTALS");
            assertThat(f.phase()).isEqualTo(5);
            assertThat(f.offset()).isEqualTo(8192 + SuperblockLayout.FS_CSTOTAL_NDIR);
            assertThat(f.message()).contains("FREE BLK COUNT(S) WRONG IN SUPERBLK: ndir 4 nbfree " + (nbfree + 3))
                    .contains("SHOULD BE ndir 4 nbfree " + nbfree);
            // the summary line takes its free counts from the superblock, as fsck_ffs prints them
            assertThat(r.summary().freeBlocks()).isEqualTo(nbfree + 3);
        }
        try (Broken b = new Broken(template, "cgcs")) {
            long off = b.v.cgtod(1) * b.v.fsize() + CylinderGroupLayout.CG_CS_NIFREE;
            b.putInt(off, b.getInt(off) - 1);
            FsckFinding f = only(b.check(), "CG_SUMMARY");
            assertThat(f.message()).startsWith("CG 1: SUMMARY INFORMATION BAD: cg_cs ");
            assertThat(f.block()).hasValue(b.v.cgtod(1));
        }
    }

    @Test
    void cgMagic() throws IOException {
        try (Broken b = new Broken(template, "cgmagic")) {
            long off = b.v.cgtod(2) * b.v.fsize() + CylinderGroupLayout.CG_MAGIC;
            b.putInt(off, 0);
            FsckFinding f = only(b.check(), "CG_MAGIC");
            assertThat(f.phase()).isEqualTo(5);
            assertThat(f.offset()).isEqualTo(off);
            assertThat(f.message()).isEqualTo("CG 2: BAD MAGIC NUMBER (0x0, expected 0x90255)");
        }
    }

    @Test
    void dotInode() throws IOException {
        try (Broken b = new Broken(template, "dot")) {
            long dir = b.ino("/d1/d2");
            long off = b.entry("/d1/d2", ".");
            b.putInt(off + DirectoryEntryLayout.D_INO, (int) b.ino("/e"));
            FsckFinding f = only(b.check(), "DIR_DOT");
            assertThat(f.phase()).isEqualTo(2);
            assertThat(f.inode()).hasValue(dir);
            assertThat(f.offset()).isEqualTo(off);
            assertThat(f.message()).isEqualTo("BAD INODE NUMBER FOR '.' I=" + dir + " (" + b.ino("/e") + ")");
        }
    }

    @Test
    void recordLength() throws IOException {
        try (Broken b = new Broken(template, "reclen")) {
            long off = b.entry("/d1", "f");
            b.putShort(off + DirectoryEntryLayout.D_RECLEN, 1000);
            FsckFinding f = only(b.check(), "DIR_CORRUPTED");
            assertThat(f.phase()).isEqualTo(2);
            assertThat(f.inode()).hasValue(b.ino("/d1"));
            assertThat(f.offset()).isEqualTo(off);
            assertThat(f.message()).contains("DIRECTORY CORRUPTED").contains("d_reclen 1000");
        }
    }

    @Test
    void duplicateBlock() throws IOException {
        try (Broken b = new Broken(template, "dup")) {
            long g = b.ino("/g");
            long h = b.ino("/e/h");
            int gBlock = b.inode("/g").db().get(0);
            // h's first block now points at g's: the later inode in the scan meets a DUP
            long off = b.v.inodeOffset(h) + Ufs1InodeLayout.DI_DB;
            b.putInt(off, gBlock);
            FsckReport r = b.check();
            FsckFinding f = only(r, "BLOCK_DUP");
            assertThat(f.phase()).isEqualTo(1);
            assertThat(r.findings("BLOCK_DUP")).extracting(FsckFinding::message)
                    .contains(gBlock + " DUP I=" + Math.min(g, h) + " (FIRST CLAIMANT)");
            assertThat(f.inode()).hasValue(Math.max(g, h));
            assertThat(f.block()).hasValue(Integer.toUnsignedLong(gBlock));
            assertThat(f.message()).isEqualTo(gBlock + " DUP I=" + Math.max(g, h));
        }
    }

    @Test
    void pointerOutOfRange() throws IOException {
        try (Broken b = new Broken(template, "range")) {
            long g = b.ino("/g");
            long off = b.v.inodeOffset(g) + Ufs1InodeLayout.DI_DB + 4;
            int bad = (int) b.v.size() + 64;
            b.putInt(off, bad);
            FsckReport r = b.check();
            FsckFinding f = only(r, "BLOCK_BAD");
            assertThat(f.phase()).isEqualTo(1);
            assertThat(f.inode()).hasValue(g);
            assertThat(f.block()).hasValue(bad);
            assertThat(f.offset()).isEqualTo(off);
            assertThat(f.message()).isEqualTo(bad + " BAD I=" + g);
        }
    }

    @Test
    void unreachableDirectory() throws IOException {
        try (Broken b = new Broken(template, "unref")) {
            long d2 = b.ino("/d1/d2");
            long off = b.entry("/d1", "d2");
            b.putInt(off + DirectoryEntryLayout.D_INO, 0);
            FsckFinding f = only(b.check(), "UNREF_DIR");
            assertThat(f.phase()).isEqualTo(3);
            assertThat(f.inode()).hasValue(d2);
            assertThat(f.message()).isEqualTo("UNREF DIR I=" + d2);
        }
    }

    @Test
    void badSuperblockField() throws IOException {
        try (Broken b = new Broken(template, "nindir")) {
            long off = 8192 + SuperblockLayout.FS_NINDIR;
            b.putInt(off, 1000);
            FsckFinding f = only(b.check(), "SB_FIELD");
            assertThat(f.phase()).isZero();
            assertThat(f.offset()).isEqualTo(off);
            assertThat(f.message()).isEqualTo("BAD SUPER BLOCK: fs_nindir 1000, SHOULD BE 1024");
        }
    }

    @Test
    void backupSuperblockMismatch() throws IOException {
        try (Broken b = new Broken(template, "altsb")) {
            long off = b.v.cgsblock(3) * b.v.fsize();
            b.putInt(off + SuperblockLayout.FS_IPG, b.v.ipg() * 2);
            FsckFinding f = only(b.check(), "SB_BACKUP");
            assertThat(f.phase()).isZero();
            assertThat(f.offset()).isEqualTo(off);
            assertThat(f.block()).hasValue(b.v.cgsblock(3));
            assertThat(f.message()).isEqualTo("VALUES IN SUPER BLOCK DISAGREE WITH THOSE IN ALTERNATE IN CG 3: fs_ipg "
                    + b.v.ipg() * 2 + " (PRIMARY " + b.v.ipg() + ")");
        }
    }

    @Test
    void unallocatedEntryTarget() throws IOException {
        try (Broken b = new Broken(template, "unalloc")) {
            long f0 = b.ino("/d1/f");
            long ioff = b.v.inodeOffset(f0);
            b.ch.write(ByteBuffer.allocate(Ufs1InodeLayout.SIZE), ioff);
            long eoff = b.entry("/d1", "f");
            FsckReport r = b.check();
            FsckFinding f = only(r, "DIR_UNALLOCATED");
            assertThat(f.phase()).isEqualTo(2);
            assertThat(f.inode()).isEqualTo(OptionalLong.of(f0));
            assertThat(f.offset()).isEqualTo(eoff + DirectoryEntryLayout.D_INO);
            assertThat(f.message()).isEqualTo("UNALLOCATED I=" + f0 + " NAME=f IN DIR I=" + b.ino("/d1"));
            // phase 5 sees the inode and its blocks still marked used in the maps
            assertThat(r.findings("MAP_INODE")).isNotEmpty();
        }
    }

    @Test
    void blockCount() throws IOException {
        try (Broken b = new Broken(template, "blocks")) {
            long g = b.ino("/g");
            long off = b.v.inodeOffset(g) + Ufs1InodeLayout.DI_BLOCKS;
            int blocks = b.getInt(off);
            b.putInt(off, blocks + 8);
            FsckFinding f = only(b.check(), "BLOCK_COUNT");
            assertThat(f.phase()).isEqualTo(1);
            assertThat(f.offset()).isEqualTo(off);
            assertThat(f.message()).isEqualTo("INCORRECT BLOCK COUNT I=" + g + " (" + (blocks + 8) + " should be "
                    + blocks + ")");
        }
    }

    @Test
    void fragmentSummary() throws IOException {
        try (Broken b = new Broken(template, "frsum")) {
            long off = b.v.cgtod(0) * b.v.fsize() + CylinderGroupLayout.CG_FRSUM + 4 * 3;
            b.putInt(off, b.getInt(off) + 1);
            FsckFinding f = only(b.check(), "CG_SUMMARY");
            assertThat(f.phase()).isEqualTo(5);
            assertThat(f.message()).startsWith("CG 0: SUMMARY INFORMATION BAD: cg_frsum[3] ");
        }
    }

    @Test
    void clusterMap() throws IOException {
        try (FfsImage i = FfsImage.open(template)) {
            assertThat(i.volume().superblock().contigsumsize()).isPositive();
        }
        try (Broken b = new Broken(template, "cluster")) {
            long cg = b.v.cgtod(1) * b.v.fsize();
            int clusteroff = b.getInt(cg + CylinderGroupLayout.CG_CLUSTEROFF);
            int old = b.v.read(cg + clusteroff, 1, "t").get(0);
            b.putByte(cg + clusteroff, old ^ 1);
            FsckFinding f = only(b.check(), "MAP_CLUSTER");
            assertThat(f.phase()).isEqualTo(5);
            assertThat(f.offset()).isEqualTo(cg + clusteroff);
            assertThat(f.message()).isEqualTo("CG 1: CLUSTER MAP WRONG FOR BLOCK 0");
        }
    }

    @Test
    void directoryEntryType() throws IOException {
        try (Broken b = new Broken(template, "dtype")) {
            long off = b.entry("/", "g");
            b.putByte(off + DirectoryEntryLayout.D_TYPE, DirectoryEntry.DT_DIR);
            FsckFinding f = only(b.check(), "DIR_TYPE");
            assertThat(f.phase()).isEqualTo(2);
            assertThat(f.offset()).isEqualTo(off + DirectoryEntryLayout.D_TYPE);
            assertThat(f.message()).isEqualTo("BAD TYPE VALUE I=" + b.ino("/g") + " NAME=g (d_type 4, inode says 8)");
        }
    }

    @Test
    void inodeType() throws IOException {
        try (Broken b = new Broken(template, "mode")) {
            long g = b.ino("/g");
            long off = b.v.inodeOffset(g) + Ufs1InodeLayout.DI_MODE;
            b.putShort(off, 0170644);
            FsckReport r = b.check();
            FsckFinding f = only(r, "INODE_UNKNOWN_TYPE");
            assertThat(f.phase()).isEqualTo(1);
            assertThat(f.offset()).isEqualTo(off);
            assertThat(f.message()).isEqualTo("UNKNOWN FILE TYPE I=" + g + " (BAD MODE 0170644)");
            assertThat(r.findings("DIR_CLEARED_TARGET")).isNotEmpty();
        }
    }
}
