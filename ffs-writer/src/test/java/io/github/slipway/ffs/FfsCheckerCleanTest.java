package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Clean makefs images: no findings, and the file count equals the source tree's inodes. */
class FfsCheckerCleanTest {
    static Stream<org.junit.jupiter.params.provider.Arguments> configs() {
        return FfsImageTest.configs();
    }

    @ParameterizedTest(name = "seed {0} {1}")
    @MethodSource("configs")
    void cleanImageHasNoFindings(long seed, Makefs.Config config) throws Exception {
        ImageFixtures.Fixture f = ImageFixtures.fixture(seed, config);
        try (FfsImage image = FfsImage.open(f.image())) {
            FsckReport r = FfsChecker.check(image);
            assertThat(r.findings()).as("seed %d %s", seed, config).isEmpty();
            assertThat(r.isClean()).isTrue();
            assertThat(r.summary().files()).as("seed %d", seed).isEqualTo(distinctInodes(f.tree()));
        }
    }

    /**
     * 4096-byte sectors: makefs -S 4096 stores fs_fsbtodb 0 (fragments of one sector), which
     * fsck_ffs takes as the sector size; the checker once wanted log2(fsize / 512) and reported
     * every such image as damaged.
     */
    @org.junit.jupiter.api.Test
    void fourKilobyteSectorsAreClean(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        HostTrees.random(tree, new java.util.Random(91), 60);
        Path mk = tmp.resolve("m.img");
        MakefsOracle.Run run = MakefsOracle.run(List.of("-S", "4096", "-b", "5%", "-T", "0"), mk, tree);
        assertThat(run.status()).as(run.output()).isZero();
        Path ours = tmp.resolve("s.img");
        FfsWriter.write(ImageTree.fromDirectories(List.of(tree)), MakefsOptions.builder().sectorSize(4096)
                .timestamp(0).build(), ours);
        for (Path img : List.of(mk, ours)) {
            try (FfsImage image = FfsImage.open(img)) {
                assertThat(FfsChecker.check(image).findings()).as("%s", img.getFileName()).isEmpty();
            }
        }
    }

    static long distinctInodes(Path tree) throws Exception {
        Set<Object> inodes = new HashSet<>();
        List<Path> all;
        try (Stream<Path> s = Files.walk(tree)) {
            all = s.toList();
        }
        for (Path p : all) {
            inodes.add(Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS));
        }
        return inodes.size();
    }
}
