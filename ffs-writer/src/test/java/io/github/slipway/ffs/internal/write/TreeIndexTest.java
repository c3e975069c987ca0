package io.github.slipway.ffs.internal.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.FileContent;
import io.github.slipway.ffs.ImageNode;
import io.github.slipway.ffs.Metadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tree index's numbering and its own sort, held to a plain sort and a plain walk. */
class TreeIndexTest {
    private static final Metadata MD = Metadata.of(0644, 0, 0, Instant.EPOCH);
    /** Characters whose UTF-8 bytes order differently from their UTF-16 units, and ASCII. */
    private static final String ALPHABET = "abcAB0-_.~é\u00ff\u0100\u07ff\u0800\uffee\uff01";

    private static String name(Random r) {
        StringBuilder b = new StringBuilder();
        int len = 1 + r.nextInt(12);
        for (int i = 0; i < len; i++) {
            if (r.nextInt(10) == 0) {
                b.appendCodePoint(0x10000 + r.nextInt(0x1000)); // a surrogate pair in UTF-16
            } else {
                b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }

    @Test
    void sortByBytesAgreesWithASortOfTheBytesOnRandomNames() {
        Random r = new Random(7);
        for (int round = 0; round < 2000; round++) {
            int n = r.nextInt(round < 1000 ? 40 : 600);
            Set<String> distinct = new HashSet<>();
            while (distinct.size() < n) {
                distinct.add(name(r));
            }
            List<String> list = new ArrayList<>(distinct);
            if (r.nextInt(4) == 0) {
                list.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                        b.getBytes(StandardCharsets.UTF_8)));
            }
            String[] names = list.toArray(new String[0]);
            byte[][] bytes = new byte[n][];
            for (int i = 0; i < n; i++) {
                bytes[i] = names[i].getBytes(StandardCharsets.UTF_8);
            }
            String[] expected = names.clone();
            Arrays.sort(expected, (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8)));

            TreeIndex.sortByBytes(names, bytes);

            assertThat(names).as("round %d, %d names", round, n).containsExactly(expected);
            for (int i = 0; i < n; i++) {
                assertThat(bytes[i]).isEqualTo(names[i].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void numbersEachNodeOnceListsEntriesInOrderAndKeepsSizesAndTargets() {
        Random r = new Random(11);
        ImageNode root = ImageNode.directory(MD);
        List<ImageNode> dirs = new ArrayList<>(List.of(root));
        List<ImageNode> files = new ArrayList<>();
        Set<ImageNode> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        distinct.add(root);
        for (int i = 0; i < 3000; i++) {
            ImageNode dir = dirs.get(r.nextInt(dirs.size()));
            String name = name(r);
            if (name.equals(".") || name.equals("..") || dir.child(name).isPresent()) {
                continue;
            }
            ImageNode node;
            int kind = r.nextInt(10);
            if (kind < 2) {
                node = ImageNode.directory(MD);
                dirs.add(node);
            } else if (kind < 3 && !files.isEmpty()) {
                node = files.get(r.nextInt(files.size())); // a hard link
            } else if (kind < 4) {
                node = ImageNode.symlink(MD, "target-" + i);
            } else {
                node = ImageNode.file(MD, FileContent.of(Path.of("/none"), r.nextInt(100_000)));
                files.add(node);
            }
            dir.add(name, node);
            distinct.add(node);
        }
        // link counts the plain way: a directory 2 and one per subdirectory, others one per name
        java.util.Map<ImageNode, Integer> links = new java.util.IdentityHashMap<>();
        for (ImageNode dir : dirs) {
            links.merge(dir, 2, Integer::sum);
            for (String name : dir.names()) {
                ImageNode c = dir.child(name).orElseThrow();
                links.merge(c.type() == EntryType.DIRECTORY ? dir : c, 1, Integer::sum);
            }
        }
        for (boolean sorted : new boolean[] {false, true}) {
            TreeIndex index = TreeIndex.of(root, sorted);
            long estimate = 0;
            for (int id = 0; id < index.size(); id++) {
                ImageNode node = index.nodes[id];
                assertThat(index.linkCounts[id]).as("links of node %d", id).isEqualTo(links.get(node));
                if (node.type() == EntryType.DIRECTORY) {
                    // the size a directory buffer holding its entries ends up with
                    DirectoryBuffer buf = new DirectoryBuffer(java.nio.ByteOrder.LITTLE_ENDIAN);
                    buf.add(new byte[] {'.'}, 1, 4);
                    buf.add(new byte[] {'.', '.'}, 1, 4);
                    for (byte[] nb : index.nameBytes[id]) {
                        buf.add(nb, 1, 8);
                    }
                    // makefs' estimate stops at the last entry's end; the buffer fills its last chunk
                    assertThat((index.dirBytes[id] + 511) / 512 * 512).as("bytes of directory %d", id)
                            .isEqualTo(buf.size());
                    assertThat(index.dirBytes[id]).isGreaterThan(buf.size() - 512);
                    estimate += (buf.size() + 1023) / 1024 * 1024;
                } else if (node.type() == EntryType.FILE) {
                    estimate += (node.content().orElseThrow().size() + 1023) / 1024 * 1024;
                } else if (node.linkTarget().orElseThrow().length() + 1 >= 60) {
                    estimate += 1024; // the targets here are ASCII and shorter than 1 KB
                }
            }
            assertThat(index.estimate(1024)).isEqualTo(estimate);
            assertThat(index.estimate(2048)).isGreaterThan(estimate);
            assertThat(index.estimate(1024)).isEqualTo(estimate);
            assertThat(index.size()).isEqualTo(distinct.size());
            assertThat(index.nodes[0]).isSameAs(root);
            Set<ImageNode> numbered = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            numbered.addAll(Arrays.asList(index.nodes));
            assertThat(numbered).hasSize(index.size());
            for (int id = 0; id < index.size(); id++) {
                ImageNode node = index.nodes[id];
                assertThat(index.isDirectory(id)).isEqualTo(node.type() == EntryType.DIRECTORY);
                assertThat(index.fileSizes[id]).isEqualTo(node.type() == EntryType.FILE
                        ? node.content().orElseThrow().size() : -1);
                assertThat(index.linkTargets[id]).isEqualTo(node.type() == EntryType.SYMLINK
                        ? node.linkTarget().orElseThrow().getBytes(StandardCharsets.UTF_8) : null);
                if (!index.isDirectory(id)) {
                    continue;
                }
                List<String> expected = new ArrayList<>(node.names());
                if (sorted) {
                    expected.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                            b.getBytes(StandardCharsets.UTF_8)));
                }
                assertThat(index.names[id]).containsExactlyElementsOf(expected);
                for (int k = 0; k < expected.size(); k++) {
                    assertThat(index.nodes[index.entries[id][k]]).isSameAs(node.child(expected.get(k)).orElseThrow());
                    assertThat(index.nameBytes[id][k]).isEqualTo(expected.get(k).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void aDirectoryUnderTwoNamesIsRefused() {
        ImageNode root = ImageNode.directory(MD);
        ImageNode sub = ImageNode.directory(MD);
        root.add("a", sub);
        root.add("b", sub);
        assertThatThrownBy(() -> TreeIndex.of(root, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("directory linked twice: b");
    }
}
