package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * slipway's {@code --compat} images against Debian's makefs (the oracle, run as a process) on
 * the same generated trees and flags: the images must be equal byte for byte except the in-core
 * pointer bytes 728..855 of each superblock copy. Where makefs fails (its size estimate is too
 * small), slipway must fail too and leave no image.
 */
class MakefsCompatTest {
    /** How a case's tree is made. */
    enum Kind { BOUNDARIES, DOUBLE_INDIRECT, WIDE, DEEP, OWNERS, RANDOM, MANY_SMALL, MANY_INODES }

    record Case(String name, Kind kind, long seed, List<String> flags) {
        @Override
        public String toString() {
            return name + " seed=" + seed + " flags=" + flags;
        }
    }

    private static Case c(String name, Kind kind, long seed, String... flags) {
        return new Case(name, kind, seed, Arrays.asList(flags));
    }

    static Stream<Case> cases() {
        List<Case> l = new ArrayList<>();
        // size boundaries under several geometries, both byte orders, -s given and automatic
        l.add(c("boundaries-auto", Kind.BOUNDARIES, 1));
        l.add(c("boundaries-M", Kind.BOUNDARIES, 2, "-M", "2m"));
        l.add(c("boundaries-be", Kind.BOUNDARIES, 3, "-B", "be", "-M", "2m"));
        l.add(c("boundaries-le", Kind.BOUNDARIES, 3, "-B", "le", "-b", "20%"));
        l.add(c("boundaries-4k512", Kind.BOUNDARIES, 4, "-o", "bsize=4096,fsize=512", "-M", "2m"));
        l.add(c("boundaries-16k2k", Kind.BOUNDARIES, 5, "-o", "bsize=16384,fsize=2048", "-s", "4m"));
        l.add(c("boundaries-64k8k", Kind.BOUNDARIES, 6, "-o", "bsize=65536,fsize=8192", "-s", "16m"));
        l.add(c("boundaries-4k4k", Kind.BOUNDARIES, 7, "-o", "bsize=4096,fsize=4096", "-M", "2m"));
        l.add(c("boundaries-32k4k-be", Kind.BOUNDARIES, 8, "-B", "be", "-o", "bsize=32768,fsize=4096", "-s", "8m"));
        l.add(c("boundaries-8k2k", Kind.BOUNDARIES, 9, "-o", "bsize=8192,fsize=2048", "-b", "1m"));
        // indirect blocks: the double-indirect boundary and multi-MB files
        l.add(c("dind-4k", Kind.DOUBLE_INDIRECT, 10, "-o", "bsize=4096,fsize=512"));
        l.add(c("dind-4k-be", Kind.DOUBLE_INDIRECT, 11, "-B", "be", "-o", "bsize=4096,fsize=1024", "-b", "10%"));
        l.add(c("dind-cgs-maxbpf", Kind.DOUBLE_INDIRECT, 12, "-o", "bsize=4096,fsize=512,maxbpf=64,maxbpcg=2048", "-s", "24m"));
        l.add(c("dind-cgs-be", Kind.DOUBLE_INDIRECT, 13, "-B", "be", "-o", "bsize=4096,fsize=512,maxbpf=32", "-s", "40m"));
        // every -o option, each on a random tree
        l.add(c("o-density", Kind.RANDOM, 20, "-o", "density=4096", "-M", "4m"));
        l.add(c("o-minfree0", Kind.RANDOM, 21, "-o", "minfree=0", "-b", "10%"));
        l.add(c("o-minfree20", Kind.RANDOM, 22, "-o", "minfree=20"));
        l.add(c("o-maxbpf", Kind.RANDOM, 23, "-o", "maxbpf=16,maxbpcg=512", "-s", "12m"));
        l.add(c("o-avgfilesize", Kind.RANDOM, 24, "-o", "avgfilesize=4096", "-M", "4m"));
        l.add(c("o-avgfpdir", Kind.RANDOM, 25, "-o", "avgfpdir=8", "-M", "4m"));
        l.add(c("o-extent", Kind.RANDOM, 26, "-o", "extent=65536", "-M", "4m"));
        l.add(c("o-extent-small", Kind.RANDOM, 26, "-o", "extent=4096", "-M", "4m"));
        l.add(c("o-maxbpcg", Kind.RANDOM, 27, "-o", "maxbpcg=1024,density=8192", "-s", "16m"));
        l.add(c("o-maxbpcg-be", Kind.RANDOM, 28, "-B", "be", "-o", "maxbpcg=512,bsize=4096,fsize=512", "-M", "3m"));
        l.add(c("o-space", Kind.RANDOM, 29, "-o", "optimization=space", "-M", "4m"));
        l.add(c("o-time", Kind.RANDOM, 30, "-o", "optimization=time", "-M", "4m"));
        l.add(c("o-version", Kind.RANDOM, 31, "-o", "version=1", "-b", "5%"));
        // makefs flags
        l.add(c("b-blocks", Kind.RANDOM, 40, "-b", "2m"));
        l.add(c("f-percent", Kind.RANDOM, 41, "-f", "50%", "-b", "10%"));
        l.add(c("f-files", Kind.RANDOM, 42, "-f", "300", "-M", "4m"));
        l.add(c("S-1024", Kind.RANDOM, 43, "-S", "1024", "-M", "4m"));
        l.add(c("S-4096", Kind.RANDOM, 44, "-S", "4096", "-M", "4m"));
        l.add(c("m-max", Kind.RANDOM, 45, "-m", "64m", "-b", "10%"));
        l.add(c("s-exact", Kind.RANDOM, 46, "-s", "24m"));
        l.add(c("s-too-small", Kind.RANDOM, 46, "-s", "2m"));
        l.add(c("many-cgs", Kind.RANDOM, 47, "-s", "96m"));
        l.add(c("many-cgs-be", Kind.RANDOM, 48, "-B", "be", "-o", "bsize=4096,fsize=512", "-s", "48m"));
        // shapes
        l.add(c("wide-1500", Kind.WIDE, 50));
        l.add(c("wide-1500-be", Kind.WIDE, 51, "-B", "be", "-o", "bsize=4096,fsize=512", "-M", "2m"));
        l.add(c("deep", Kind.DEEP, 52, "-M", "1m"));
        l.add(c("deep-4k", Kind.DEEP, 53, "-o", "bsize=4096,fsize=512", "-M", "1m"));
        l.add(c("owners-devices", Kind.OWNERS, 54, "-M", "1m"));
        l.add(c("owners-devices-be", Kind.OWNERS, 55, "-B", "be", "-M", "1m"));
        // 2,000 small files, ~40 MB: the writer reads them ahead through a ring they overrun
        l.add(c("many-small", Kind.MANY_SMALL, 80, "-b", "10%"));
        l.add(c("many-small-4k-be", Kind.MANY_SMALL, 81, "-B", "be", "-o", "bsize=4096,fsize=512", "-b", "5%"));
        // 70,000 inodes: the writer sorts and writes its held-back inode updates in the middle of
        // the tree (every 65,536), not only at the end
        l.add(c("many-inodes", Kind.MANY_INODES, 85, "-s", "96m", "-o", "density=1024"));
        // one fragment per block: small last groups, where makefs' probe sector can fall into the
        // buffer it writes over a group's start (it zeroes it there)
        for (int s = 70; s < 76; s++) {
            l.add(c("frag1", Kind.RANDOM, s, "-o", "bsize=4096,fsize=4096", "-b", "5%"));
        }
        // random trees, automatic size (makefs sometimes fails: then slipway must fail too)
        for (int s = 60; s < 68; s++) {
            l.add(c("random-auto", Kind.RANDOM, s));
        }
        return l.stream();
    }

    @TempDir
    Path tmp;

    private static final java.util.Map<String, String> OUTCOMES = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** Leaves the tally in target/compat-summary.txt for the report (tests print nothing). */
    @org.junit.jupiter.api.AfterAll
    static void writeSummary() throws java.io.IOException {
        long identical = OUTCOMES.values().stream().filter(v -> v.startsWith("identical")).count();
        long bothFail = OUTCOMES.values().stream().filter(v -> v.startsWith("both-fail")).count();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("cases %d: identical images %d, both failed %d, other %d%n",
                OUTCOMES.size(), identical, bothFail, OUTCOMES.size() - identical - bothFail));
        OUTCOMES.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/compat-summary.txt"), sb.toString());
    }

    static int ncg(Path image) throws java.io.IOException {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(image)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1376);
            ch.read(b, 8192);
            b.order(java.nio.ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(1372) != 0x011954) {
                b.order(java.nio.ByteOrder.BIG_ENDIAN);
            }
            return b.getInt(44);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compatImageEqualsMakefs(Case k) throws Exception {
        Random r = new Random(k.seed());
        MakefsOptions.Builder b = MakefsOptions.builder().compat(true);
        for (int i = 0; i < k.flags().size(); i += 2) {
            b.flag(k.flags().get(i).charAt(1), k.flags().get(i + 1));
        }
        b.timestamp(HostTrees.T);
        MakefsOptions opts = b.build();
        int bsize = opts.bsize() == MakefsOptions.DEFAULT ? 8192 : opts.bsize();
        int fsize = opts.fsize() == MakefsOptions.DEFAULT ? 1024 : opts.fsize();
        Path tree = tmp.resolve("tree");
        Files.createDirectories(tree);
        switch (k.kind()) {
            case BOUNDARIES -> HostTrees.boundaries(tree, r, bsize, fsize);
            case DOUBLE_INDIRECT -> HostTrees.doubleIndirect(tree, r, bsize);
            case WIDE -> HostTrees.wide(tree, r, 1500);
            case DEEP -> HostTrees.deep(tree, r);
            case OWNERS -> HostTrees.owners(tree, r);
            case RANDOM -> HostTrees.random(tree, r, 40 + r.nextInt(120));
            case MANY_SMALL -> HostTrees.manySmall(tree, r, 2000);
            case MANY_INODES -> HostTrees.manyInodes(tree, r, 70_000);
        }
        HostTrees.stamp(tree);
        List<String> flags = new ArrayList<>(k.flags());
        flags.add("-T");
        flags.add(Long.toString(HostTrees.T));
        Path expected = tmp.resolve("expected.img");
        MakefsOracle.Run run = MakefsOracle.run(flags, expected, tree);
        Path actual = tmp.resolve("actual.img");
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        if (run.status() != 0) {
            assertThatThrownBy(() -> FfsWriter.write(t, opts, actual))
                    .as("makefs failed (%s), so must slipway --compat; case %s", run.output().strip(), k)
                    .isInstanceOf(ImageFullException.class);
            assertThat(actual).doesNotExist();
            OUTCOMES.put(k.toString(), "both-fail: " + run.output().strip().lines().reduce((a, x) -> x).orElse(""));
            try (Stream<Path> s = Files.list(tmp)) {
                assertThat(s.filter(p -> p.getFileName().toString().contains("actual"))).isEmpty();
            }
            return;
        }
        FfsWriter.write(t, opts, actual);
        Optional<String> diff = MaskedImageComparison.firstDifference(expected, actual);
        assertThat(diff).as("case %s (replay with this seed); makefs said:%n%s", k, run.output()).isEmpty();
        int ncg = ncg(actual);
        if (k.name().contains("cgs") || k.name().contains("maxbpcg") || k.name().contains("maxbpf")) {
            assertThat(ncg).as("cylinder groups of %s", k).isGreaterThan(1);
        }
        OUTCOMES.put(k.toString(), "identical, " + Files.size(actual) + " bytes, " + ncg + " cgs");
    }
}
