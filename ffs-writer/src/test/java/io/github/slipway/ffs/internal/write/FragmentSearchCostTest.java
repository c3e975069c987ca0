package io.github.slipway.ffs.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slipway.ffs.ImageNode;
import io.github.slipway.ffs.MakefsOptions;
import io.github.slipway.ffs.Metadata;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * How many free-map bytes the fragment searches look at. Each empty directory takes one
 * fragment; in a group whose first map byte is in use every search started at byte 1 while the
 * low hint stayed at 0 (only a search starting at or below the hint moved it), so each one
 * scanned the whole used part of the group again: 20,000 directories, 29 million bytes a
 * layout, a third of the time a tree of 20,000 directories took. The searches are makefs'
 * (the compatibility tests hold their results to makefs'); this holds their cost.
 */
class FragmentSearchCostTest {
    @Test
    void manyDirectoriesDoNotRescanTheUsedMap() throws Exception {
        Metadata m = Metadata.of(0755, 0, 0, Instant.ofEpochSecond(1_000_000_000));
        int n = 10_000;
        ImageNode root = ImageNode.directory(m);
        for (int i = 0; i < n; i++) {
            root.add("d" + i, ImageNode.directory(m));
        }
        for (MakefsOptions opts : new MakefsOptions[] {MakefsOptions.builder().compat(true).timestamp(0).build(),
            MakefsOptions.builder().timestamp(0).build()}) {
            long layouts = FfsImageBuilder.TRIALS.get();
            long before = BlockAllocator.SCANNED.get();
            FfsImageBuilder.plan(root, opts, "t.img", 0, line -> { });
            long scanned = BlockAllocator.SCANNED.get() - before;
            long laidOut = Math.max(1, FfsImageBuilder.TRIALS.get() - layouts + 1);
            assertThat(scanned / laidOut).as("map bytes scanned per layout of %d directories, compat %b", n,
                    opts.compat()).isLessThan(4L * n);
        }
    }
}
