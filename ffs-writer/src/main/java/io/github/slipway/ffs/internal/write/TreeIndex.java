package io.github.slipway.ffs.internal.write;

import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.FileContent;
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
    /** Per node number: a regular file's content, null for other nodes. */
    final FileContent[] contents;
    /**
     * Per node number: its link count (a directory: 2 and one per subdirectory; another node:
     * the entries naming it), the same at every image size.
     */
    final int[] linkCounts;
    /**
     * Per node number: a directory's size in bytes as {@code ffs_size_dir} counts it (entries
     * packed so that none crosses a DIRBLKSIZ chunk, up to the end of the last one), 0 for
     * other nodes.
     */
    final int[] dirBytes;

    private TreeIndex(ImageNode[] nodes, int[][] entries, String[][] names, byte[][][] nameBytes,
                      byte[][] linkTargets, long[] fileSizes, FileContent[] contents, int[] linkCounts,
                      int[] dirBytes) {
        this.nodes = nodes;
        this.entries = entries;
        this.names = names;
        this.nameBytes = nameBytes;
        this.linkTargets = linkTargets;
        this.fileSizes = fileSizes;
        this.contents = contents;
        this.linkCounts = linkCounts;
        this.dirBytes = dirBytes;
    }

    /** The fragment size {@link #estimate} was last asked for, and its answer. */
    private int estimateFsize;
    private long estimateBytes = -1;

    /**
     * makefs' size estimate for the tree ({@code ffs_size_dir}: every distinct node's data and
     * every directory, each rounded up to {@code fsize}; no indirect blocks, no cg overhead),
     * worked out once per fragment size: every size trial of a search asks for the same one,
     * and walking the whole tree for it was a few ms of each layout.
     */
    synchronized long estimate(int fsize) {
        if (estimateBytes < 0 || estimateFsize != fsize) {
            long sum = 0;
            for (int id = 0; id < nodes.length; id++) {
                if (fileSizes[id] >= 0) {
                    sum += FfsImageBuilder.roundup(fileSizes[id], fsize);
                } else if (linkTargets[id] != null) {
                    int slen = linkTargets[id].length + 1;
                    if (slen >= FsState.MAXSYMLINKLEN_UFS1) {
                        sum += FfsImageBuilder.roundup(slen, fsize);
                    }
                } else if (entries[id] != null) {
                    sum += FfsImageBuilder.roundup(dirBytes[id], fsize);
                }
            }
            estimateBytes = sum;
            estimateFsize = fsize;
        }
        return estimateBytes;
    }

    /**
     * Numbers the tree under {@code root}.
     *
     * @param sorted whether entries are listed sorted by their UTF-8 bytes (default mode) rather
     *     than in the order the tree gives them (compat mode)
     * @throws IllegalArgumentException if a directory is reachable under two names
     */
    static TreeIndex of(ImageNode root, boolean sorted) {
        Numbering b = new Numbering(sorted);
        b.number(root);
        // directories are numbered when first seen and listed when taken from this stack; the
        // numbers only need to be stable, the builder walks the tree in its own order
        while (!b.pending.isEmpty()) {
            b.list(b.pending.remove(b.pending.size() - 1));
        }
        int count = b.nodes.size();
        byte[][] links = new byte[count][];
        long[] sizes = new long[count];
        FileContent[] contents = new FileContent[count];
        for (int i = 0; i < count; i++) {
            b.leaf(i, links, sizes, contents);
        }
        return new TreeIndex(b.nodes.toArray(new ImageNode[0]), b.entries.toArray(new int[0][]),
                b.names.toArray(new String[0][]), b.nameBytes.toArray(new byte[0][][]), links, sizes, contents,
                Arrays.copyOf(b.linkCounts, count), Arrays.copyOf(b.dirBytes, count));
    }

    /**
     * The numbering as it goes. The work is split into a method per directory and per entry:
     * this runs before the JIT has compiled anything of the writer, and a method called once
     * per entry is compiled after a few hundred calls, where one long loop body stays in the
     * interpreter (on 20,000 files the single-method form took 25-30 ms, a third of it
     * interpreted and a quarter sorting boxed indexes with a comparator).
     */
    private static final class Numbering {
        final boolean sorted;
        final Map<ImageNode, Integer> ids = new IdentityHashMap<>(1 << 12);
        final List<ImageNode> nodes = new ArrayList<>(1 << 12);
        final List<int[]> entries = new ArrayList<>(1 << 12);
        final List<String[]> names = new ArrayList<>(1 << 12);
        final List<byte[][]> nameBytes = new ArrayList<>(1 << 12);
        final List<ImageNode> pending = new ArrayList<>();
        /** Per node number so far (grown as nodes are numbered): link counts, directory sizes. */
        int[] linkCounts = new int[1 << 12];
        int[] dirBytes = new int[1 << 12];

        Numbering(boolean sorted) {
            this.sorted = sorted;
        }

        /** Gives {@code node} the next number, and queues it for listing if it is a directory. */
        int number(ImageNode node) {
            int id = nodes.size();
            if (id == linkCounts.length) {
                linkCounts = Arrays.copyOf(linkCounts, 2 * id);
                dirBytes = Arrays.copyOf(dirBytes, 2 * id);
            }
            ids.put(node, id);
            nodes.add(node);
            entries.add(null);
            names.add(null);
            nameBytes.add(null);
            if (node.type() == EntryType.DIRECTORY) {
                pending.add(node);
            }
            return id;
        }

        /** Lists a numbered directory's entries, numbering the nodes not seen yet. */
        void list(ImageNode dir) {
            int dirId = ids.get(dir);
            String[] nm = dir.names().toArray(new String[0]);
            int n = nm.length;
            byte[][] nb = new byte[n][];
            for (int i = 0; i < n; i++) {
                nb[i] = nm[i].getBytes(StandardCharsets.UTF_8);
            }
            if (sorted) {
                sortByBytes(nm, nb);
            }
            int[] kids = new int[n];
            // "." and "..", then the entries, packed as makefs packs them
            int bytes = DirectoryBuffer.packed(DirectoryBuffer.packed(0, 1), 2);
            int links = 2;
            for (int i = 0; i < n; i++) {
                int id = entry(dir, nm[i]);
                kids[i] = id;
                bytes = DirectoryBuffer.packed(bytes, nb[i].length);
                if (nodes.get(id).type() == EntryType.DIRECTORY) {
                    links++;
                } else {
                    linkCounts[id]++;
                }
            }
            linkCounts[dirId] = links;
            dirBytes[dirId] = bytes;
            entries.set(dirId, kids);
            names.set(dirId, nm);
            nameBytes.set(dirId, nb);
        }

        /** The number of the node {@code name} names in {@code dir}. */
        private int entry(ImageNode dir, String name) {
            ImageNode c = dir.child(name).orElseThrow();
            Integer id = ids.get(c);
            if (id == null) {
                return number(c);
            }
            if (c.type() == EntryType.DIRECTORY) {
                throw new IllegalArgumentException("directory linked twice: " + name);
            }
            return id;
        }

        /** Node {@code i}'s symbolic link target, file content and size. */
        void leaf(int i, byte[][] links, long[] sizes, FileContent[] contents) {
            ImageNode c = nodes.get(i);
            EntryType t = c.type();
            if (t == EntryType.FILE) {
                contents[i] = c.content().orElseThrow();
                sizes[i] = contents[i].size();
            } else {
                sizes[i] = -1;
            }
            if (t == EntryType.SYMLINK) {
                links[i] = c.linkTarget().orElseThrow().getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * Sorts {@code names} and their UTF-8 bytes {@code bytes} (the same order) by the bytes,
     * compared unsigned (default mode's entry order): a merge sort on the two arrays (no boxed
     * indexes, no comparator), nothing to do when they are sorted already. Names in a directory
     * are distinct, so stability does not matter.
     */
    static void sortByBytes(String[] names, byte[][] bytes) {
        int n = bytes.length;
        int i = 1;
        while (i < n && Arrays.compareUnsigned(bytes[i - 1], bytes[i]) < 0) {
            i++;
        }
        if (i >= n) {
            return;
        }
        mergeSort(names.clone(), bytes.clone(), names, bytes, 0, n);
    }

    /** Sorts [lo, hi) of {@code srcN}/{@code srcB} into {@code dstN}/{@code dstB}; src and dst start equal. */
    private static void mergeSort(String[] srcN, byte[][] srcB, String[] dstN, byte[][] dstB, int lo, int hi) {
        if (hi - lo < 16) {
            // insertion sort in dst
            for (int i = lo + 1; i < hi; i++) {
                byte[] kb = dstB[i];
                String kn = dstN[i];
                int j = i - 1;
                while (j >= lo && Arrays.compareUnsigned(dstB[j], kb) > 0) {
                    dstB[j + 1] = dstB[j];
                    dstN[j + 1] = dstN[j];
                    j--;
                }
                dstB[j + 1] = kb;
                dstN[j + 1] = kn;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        // sort each half of dst into src, then merge them back into dst
        mergeSort(dstN, dstB, srcN, srcB, lo, mid);
        mergeSort(dstN, dstB, srcN, srcB, mid, hi);
        int p = lo;
        int q = mid;
        for (int k = lo; k < hi; k++) {
            if (q >= hi || (p < mid && Arrays.compareUnsigned(srcB[p], srcB[q]) <= 0)) {
                dstB[k] = srcB[p];
                dstN[k] = srcN[p++];
            } else {
                dstB[k] = srcB[q];
                dstN[k] = srcN[q++];
            }
        }
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
