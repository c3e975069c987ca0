package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Default mode sizes images exactly: the automatic image holds the tree, is no larger than
 * makefs' {@code -M 1m} workaround, and one block less fails.
 */
class ExactSizeTest {
    @TempDir
    Path tmp;

    private void assertMinimal(Path tree, MakefsOptions opts, String what) throws Exception {
        assertMinimal(tree, opts, what, List.of());
    }

    private void assertMinimal(Path tree, MakefsOptions opts, String what, List<String> flags) throws Exception {
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        Path img = tmp.resolve("auto.img");
        FfsWriter.Summary s = FfsWriter.write(t, opts, img);
        assertThat(Files.size(img)).isEqualTo(s.size());
        HostTrees.assertImageHolds(img, tree, what);
        FfsWriter.Summary plan = FfsWriter.plan(t, opts, "plan", line -> { });
        assertThat(plan.size()).as("dry run of %s", what).isEqualTo(s.size());
        // the search writes its last guess while it checks the block below; the image must be
        // the one a plain run at the size found writes
        Path fixed = tmp.resolve("fixed.img");
        FfsWriter.write(t, opts.toBuilder().size(s.size()).build(), fixed);
        assertThat(Files.mismatch(img, fixed)).as("%s: searched vs -s %d", what, s.size()).isEqualTo(-1L);
        MakefsOptions smaller = opts.toBuilder().size(s.size() - s.blockSize()).build();
        assertThatThrownBy(() -> FfsWriter.write(t, smaller, tmp.resolve("smaller.img")))
                .as("%s: one block below %d bytes", what, s.size())
                .isInstanceOf(ImageFullException.class);
        assertThat(tmp.resolve("smaller.img")).doesNotExist();
        // makefs' workaround for its own estimate
        Path mk = tmp.resolve("mk.img");
        List<String> m1 = new java.util.ArrayList<>(flags);
        m1.addAll(List.of("-M", "1m", "-T", "0"));
        MakefsOracle.Run run = MakefsOracle.run(m1, mk, tree);
        if (run.status() != 0 && !flags.contains("-b")) {
            List<String> b20 = new java.util.ArrayList<>(flags);
            b20.addAll(List.of("-b", "20%", "-T", "0"));
            run = MakefsOracle.run(b20, mk, tree);
        }
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(s.size()).as("%s: slipway vs makefs workaround", what).isLessThanOrEqualTo(Files.size(mk));
    }

    @ParameterizedTest(name = "lone file of {0} bytes")
    @ValueSource(longs = {0, 1, 1024, 10 * 1024, 100 * 1024, 300 * 1024, 600 * 1024, 98304, 98305, 3_000_000})
    void loneFiles(long size) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        HostTrees.file(tree.resolve("f"), size, new Random(size));
        assertMinimal(tree, MakefsOptions.builder().timestamp(0).build(), size + " bytes");
    }

    /**
     * Exact images often end in a file's last fragment, and then the zero padding after the file's
     * tail covers the sector makefs probes at the image's end. The data must still be the file's:
     * read back by The Sleuth Kit (and the reader) for lone files of many sizes. (A copy path once
     * read such a tail from the file's start.) At least some sizes must end the image so, or the
     * test would prove nothing.
     */
    @Test
    void fileTailInTheImagesLastFragmentKeepsItsBytes() throws Exception {
        int endsInTail = 0;
        for (int size = 1000; size < 420_000; size += 13_331) {
            Path tree = Files.createDirectories(tmp.resolve("tail" + size));
            byte[] data = new byte[size];
            new Random(size).nextBytes(data);
            Files.write(tree.resolve("f"), data);
            Path img = tmp.resolve("tail" + size + ".img");
            FfsWriter.write(ImageTree.fromDirectories(List.of(tree)), MakefsOptions.builder().timestamp(0).build(), img);
            if (tailBeforeProbe(Files.readAllBytes(img), data)) {
                endsInTail++;
            }
            long ino = io.github.slipway.ffs.oracle.SleuthKit.byPath(img).get("f").inode();
            assertThat(io.github.slipway.ffs.oracle.SleuthKit.content(img, ino)).as("icat of a %d-byte file", size)
                    .isEqualTo(data);
            try (FfsImage fi = FfsImage.open(img); java.io.InputStream in = fi.read("f")) {
                assertThat(in.readAllBytes()).as("reader, %d-byte file", size).isEqualTo(data);
            }
        }
        assertThat(endsInTail).as("images where the file's padding covers the probe sector").isGreaterThan(3);
    }

    /** The image is fsck-clean and holds every file's bytes and every link's target of the tree. */
    /**
     * Whether the file's last bytes end in the image's last block, before its last sector, with
     * only zeros between them and that sector: the file's padding covers makefs' probe.
     */
    private static boolean tailBeforeProbe(byte[] image, byte[] data) {
        int n = Math.min(256, data.length);
        for (int end = image.length - 512; end >= image.length - 8192 && end >= n; end--) {
            if (java.util.Arrays.equals(image, end - n, end, data, data.length - n, data.length)) {
                for (int i = end; i < image.length - 512; i++) {
                    if (image[i] != 0) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Every entry count from 1 to 300 (empty files in one directory): counts where the groups'
     * inodes land exactly on makefs' estimate (126 entries: one group of 128) made every size
     * trial fail; the previous search then crashed. Each image must hold all entries.
     */
    @Test
    void everyEntryCountGetsAnImage() throws Exception {
        Instant t = Instant.EPOCH;
        for (int n = 1; n <= 300; n++) {
            ImageNode root = ImageNode.directory(Metadata.of(0755, 0, 0, t));
            for (int i = 0; i < n; i++) {
                root.add("f" + i, ImageNode.file(Metadata.of(0644, 0, 0, t), FileContent.of(new byte[0])));
            }
            Path img = tmp.resolve("n" + n + ".img");
            FfsWriter.write(ImageTree.of(root), MakefsOptions.builder().timestamp(0).build(), img);
            try (FfsImage image = FfsImage.open(img)) {
                assertThat(image.list("/")).as("%d entries", n).hasSize(n);
                assertThat(FfsChecker.check(image).isClean()).as("fsck, %d entries", n).isTrue();
            }
            Files.delete(img);
        }
    }

    /**
     * The search writes its guess for real while it checks the block below; in about 3% of trees
     * that guess is not the answer (seed 72: a smaller size fits; seed 103: the guess does not
     * fit). The image must then be the one a plain run at the size found writes, and the summary
     * says what happened.
     */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"72, writing it again", "103, the size search goes on"})
    void writtenGuessThatIsNotTheAnswer(long seed, String said) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Random r = new Random(seed);
        HostTrees.random(tree, r, 5 + r.nextInt(400));
        List<String> lines = new java.util.ArrayList<>();
        MakefsOptions o = MakefsOptions.builder().timestamp(0).build();
        FfsWriter.write(ImageTree.fromDirectories(List.of(tree)), o, tmp.resolve("said.img"), lines::add);
        assertThat(lines).anyMatch(l -> l.contains(said));
        assertThat(lines.get(lines.size() - 1)).endsWith("complete");
        assertMinimal(tree, o, "seed " + seed);
    }

    /**
     * With 4096-byte blocks and fragments the last group can be so small that makefs' writability
     * probe (the image's last sector) lies in the buffer makefs writes over each group's start
     * (superblock copy, cg, two inode blocks), which zeroes it there. slipway left the probe's
     * bytes in an unused inode (fsck: PARTIALLY ALLOCATED INODE) in 12 of 119 random trees.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 105, 109, 113, 117})
    void probeSectorInTheLastGroupsInodesIsZeroed(long seed) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Random r = new Random(seed);
        HostTrees.random(tree, r, 5 + r.nextInt(300));
        List<String> flags = List.of("-o", "bsize=4096,fsize=4096", "-b", "5%");
        MakefsOptions o = MakefsOptions.builder().timestamp(0).flag('o', "bsize=4096,fsize=4096").flag('b', "5%").build();
        assertMinimal(tree, o, "seed " + seed, flags);
    }

    @ParameterizedTest(name = "random tree seed {0}")
    @ValueSource(longs = {301, 302, 303})
    void randomTrees(long seed) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Random r = new Random(seed);
        HostTrees.random(tree, r, 30 + r.nextInt(100));
        assertMinimal(tree, MakefsOptions.builder().timestamp(0).build(), "seed " + seed);
    }

    /**
     * Seeded random trees (files of 0 B to 1.5 MB, symbolic links, hard links, nested
     * directories) under the options that change the layout most, in turn: each image is
     * minimal, fsck-clean and holds the tree. (A random 127-entry tree under -b 5% once crashed a
     * size trial; the seeds here are many small and large trees.)
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412})
    void randomTreesUnderOptions(long seed) throws Exception {
        String[][] options = {{}, {"-b", "5%"}, {"-o", "bsize=4096,fsize=512"}, {"-B", "be"}, {"-f", "20%"},
            {"-o", "density=2048"}};
        List<String> flags = List.of(options[(int) (seed % options.length)]);
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Random r = new Random(seed);
        HostTrees.random(tree, r, 5 + r.nextInt(seed % 2 == 0 ? 60 : 400));
        MakefsOptions.Builder b = MakefsOptions.builder().timestamp(0);
        for (int i = 0; i < flags.size(); i += 2) {
            b.flag(flags.get(i).charAt(1), flags.get(i + 1));
        }
        assertMinimal(tree, b.build(), "seed " + seed + " " + flags, flags);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-o,bsize=4096,fsize=512", "-o,minfree=20", "-b,20%", "-f,50%", "-b,1m"})
    void freeSpaceOptions(String flag, String value) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Random r = new Random(77);
        HostTrees.boundaries(tree, r, 8192, 1024);
        MakefsOptions o = MakefsOptions.builder().timestamp(0).flag(flag.charAt(1), value).build();
        assertMinimal(tree, o, flag + " " + value, List.of(flag, value));
    }

    @ParameterizedTest(name = "compat {0}")
    @ValueSource(booleans = {false, true})
    void offsetWritesAfterWhatTheFileHeld(boolean compat) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        HostTrees.random(tree, new Random(7), 60);
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        MakefsOptions.Builder b = MakefsOptions.builder().timestamp(0).compat(compat);
        if (compat) {
            b.minSize(4 << 20);
        }
        Path plain = tmp.resolve("plain.img");
        FfsWriter.Summary s = FfsWriter.write(t, b.build(), plain);
        // -O writes into the existing file: what precedes the offset stays, the rest is replaced
        Path img = tmp.resolve("offset.img");
        int offset = 65536;
        byte[] before = new byte[offset + 1000];
        new Random(8).nextBytes(before);
        Files.write(img, before);
        FfsWriter.Summary o = FfsWriter.write(t, b.offset(offset).build(), img);
        assertThat(o.size()).isEqualTo(s.size());
        byte[] after = Files.readAllBytes(img);
        assertThat(after).hasSize(offset + (int) s.size());
        assertThat(java.util.Arrays.copyOf(after, offset)).isEqualTo(java.util.Arrays.copyOf(before, offset));
        assertThat(java.util.Arrays.copyOfRange(after, offset, after.length)).isEqualTo(Files.readAllBytes(plain));
    }

    @Test
    void maximumTooSmallStatesSizeNeeded() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        HostTrees.file(tree.resolve("f"), 200_000, new Random(1));
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        long need = FfsWriter.plan(t, MakefsOptions.defaults(), "x", line -> { }).size();
        assertThatThrownBy(() -> FfsWriter.write(t, MakefsOptions.builder().maxSize(100_000).build(), tmp.resolve("x.img")))
                .isInstanceOf(ImageFullException.class)
                .hasMessageContaining("needs an image of " + need + " bytes, more than the maximum of 100000");
    }

    /**
     * Default mode starts its read-ahead threads before the size search; when the search ends in
     * an error they must stop with it. 12 MB of small files fill the 8 MB ring, where readers
     * left running would wait for room forever.
     */
    @Test
    void failedSearchStopsItsReaders() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            HostTrees.file(tree.resolve("f" + i), 60_000, r);
        }
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        assertThatThrownBy(() -> FfsWriter.write(t, MakefsOptions.builder().maxSize(1 << 20).build(), tmp.resolve("x.img")))
                .isInstanceOf(ImageFullException.class)
                .hasMessageContaining("more than the maximum of 1048576");
        assertThat(tmp.resolve("x.img")).doesNotExist();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(th -> th.isAlive() && th.getName().startsWith("slipway-read-ahead"));
    }

    @Test
    void minimumRaisesSize() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        HostTrees.file(tree.resolve("f"), 10, new Random(1));
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        FfsWriter.Summary s = FfsWriter.write(t, MakefsOptions.builder().minSize(1 << 20).build(), tmp.resolve("m.img"));
        assertThat(s.size()).isEqualTo(1 << 20);
    }
}
