package io.github.slipway.examples.internal;

import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.ImageNode;
import io.github.slipway.ffs.ImageTree;
import io.github.slipway.ffs.Metadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The ship as it is being assembled: an {@link ImageTree} addressed by absolute paths
 * ({@code /usr/bin/ls}), whose missing directories are made on the way, and whose symbolic links
 * are followed inside the tree (chroot semantics) when a path goes through them, as {@code cp}
 * and {@code rsync} into the ship folder would.
 *
 * <pre>{@code
 * StagedTree t = new StagedTree(dirMetadata);
 * t.putLink("/lib", "usr/lib");
 * t.put("/lib/libc.so.6", fileNode, true);     // lands in /usr/lib/libc.so.6
 * }</pre>
 */
public final class StagedTree {
    /** Links followed per lookup at most, as the kernel's MAXSYMLINKS. */
    private static final int MAX_LINKS = 32;

    private final ImageNode root;
    private final Metadata directory;

    /**
     * An empty tree.
     *
     * @param directory the metadata of the root and of every directory made on the way
     */
    public StagedTree(Metadata directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.root = ImageNode.directory(directory);
    }

    /** The root directory. */
    public ImageNode root() {
        return root;
    }

    /** The tree for the writer. */
    public ImageTree tree() {
        return ImageTree.of(root);
    }

    /** Splits an absolute path into its names, dropping empty and "." parts. */
    static List<String> names(String path) throws IOException {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                throw new IOException(path + ": '..' is not allowed in a ship path");
            }
            out.add(p);
        }
        return out;
    }

    /**
     * The directory at {@code path}, made (with every missing parent) if absent; links on the way
     * are followed inside the tree.
     *
     * @throws IOException if a component is something other than a directory or a link to one
     */
    public ImageNode mkdirs(String path) throws IOException {
        return walk(path, true, new int[] {0}).orElseThrow(); // with create, every name is made
    }

    /** The directory at {@code path}; empty when a name is missing and {@code create} is false. */
    private Optional<ImageNode> walk(String path, boolean create, int[] links) throws IOException {
        ImageNode cur = root;
        List<String> done = new ArrayList<>();
        List<String> parts = names(path);
        for (int i = 0; i < parts.size(); i++) {
            String name = parts.get(i);
            Optional<ImageNode> next = cur.child(name);
            if (next.isEmpty()) {
                if (!create) {
                    return Optional.empty();
                }
                ImageNode d = ImageNode.directory(directory);
                cur.add(name, d);
                cur = d;
                done.add(name);
                continue;
            }
            ImageNode n = next.get();
            if (n.type() == EntryType.SYMLINK) {
                if (++links[0] > MAX_LINKS) {
                    throw new IOException(path + ": too many levels of symbolic links in the ship");
                }
                String target = n.linkTarget().orElse("");
                String base = target.startsWith("/") ? "" : "/" + String.join("/", done);
                Optional<ImageNode> t = walk(base + "/" + target, create, links);
                if (t.isEmpty()) {
                    return Optional.empty();
                }
                cur = t.get();
                // the link's own place no longer names where we are: continue from its target
                done = new ArrayList<>(resolvedNames(base + "/" + target));
                continue;
            }
            if (n.type() != EntryType.DIRECTORY) {
                throw new IOException(path + ": /" + String.join("/", done) + (done.isEmpty() ? "" : "/") + name
                        + " is a " + n.type().mtreeName() + " in the ship, not a directory");
            }
            cur = n;
            done.add(name);
        }
        return Optional.of(cur);
    }

    /** The names of a path with ".." applied lexically (for the position after a link). */
    private static List<String> resolvedNames(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(p);
        }
        return out;
    }

    /** The node at {@code path}, following links in its directories (not the last name). */
    public Optional<ImageNode> lookup(String path) throws IOException {
        List<String> parts = names(path);
        if (parts.isEmpty()) {
            return Optional.of(root);
        }
        String parent = "/" + String.join("/", parts.subList(0, parts.size() - 1));
        return walk(parent, false, new int[] {0}).flatMap(dir -> dir.child(parts.get(parts.size() - 1)));
    }

    /**
     * Puts {@code node} at {@code path}.
     *
     * @param replace whether a non-directory already there is replaced (else it is kept)
     * @return whether the node was put
     * @throws IOException if a directory is in the way of a non-directory or the other way round
     */
    public boolean put(String path, ImageNode node, boolean replace) throws IOException {
        List<String> parts = names(path);
        if (parts.isEmpty()) {
            throw new IOException("/: cannot replace the root directory");
        }
        String name = parts.get(parts.size() - 1);
        ImageNode dir = mkdirs("/" + String.join("/", parts.subList(0, parts.size() - 1)));
        Optional<ImageNode> old = dir.child(name);
        if (old.isEmpty()) {
            dir.add(name, node);
            return true;
        }
        if (old.get() == node) {
            return false;
        }
        boolean oldDir = old.get().type() == EntryType.DIRECTORY;
        if (oldDir != (node.type() == EntryType.DIRECTORY)) {
            throw new IOException(path + ": a " + node.type().mtreeName() + " clashes with a "
                    + old.get().type().mtreeName() + " already in the ship");
        }
        if (oldDir) {
            throw new IOException(path + ": directory already in the ship (merge it instead)");
        }
        if (!replace) {
            return false;
        }
        dir.replace(name, node);
        return true;
    }

    /**
     * Puts a symbolic link, unless the same link is there already.
     *
     * @throws IOException if something else is at {@code path}
     */
    public void putLink(String path, String target, Metadata metadata) throws IOException {
        Optional<ImageNode> old = lookup(path);
        if (old.isPresent()) {
            ImageNode o = old.get();
            if (o.type() == EntryType.SYMLINK && o.linkTarget().orElse("").equals(target)) {
                return;
            }
            throw new IOException(path + ": link -> " + target + " clashes with a " + o.type().mtreeName()
                    + (o.type() == EntryType.SYMLINK ? " -> " + o.linkTarget().orElse("") : "")
                    + " already in the ship");
        }
        put(path, ImageNode.symlink(metadata, target), false);
    }

    /**
     * Merges the entries of directory {@code source} into the directory at {@code path}, as
     * {@code rsync -a source/ ship/path/} does: directories merge and take the source's
     * attributes, everything else replaces what is there.
     *
     * @param onEntry called with each merged entry's ship path and node
     */
    public void merge(String path, ImageNode source, BiConsumer<String, ImageNode> onEntry) throws IOException {
        ImageNode dir = mkdirs(path);
        dir.setMetadata(source.metadata());
        String prefix = path.endsWith("/") ? path : path + "/";
        for (String name : source.names()) {
            ImageNode n = source.child(name).orElseThrow();
            String p = prefix + name;
            Optional<ImageNode> old = dir.child(name);
            if (n.type() == EntryType.DIRECTORY
                    && (old.isEmpty() || old.get().type() == EntryType.DIRECTORY
                        || old.get().type() == EntryType.SYMLINK)) {
                merge(p, n, onEntry);
                continue;
            }
            if (old.isPresent() && old.get().type() == EntryType.DIRECTORY) {
                throw new IOException(p + ": a " + n.type().mtreeName() + " clashes with a directory already in the ship");
            }
            if (old.isPresent()) {
                dir.replace(name, n);
            } else {
                dir.add(name, n);
            }
            onEntry.accept(p, n);
        }
    }

    /**
     * Calls {@code visitor} once per node (hard links once), with one of its paths, parents
     * before children, in name order.
     */
    public void forEach(BiConsumer<String, ImageNode> visitor) {
        Map<ImageNode, Boolean> seen = new IdentityHashMap<>();
        visit("", root, visitor, seen);
    }

    private static void visit(String path, ImageNode n, BiConsumer<String, ImageNode> v, Map<ImageNode, Boolean> seen) {
        if (seen.put(n, Boolean.TRUE) != null) {
            return;
        }
        v.accept(path.isEmpty() ? "/" : path, n);
        if (n.type() == EntryType.DIRECTORY) {
            List<String> names = new ArrayList<>(n.names());
            names.sort(null);
            for (String name : names) {
                visit(path + "/" + name, n.child(name).orElseThrow(), v, seen);
            }
        }
    }
}
