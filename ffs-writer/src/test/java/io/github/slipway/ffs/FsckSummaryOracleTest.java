package io.github.slipway.ffs;

import io.github.slipway.ffs.oracle.SleuthKit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The summary line of clean makefs images equals the one fsck_ffs would print, with the numbers
 * computed outside slipway's reader: free fragments from the cylinder-group bitmaps as The Sleuth
 * Kit's {@code blkls -A} lists them, the block and fragment sizes from {@code fsstat}, and
 * {@code fs_dsize} read raw from the superblock; then fsck_ffs' own formula ({@code sbin/fsck_ffs/main.c}:
 * used = {@code fs_dsize} - free, fragmentation = {@code n_ffree * 100 / fs_dsize} and its rounded tenth).
 * NetBSD's fsck_ffs does not run on Linux, so this is the independent recomputation issue 5 asks for.
 */
class FsckSummaryOracleTest {
    /** {@code struct fs} offsets (sys/ufs/ffs/fs.h): {@code fs_old_dsize} and {@code fs_magic}. */
    private static final int SBLOCK_UFS1 = 8192;
    private static final int FS_OLD_DSIZE = 40;
    private static final int FS_MAGIC = 1372;
    private static final int FS_UFS1_MAGIC = 0x011954;

    static Stream<Arguments> configs() {
        return FfsImageTest.configs();
    }

    @ParameterizedTest(name = "seed {0} {1}")
    @MethodSource("configs")
    void summaryEqualsFsckFfsFormulaOverSleuthKitsFreeMap(long seed, Makefs.Config config) throws Exception {
        ImageFixtures.Fixture f = ImageFixtures.fixture(seed, config);
        Path img = f.image();

        String fsstat = SleuthKit.output("fsstat", "-f", "ufs1", img.toString());
        int blockSize = field(fsstat, "Block Size: ");
        int fragSize = field(fsstat, "Fragment Size: ");
        int frag = blockSize / fragSize;

        TreeSet<Long> free = new TreeSet<>();
        for (String line : SleuthKit.output("blkls", "-f", "ufs1", "-l", "-A", img.toString()).split("\n")) {
            // after the header lines, one "ADDR|f" per unallocated fragment
            if (line.matches("\\d+\\|f")) {
                free.add(Long.parseLong(line.substring(0, line.indexOf('|'))));
            }
        }
        long fullBlocks = free.stream().filter(a -> a % frag == 0)
                .filter(a -> free.subSet(a, a + frag).size() == frag).count();
        long freeFrags = free.size() - fullBlocks * frag;
        long dsize = rawDsize(img);
        assertThat(free).as("seed %d: blkls found free fragments", seed).isNotEmpty();

        long used = dsize - free.size();
        String expected = String.format(Locale.ROOT,
                "%d files, %d used, %d free (%d frags, %d blocks, %d.%d%% fragmentation)",
                FfsCheckerCleanTest.distinctInodes(f.tree()), used, free.size(), freeFrags, fullBlocks,
                freeFrags * 100 / dsize, ((freeFrags * 1000 + dsize / 2) / dsize) % 10);
        try (FfsImage image = FfsImage.open(img)) {
            FsckReport r = FfsChecker.check(image);
            assertThat(r.findings()).as("seed %d", seed).isEmpty();
            assertThat(r.summary().line()).as("seed %d %s", seed, config).isEqualTo(expected);
        }
    }

    private static int field(String text, String label) {
        int i = text.indexOf(label);
        assertThat(i).as("fsstat prints '%s'", label).isNotNegative();
        int end = text.indexOf('\n', i);
        return Integer.parseInt(text.substring(i + label.length(), end).strip());
    }

    /** {@code fs_old_dsize}, in the byte order the magic reveals. */
    private static long rawDsize(Path img) throws Exception {
        ByteBuffer sb = ByteBuffer.allocate(1376);
        try (FileChannel ch = FileChannel.open(img)) {
            ch.read(sb, SBLOCK_UFS1);
        }
        sb.order(ByteOrder.LITTLE_ENDIAN);
        if (sb.getInt(FS_MAGIC) != FS_UFS1_MAGIC) {
            sb.order(ByteOrder.BIG_ENDIAN);
        }
        assertThat(sb.getInt(FS_MAGIC)).isEqualTo(FS_UFS1_MAGIC);
        return Integer.toUnsignedLong(sb.getInt(FS_OLD_DSIZE));
    }
}
