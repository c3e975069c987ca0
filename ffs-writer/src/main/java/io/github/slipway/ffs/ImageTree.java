package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<List<Object>, ImageNode> links = new HashMap<>();
        ImageNode root = null;
        for (Path dir : dirs) {
            Map<String, Object> attrs = attributes(dir);
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(dir.toString(), null, "not a directory");
            }
            if (root == null) {
                root = ImageNode.directory(metadata(attrs));
            }
            walk(dir, root, links);
        }
        return new ImageTree(root);
    }

    private static Map<String, Object> attributes(Path p) throws IOException {
        try {
            return Files.readAttributes(p,
                    "unix:mode,uid,gid,size,lastAccessTime,lastModifiedTime,ctime,nlink,dev,ino,rdev",
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw withReason(e, p, "cannot stat: " + reason(e));
        }
    }

    /**
     * The failure {@code e} about {@code p} as the same kind of {@link FileSystemException}, with
     * the path in its file field and {@code reason} as its reason, so that callers can tell a
     * missing file from a denied one and still print one {@code path: reason} line.
     */
    private static FileSystemException withReason(IOException e, Path p, String reason) {
        String file = p.toString();
        FileSystemException f;
        if (e instanceof java.nio.file.NoSuchFileException) {
            f = new java.nio.file.NoSuchFileException(file, null, reason);
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            f = new java.nio.file.AccessDeniedException(file, null, reason);
        } else {
            f = new FileSystemException(file, null, reason);
        }
        f.initCause(e);
        return f;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Metadata metadata(Map<String, Object> a) {
        int mode = (Integer) a.get("mode");
        long uid = Integer.toUnsignedLong((Integer) a.get("uid"));
        long gid = Integer.toUnsignedLong((Integer) a.get("gid"));
        Instant atime = ((FileTime) a.get("lastAccessTime")).toInstant();
        Instant mtime = ((FileTime) a.get("lastModifiedTime")).toInstant();
        Instant ctime = ((FileTime) a.get("ctime")).toInstant();
        return new Metadata(mode & 07777, uid, gid, atime, mtime, ctime, 0);
    }

    private static void walk(Path dir, ImageNode node, Map<List<Object>, ImageNode> links) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                try {
                    ImageNode.checkName(name);
                } catch (IllegalArgumentException e) {
                    throw (FileSystemException) new FileSystemException(p.toString(), null, e.getMessage()).initCause(e);
                }
                Map<String, Object> a = attributes(p);
                int mode = (Integer) a.get("mode");
                EntryType type = EntryType.fromMode(mode);
                if (type == EntryType.SOCKET) {
                    continue;
                }
                Optional<ImageNode> existing = node.child(name);
                if (existing.isPresent()) {
                    if (type == EntryType.DIRECTORY && existing.get().type() == EntryType.DIRECTORY) {
                        walk(p, existing.get(), links);
                        continue;
                    }
                    throw new FileSystemException(p.toString(), null, "cannot merge " + type.mtreeName() + " with existing "
                            + existing.get().type().mtreeName());
                }
                if (type == EntryType.DIRECTORY) {
                    ImageNode child = ImageNode.directory(metadata(a));
                    node.add(name, child);
                    walk(p, child, links);
                    continue;
                }
                int nlink = (Integer) a.get("nlink");
                List<Object> key = List.of(a.get("dev"), a.get("ino"));
                if (nlink > 1 && links.containsKey(key)) {
                    node.add(name, links.get(key));
                    continue;
                }
                ImageNode child = leaf(p, type, a);
                if (nlink > 1) {
                    links.put(key, child);
                }
                node.add(name, child);
            }
        } catch (java.nio.file.DirectoryIteratorException e) {
            throw withReason(e.getCause(), dir, "cannot read directory: " + reason(e.getCause()));
        } catch (java.nio.file.AccessDeniedException e) {
            throw withReason(e, dir, "cannot read directory: permission denied");
        }
    }

    private static ImageNode leaf(Path p, EntryType type, Map<String, Object> a) throws IOException {
        Metadata m = metadata(a);
        return switch (type) {
            case FILE -> ImageNode.file(m, FileContent.of(p, (Long) a.get("size")));
            case SYMLINK -> ImageNode.symlink(m, Files.readSymbolicLink(p).toString());
            case CHAR_DEVICE, BLOCK_DEVICE -> {
                long rdev = (Long) a.get("rdev");
                // glibc's dev_t layout (sys/sysmacros.h)
                int major = (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
                int minor = (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
                try {
                    yield ImageNode.device(type, m, new DeviceNumber(major, minor));
                } catch (IllegalArgumentException e) {
                    throw (FileSystemException) new FileSystemException(p.toString(), null,
                            "device number does not fit NetBSD's dev_t: " + e.getMessage()).initCause(e);
                }
            }
            case FIFO -> ImageNode.fifo(m);
            default -> throw new FileSystemException(p.toString(), null, "unsupported file type " + type);
        };
    }
}
