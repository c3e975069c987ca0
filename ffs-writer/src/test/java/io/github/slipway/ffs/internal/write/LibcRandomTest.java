package io.github.slipway.ffs.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibcRandomTest {
    @Test
    void defaultSeedGivesGlibcSequence() {
        // glibc: printf("%ld", random()) x5 without srandom()
        LibcRandom r = LibcRandom.unseeded();
        assertThat(new int[] {r.next(), r.next(), r.next(), r.next(), r.next()})
                .containsExactly(1804289383, 846930886, 1681692777, 1714636915, 1957747793);
    }
}
