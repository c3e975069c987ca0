package io.github.slipway.ffs.internal.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.ffs.FileContent;
import io.github.slipway.ffs.ImageNode;
import io.github.slipway.ffs.MakefsOptions;
import io.github.slipway.ffs.Metadata;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How many layouts the exact-size search tries. Under -b with many small files, the free space
 * -b wants is partly the free fragments of partly used blocks; a spare-space estimate that left
 * them out called every fit "0 spare", and the search stepped down one block at a time (136
 * layouts for the 20k-file benchmark tree with 4K blocks and -b 10%). A tree of many empty
 * files needs inodes rather than space: every fit reports megabytes spare, yet a few blocks
 * less lose a cylinder group's inodes; a search led by the spare space bisected towards that
 * edge with full layouts (100,000 empty files in one directory: 26 trials, 9 of them fits laid
 * out in full, 3.3 s of searching); the edge is found with the checks that come before a
 * layout, and the size past it laid out (and written) once.
 */
class SizeSearchCostTest {
    private static ImageNode manySmallFiles(long seed, int n) {
        Random r = new Random(seed);
        Metadata m = Metadata.of(0644, 0, 0, Instant.ofEpochSecond(1_000_000_000));
        ImageNode root = ImageNode.directory(m.withPermissions(0755));
        ImageNode dir = null;
        for (int i = 0; i < n; i++) {
            if (i % 100 == 0) {
                dir = ImageNode.directory(m.withPermissions(0755));
                root.add("d" + i, dir);
            }
            dir.add("f" + i, ImageNode.file(m, FileContent.of(new byte[1 + r.nextInt(20_000)])));
        }
        return root;
    }

    /** {@code n} empty files, {@code perDir} to a directory: the inodes bind, not the space. */
    private static ImageNode emptyFiles(int n, int perDir) {
        Metadata m = Metadata.of(0644, 0, 0, Instant.ofEpochSecond(1_000_000_000));
        ImageNode root = ImageNode.directory(m.withPermissions(0755));
        ImageNode dir = null;
        for (int i = 0; i < n; i++) {
            if (i % perDir == 0) {
                dir = ImageNode.directory(m.withPermissions(0755));
                root.add("d" + i, dir);
            }
            dir.add("f" + i, ImageNode.file(m, FileContent.of(new byte[0])));
        }
        return root;
    }

    private static long layouts(ImageNode root, MakefsOptions opts) throws Exception {
        long before = FfsImageBuilder.TRIALS.get();
        FfsImageBuilder.minimalSize(TreeIndex.of(root, true), opts, "t.img", null);
        return FfsImageBuilder.TRIALS.get() - before;
    }

    @Test
    void freeSpaceOptionsDoNotMakeTheSearchStepBlockByBlock() throws Exception {
        ImageNode root = manySmallFiles(3, 3000);
        for (String[] o : new String[][] {{"b", "10%"}, {"b", "20%"}, {"b", "2m"}, {"f", "10%"}}) {
            for (String geometry : new String[] {null, "bsize=4096,fsize=512"}) {
                MakefsOptions.Builder b = MakefsOptions.builder().flag(o[0].charAt(0), o[1]);
                if (geometry != null) {
                    b.flag('o', geometry);
                }
                assertThat(layouts(root, b.build())).as("-%s %s %s", o[0], o[1], geometry).isLessThanOrEqualTo(8);
            }
        }
    }

    @Test
    void inodeBoundTreesFindTheInodeCliffWithoutLayingOutEachProbe() throws Exception {
        for (int[] shape : new int[][] {{20_000, 100}, {40_000, 40_000}, {12_000, 3}}) {
            assertInodeBoundSearch(emptyFiles(shape[0], shape[1]), null, null, 6,
                    shape[0] + " files, " + shape[1] + " a directory");
        }
    }

    /**
     * -o density sets the bytes per inode: 3,000 empty files at one inode per 64 KB need a
     * 200 MB image, beyond the search's bound of 4 KB an inode, which said no image held them.
     */
    @Test
    void densityAboveFourKilobytesStillFindsTheImage() throws Exception {
        ImageNode root = emptyFiles(3_000, 500);
        assertInodeBoundSearch(root, "density=65536", null, 12, "density=65536");
        assertInodeBoundSearch(root, "density=262144", "50%", 12, "density=262144 -f 50%");
    }

    private static void assertInodeBoundSearch(ImageNode root, String o, String f, int maxLayouts, String what)
            throws Exception {
        TreeIndex index = TreeIndex.of(root, true);
        long before = FfsImageBuilder.TRIALS.get();
        long size = FfsImageBuilder.minimalSize(index, options(o, f, -1), "t.img", null);
        assertThat(FfsImageBuilder.TRIALS.get() - before).as(what).isLessThanOrEqualTo(maxLayouts);
        // still the smallest: the size found holds the tree, a block less does not
        FfsImageBuilder.plan(root, options(o, f, size), "t.img", 0, line -> { });
        assertThatThrownBy(() -> FfsImageBuilder.plan(root, options(o, f, size - 8192), "t.img", 0, line -> { }))
                .as("%s, %d bytes", what, size - 8192)
                .isInstanceOf(io.github.slipway.ffs.ImageFullException.class);
    }

    private static MakefsOptions options(String o, String f, long size) {
        MakefsOptions.Builder b = MakefsOptions.builder();
        if (o != null) {
            b.flag('o', o);
        }
        if (f != null) {
            b.flag('f', f);
        }
        if (size > 0) {
            b.flag('s', Long.toString(size));
        }
        return b.build();
    }
}
