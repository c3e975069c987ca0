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
