package io.github.slipway.ffs.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

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
 * layouts for the 20k-file benchmark tree with 4K blocks and -b 10%).
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
}
