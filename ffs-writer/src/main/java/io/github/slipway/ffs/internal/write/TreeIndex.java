package io.github.slipway.ffs.internal.write;

import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.ImageNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree as the builder walks it, worked out once per image and shared by every size trial:
 * each distinct node numbered (a hard-linked node once, the root 0), each directory's entries in
 * the order the image lists them (as given in compat mode, else sorted by their UTF-8 bytes) with
 * their names already encoded. A layout run then keeps its per-node state in arrays indexed by
 * these numbers instead of re-encoding, re-sorting and hashing names and nodes on every pass.
 */
final class TreeIndex {
    /** Every distinct node by number, the root first. */
    final ImageNode[] nodes;
    /** Per node number: a directory's entries (node numbers) in image order; null for others. */
    final int[][] entries;
    /** Per node number: a directory's entry names, in the same order; null for others. */
    final String[][] names;
    /** The same names as UTF-8 bytes. */
    final byte[][][] nameBytes;
    /** Per node number: a symbolic link's target as UTF-8 bytes; null for others. */
    final byte[][] linkTargets;
    /**
     * Per node number: a regular file's size in bytes, -1 for other nodes (the size search sums
     * them before its first layout, when a loop over the nodes themselves still runs in the
     * interpreter: 7 ms on 20,000 files).
     */
    final long[] fileSizes;

    private TreeIndex(ImageNode[] nodes, int[][] entries, String[][] names, byte[][][] nameBytes,
                      byte[][] linkTargets, long[] fileSizes) {
        this.nodes = nodes;
        this.entries = entries;
        this.names = names;
        this.nameBytes = nameBytes;
        this.linkTargets = linkTargets;
        this.fileSizes = fileSizes;
    }

    /**
     * Numbers the tree under {@code root}.
     *
     * @param sorted whether entries are listed sorted by their UTF-8 bytes (default mode) rather
     *     than in the order the tree gives them (compat mode)
     * @throws IllegalArgumentException if a directory is reachable under two names
     */
    static TreeIndex of(ImageNode root, boolean sorted) {
        Map<ImageNode, Integer> ids = new IdentityHashMap<>();
        List<ImageNode> nodes = new ArrayList<>();
        List<int[]> entries = new ArrayList<>();
        List<String[]> names = new ArrayList<>();
        List<byte[][]> nameBytes = new ArrayList<>();
        ids.put(root, 0);
        nodes.add(root);
        entries.add(null);
        names.add(null);
        nameBytes.add(null);
        // directories are numbered when first seen and listed when taken from this stack; the
        // numbers only need to be stable, the builder walks the tree in its own order
        List<ImageNode> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            ImageNode dir = pending.remove(pending.size() - 1);
            int dirId = ids.get(dir);
            List<String> given = dir.names();
            int n = given.size();
            String[] nm = given.toArray(new String[0]);
            byte[][] nb = new byte[n][];
            for (int i = 0; i < n; i++) {
                nb[i] = nm[i].getBytes(StandardCharsets.UTF_8);
            }
            if (sorted) {
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(nb[a], nb[b]));
                String[] nm2 = new String[n];
                byte[][] nb2 = new byte[n][];
                for (int i = 0; i < n; i++) {
                    nm2[i] = nm[order[i]];
                    nb2[i] = nb[order[i]];
                }
                nm = nm2;
                System.arraycopy(nb2, 0, nb, 0, n);
            }
            int[] kids = new int[n];
            for (int i = 0; i < n; i++) {
                ImageNode c = dir.child(nm[i]).orElseThrow();
                Integer id = ids.get(c);
                if (id == null) {
                    id = nodes.size();
                    ids.put(c, id);
                    nodes.add(c);
                    entries.add(null);
                    names.add(null);
                    nameBytes.add(null);
                    if (c.type() == EntryType.DIRECTORY) {
                        pending.add(c);
                    }
                } else if (c.type() == EntryType.DIRECTORY) {
                    throw new IllegalArgumentException("directory linked twice: " + nm[i]);
                }
                kids[i] = id;
            }
            entries.set(dirId, kids);
            names.set(dirId, nm);
            nameBytes.set(dirId, nb);
        }
        byte[][] links = new byte[nodes.size()][];
        long[] sizes = new long[nodes.size()];
        for (int i = 0; i < links.length; i++) {
            ImageNode c = nodes.get(i);
            EntryType t = c.type();
            sizes[i] = t == EntryType.FILE ? c.content().orElseThrow().size() : -1;
            if (t == EntryType.SYMLINK) {
                links[i] = c.linkTarget().orElseThrow().getBytes(StandardCharsets.UTF_8);
            }
        }
        return new TreeIndex(nodes.toArray(new ImageNode[0]), entries.toArray(new int[0][]),
                names.toArray(new String[0][]), nameBytes.toArray(new byte[0][][]), links, sizes);
    }

    /** How many distinct nodes the tree has, the root included. */
    int size() {
        return nodes.length;
    }

    /** Whether node {@code id} is a directory. */
    boolean isDirectory(int id) {
        return entries[id] != null;
    }
}
