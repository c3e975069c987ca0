package io.github.slipway.ffs;

import io.github.slipway.ffs.oracle.SleuthKit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Sleuth Kit (an independent UFS1 reader) reads slipway's images back: same paths, types,
 * modes, owners, link counts, link targets, device numbers and contents as the tree written,
 * in default (sorted) mode and in compat mode, in both byte orders.
 */
class SleuthKitReadBackTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "seed {0} compat={1} {2}")
    @CsvSource({"101,false,le", "102,false,be", "103,true,le", "104,false,le"})
    void sleuthKitSeesWhatWasWritten(long seed, boolean compat, String order) throws Exception {
        Random r = new Random(seed);
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        HostTrees.boundaries(tree.resolve("b"), r, 8192, 1024);
        HostTrees.owners(tree.resolve("o"), r);
        HostTrees.random(tree.resolve("r"), r, 80);
        HostTrees.deep(tree.resolve("d"), r);
        ImageTree t = ImageTree.fromDirectories(List.of(tree));
        Path img = tmp.resolve("x.img");
        MakefsOptions opts = MakefsOptions.builder().compat(compat).flag('B', order).timestamp(HostTrees.T)
                .freeBlockPercent(10).build();
        FfsWriter.write(t, opts, img);

        Map<String, ImageNode> expected = new TreeMap<>();
        Map<ImageNode, Integer> links = new IdentityHashMap<>();
        collect(t.root(), "", expected, links);
        Map<String, SleuthKit.Entry> actual = new TreeMap<>();
        for (SleuthKit.Entry e : SleuthKit.listWithContents(img)) {
            actual.put(e.path(), e);
        }
        assertThat(actual.keySet()).as("seed %d", seed).containsExactlyElementsOf(expected.keySet());
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, ImageNode> x : expected.entrySet()) {
            ImageNode n = x.getValue();
            SleuthKit.Entry e = actual.get(x.getKey());
            String what = x.getKey() + " (seed " + seed + ")";
            soft.assertThat(e.type()).as(what).isEqualTo(n.type());
            soft.assertThat(e.mode()).as(what).isEqualTo(n.metadata().permissions());
            soft.assertThat(e.uid()).as(what).isEqualTo(n.metadata().uid());
            soft.assertThat(e.gid()).as(what).isEqualTo(n.metadata().gid());
            soft.assertThat(e.mtime().getEpochSecond()).as(what).isEqualTo(HostTrees.T);
            if (n.type() == EntryType.DIRECTORY) {
                soft.assertThat(e.nlink()).as(what).isEqualTo(2 + n.names().stream()
                        .filter(c -> n.child(c).orElseThrow().type() == EntryType.DIRECTORY).count());
            } else {
                soft.assertThat(e.nlink()).as(what).isEqualTo((long) links.get(n));
            }
            if (n.type() == EntryType.SYMLINK) {
                soft.assertThat(e.linkTarget()).as(what).contains(n.linkTarget().orElseThrow());
            }
            if (n.type().isDevice()) {
                soft.assertThat(e.device()).as(what).isEqualTo(n.device());
            }
            if (n.type() == EntryType.FILE) {
                byte[] want;
                try (InputStream in = n.content().orElseThrow().open()) {
                    want = in.readAllBytes();
                }
                soft.assertThat(e.size()).as(what).isEqualTo(want.length);
                soft.assertThat(e.content()).as(what).isPresent();
                soft.assertThat(e.content().orElseThrow()).as(what).isEqualTo(want);
            }
        }
        soft.assertAll();
    }

    private static void collect(ImageNode dir, String prefix, Map<String, ImageNode> out, Map<ImageNode, Integer> links) {
        List<String> names = new ArrayList<>(dir.names());
        for (String name : names) {
            ImageNode c = dir.child(name).orElseThrow();
            String p = prefix.isEmpty() ? name : prefix + "/" + name;
            out.put(p, c);
            links.merge(c, 1, Integer::sum);
            if (c.type() == EntryType.DIRECTORY) {
                collect(c, p, out, links);
            }
        }
    }
}
