package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slipway.ffs.internal.Volume;
import io.github.slipway.ffs.internal.format.SuperblockLayout;
import io.github.slipway.ffs.internal.format.Ufs1Inode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile images: truncated, zeroed, random, and 10,000 seeded random mutations of a clean image's
 * metadata (superblocks, cylinder groups, inodes, directory and indirect blocks). Each must end in a
 * report or a one-line IOException from the reader, checker and a full walk of the tree; never a
 * RuntimeException, an Error (stack or heap) or a hang. A failure names its seed.
 */
class HostileImageTest {
    static final int MUTATIONS = 10_000;
    @TempDir
    static Path tmp;
    static byte[] template;
    /** The same tree big-endian; its metadata lies at the same offsets. */
    static byte[] templateBe;
    /** [start, end) byte ranges of metadata in the template. */
    static final List<long[]> REGIONS = new ArrayList<>();

    @BeforeAll
    static void makeTemplate() throws Exception {
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree.resolve("a/b/c"));
        Files.createDirectories(tree.resolve("d"));
        byte[] big = new byte[4096 * 14 + 300];
        new Random(1).nextBytes(big);
        Files.write(tree.resolve("a/big"), big);
        Files.writeString(tree.resolve("a/b/small"), "small\n");
        Files.writeString(tree.resolve("d/x"), "x".repeat(3000));
        Files.createLink(tree.resolve("d/hard"), tree.resolve("d/x"));
        Files.createSymbolicLink(tree.resolve("short"), Path.of("a/b/small"));
        Files.createSymbolicLink(tree.resolve("long"), Path.of("a/b/" + "../b/".repeat(20) + "small"));
        Files.createSymbolicLink(tree.resolve("a/b/c/up"), Path.of("../../.."));
        GeneratedTree.run("mknod", tree.resolve("null").toString(), "c", "2", "2");
        Path img = Makefs.make(tmp.resolve("t.img"), tree,
                new Makefs.Config("le", "bsize=4096,fsize=512,density=4096,maxbpcg=512", 1 << 20));
        template = Files.readAllBytes(img);
        templateBe = Files.readAllBytes(Makefs.make(tmp.resolve("be.img"), tree,
                new Makefs.Config("be", "bsize=4096,fsize=512,density=4096,maxbpcg=512", 1 << 20)));
        try (FfsImage image = FfsImage.open(img)) {
            assertThat(FfsChecker.check(image).findings()).isEmpty();
            Volume v = image.volume();
            REGIONS.add(new long[] {8192, 8192 + SuperblockLayout.SIZE});
            for (int c = 0; c < v.ncg(); c++) {
                long cg = v.cgtod(c) * v.fsize();
                REGIONS.add(new long[] {cg, cg + v.superblock().cgsize()});
                long sb = v.cgsblock(c) * v.fsize();
                REGIONS.add(new long[] {sb, sb + SuperblockLayout.SIZE});
            }
            REGIONS.add(new long[] {v.inodeOffset(0), v.inodeOffset(0) + 128L * 16});
            REGIONS.add(new long[] {sb(v).csaddr() * v.fsize(), sb(v).csaddr() * v.fsize() + 16L * v.ncg()});
            for (String p : List.of("/", "/a", "/a/b", "/a/b/c", "/d")) {
                long ino = image.resolve(p, false);
                Ufs1Inode ip = v.inode(ino);
                long blk = Integer.toUnsignedLong(ip.db().get(0));
                REGIONS.add(new long[] {blk * v.fsize(), blk * v.fsize() + 512});
                REGIONS.add(new long[] {v.inodeOffset(ino), v.inodeOffset(ino) + 128});
            }
            for (String p : List.of("/a/big", "/long", "/d/x")) {
                long ino = image.resolve(p, false);
                Ufs1Inode ip = v.inode(ino);
                REGIONS.add(new long[] {v.inodeOffset(ino), v.inodeOffset(ino) + 128});
                long ib = Integer.toUnsignedLong(ip.ib().get(0));
                if (ib != 0) {
                    REGIONS.add(new long[] {ib * v.fsize(), ib * v.fsize() + 64});
                }
            }
        }
    }

    private static io.github.slipway.ffs.internal.format.Superblock sb(Volume v) {
        return v.superblock();
    }

    /** Opens, checks and walks {@code data}; fails on anything but a one-line IOException. */
    static boolean survive(String what, byte[] data) {
        try (FfsImage image = FfsImage.open(new MemoryChannel(data), "hostile.img")) {
            FsckReport r = FfsChecker.check(image);
            assertThat(r.findings().size()).isLessThanOrEqualTo(1001);
            r.summary().line();
            walk(image);
            return !r.isClean();
        } catch (IOException e) {
            assertThat(e.getMessage()).as(what).isNotNull().doesNotContain("\n");
            return true;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    private static void walk(FfsImage image) {
        Deque<String> todo = new ArrayDeque<>(List.of("/"));
        Set<Long> seen = new HashSet<>();
        int visited = 0;
        while (!todo.isEmpty() && visited < 2000) {
            String dir = todo.removeFirst();
            List<FfsDirectoryEntry> entries;
            try {
                entries = image.list(dir);
            } catch (IOException e) {
                continue;
            }
            for (FfsDirectoryEntry e : entries) {
                visited++;
                String p = (dir.equals("/") ? "" : dir) + "/" + e.name();
                try {
                    FfsAttributes a = image.lookup(p, LinkOption.NOFOLLOW_LINKS).orElse(null);
                    if (a == null) {
                        continue;
                    }
                    image.lookup(p);
                    if (a.type() == EntryType.DIRECTORY && seen.add(a.inode())) {
                        todo.add(p);
                    } else if (a.type() == EntryType.FILE) {
                        try (InputStream in = image.read(p)) {
                            in.readNBytes(200_000);
                        }
                    }
                } catch (IOException ignored) {
                    // a damaged entry: the next one may still be readable
                }
            }
        }
    }

    @Test
    void templateWalksCleanly() {
        survive("template", template.clone());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void truncatedImages() {
        for (int len : new int[] {0, 1, 8191, 8192, 8192 + 1000, 9568, 16384, template.length / 3,
            template.length / 2, template.length - 512, template.length - 1}) {
            survive("truncated to " + len, java.util.Arrays.copyOf(template, len));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void zeroedAndRandomImages() {
        survive("zeroed", new byte[template.length]);
        byte[] zeroedMeta = template.clone();
        for (long[] r : REGIONS.subList(1, REGIONS.size())) {
            java.util.Arrays.fill(zeroedMeta, (int) r[0], (int) r[1], (byte) 0);
        }
        survive("all metadata but the superblock zeroed", zeroedMeta);
        for (long seed = 0; seed < 50; seed++) {
            Random rnd = new Random(seed);
            byte[] data = new byte[rnd.nextBoolean() ? template.length : 65536 + rnd.nextInt(200_000)];
            rnd.nextBytes(data);
            if (seed % 2 == 0) {
                // get past the magic check, sometimes with a plausible geometry
                ByteBuffer b = ByteBuffer.wrap(data).order(seed % 4 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                b.putInt(8192 + SuperblockLayout.FS_MAGIC, 0x011954);
                if (seed % 3 == 0) {
                    ByteBuffer t = ByteBuffer.wrap(template).order(ByteOrder.LITTLE_ENDIAN);
                    for (int off = 8; off < 200; off += 4) {
                        b.putInt(8192 + off, t.getInt(8192 + off));
                    }
                    b.putLong(8192 + SuperblockLayout.FS_SIZE, t.getLong(8192 + SuperblockLayout.FS_SIZE));
                }
            }
            survive("random seed " + seed, data);
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void tenThousandMetadataMutations() {
        int noticed = 0;
        int[] interesting = {0, 1, -1, 2, 3, 7, 8, 64, 0x7fff, 0xffff, 0x7fffffff, 0x80000000, 0x01000000, 512, 4096};
        for (long seed = 0; seed < MUTATIONS; seed++) {
            Random rnd = new Random(seed);
            boolean be = seed % 2 == 1;
            byte[] data = (be ? templateBe : template).clone();
            ByteBuffer b = ByteBuffer.wrap(data).order(be ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            int n = 1 + rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                long[] r = REGIONS.get(rnd.nextInt(REGIONS.size()));
                int off = (int) (r[0] + rnd.nextInt((int) (r[1] - r[0])));
                switch (rnd.nextInt(4)) {
                    case 0 -> data[off] = (byte) rnd.nextInt(256);
                    case 1 -> data[off] ^= (byte) (1 << rnd.nextInt(8));
                    case 2 -> {
                        int at = Math.min(off & ~3, data.length - 4);
                        b.putInt(at, interesting[rnd.nextInt(interesting.length)]);
                    }
                    default -> {
                        int at = Math.min(off & ~3, data.length - 4);
                        b.putInt(at, b.getInt(at) + rnd.nextInt(17) - 8);
                    }
                }
            }
            if (survive("mutation seed " + seed, data)) {
                noticed++;
            }
        }
        // not vacuous: most mutations are damage the checker or the reader notices
        assertThat(noticed).isGreaterThan(MUTATIONS / 2);
    }
}
