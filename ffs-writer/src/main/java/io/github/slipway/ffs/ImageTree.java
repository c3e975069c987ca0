package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The files an image will hold: a root directory {@link ImageNode} and everything below it.
 * Build one with the API or read host directories the way makefs walks them.
 *
 * <pre>{@code
 * ImageTree tree = ImageTree.fromDirectories(List.of(Path.of("destdir"), Path.of("overlay")));
 * tree.lookup("etc/rc").ifPresent(rc -> rc.setMetadata(rc.metadata().withPermissions(0755)));
 * FfsWriter.write(tree, MakefsOptions.defaults(), Path.of("root.img"));
 * }</pre>
 */
public final class ImageTree {
    private final ImageNode root;

    private ImageTree(ImageNode root) {
        if (root.type() != EntryType.DIRECTORY) {
            throw new IllegalArgumentException("the root must be a directory, not " + root.type());
        }
        this.root = root;
    }

    /**
     * A tree with the given root directory.
     *
     * @param root a directory node
     * @return the tree
     * @throws IllegalArgumentException if {@code root} is not a directory
     */
    public static ImageTree of(ImageNode root) {
        return new ImageTree(Objects.requireNonNull(root, "root"));
    }

    /** {@return the root directory} */
    public ImageNode root() {
        return root;
    }

    /**
     * Finds a node by path.
     *
     * @param path slash-separated, relative to the root ({@code ""}, {@code "."} and {@code "./x"}
     *     work too)
     * @return the node there, or empty if some component is missing
     */
    public Optional<ImageNode> lookup(String path) {
        ImageNode cur = root;
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            Optional<ImageNode> next = cur.child(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            cur = next.get();
        }
        return Optional.of(cur);
    }

    /**
     * Applies an mtree spec as makefs {@code -F} does (walk.c's {@code apply_specfile}): existing
     * entries take the spec's type-checked values, entries only in the spec are inserted after
     * "." of their directory (so they end up in reverse spec order), {@code optional} entries are
     * created only if the host has them, and with {@code onlySpec} ({@code -x}) entries the spec
     * lacks are dropped.
     *
     * @param spec the parsed spec
     * @param hostRoot the source directory, for {@code optional} and for the contents of files
     *     the spec creates with a {@code size}
     * @param onlySpec {@code -x}: drop entries the spec does not list
     * @param startTime the times of created entries and the ctime of entries with a {@code time}
     * @throws MtreeFormatException naming the spec line and entry at fault
     * @throws IOException if a host file the spec refers to cannot be read
     */
    public void applySpec(MtreeSpec spec, Path hostRoot, boolean onlySpec, Instant startTime) throws IOException {
        SpecApplication.apply(this, spec, hostRoot, onlySpec, startTime);
    }

    /**
     * Reads host directories like makefs: the first gives the root's attributes, the others are
     * merged into it (directories merge, other clashes are errors). Entries keep the host's
     * {@code readdir} order, which {@code --compat} uses; the writer sorts them otherwise.
     * Sockets are skipped, as makefs does; hard links within the tree become shared nodes.
     *
     * @param dirs the source directories, at least one
     * @return the merged tree
     * @throws java.nio.file.FileSystemException naming the host path that could not be read or used
     *     as file and the problem as reason ({@code NoSuchFileException} for a missing one,
     *     {@code AccessDeniedException} for an unreadable one)
     * @throws IOException for other I/O failures
     * @throws IllegalArgumentException if {@code dirs} is empty
     */
    public static ImageTree fromDirectories(List<Path> dirs) throws IOException {
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException("no source directory");
        }
        return new ImageTree(HostWalk.walk(dirs));
    }
}
