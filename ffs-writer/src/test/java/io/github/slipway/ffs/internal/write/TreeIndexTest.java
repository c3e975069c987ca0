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
        for (boolean sorted : new boolean[] {false, true}) {
            TreeIndex index = TreeIndex.of(root, sorted);
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
