package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The host walk behind {@link ImageTree#fromDirectories}: makefs' {@code walk_dir}, with the
 * directories read and their entries' {@code lstat} done on several threads (on the 20,000-file
 * benchmark tree the system calls alone take about 100 ms on one core). The tree and any error
 * are the same as a one-thread depth-first walk gives: each directory keeps its {@code readdir}
 * order, and when several entries fail, the one such a walk meets first is reported.
 */
final class HostWalk {
    /** Directories with more entries than this have their entries' attributes read in parts. */
    private static final int STAT_CHUNK = 256;
    private static final String ATTRIBUTES =
            "unix:mode,uid,gid,size,lastAccessTime,lastModifiedTime,ctime,nlink,dev,ino,rdev";

    /** The lstat fields the walk uses. */
    record Stat(int mode, int uid, int gid, long size, Instant atime, Instant mtime, Instant ctime,
                        int nlink, long dev, long ino, long rdev) {
    }

    /**
     * Reads the JDK's own lstat result ({@code sun.nio.fs.UnixFileAttributes}, what
     * {@code readAttributes(p, PosixFileAttributes.class)} returns on Linux and the BSDs) field by
     * field, at the fields' offsets, through {@code sun.misc.Unsafe} (module jdk.unsupported,
     * there for such uses): without the {@code unix:} view's map, boxing and attribute-name
     * parsing (a third of the walk's CPU time), and without opening java.base to this code. The
     * jar's manifest used to open it ({@code Add-Opens}) for method handles on the accessors: the
     * launcher's module and lambda set-up, the handles' spun classes and a FileTime per time made
     * a one-file run 74 ms instead of 71, the 20,000-file tree 3-6% slower. Where the
     * class or one of its fields is not as expected (another JDK), or jdk.unsupported is not
     * readable (a module path without it), TYPE is null and the view is used.
     */
    private static final class Direct {
        static final Class<?> TYPE;
        static final sun.misc.Unsafe U;
        static final long MODE, UID, GID, NLINK, SIZE, DEV, INO, RDEV;
        static final long ATIME, ATIME_NS, MTIME, MTIME_NS, CTIME, CTIME_NS;

        static {
            Class<?> type = null;
            sun.misc.Unsafe u = null;
            long[] o = new long[14];
            try {
                Class<?> c = Class.forName("sun.nio.fs.UnixFileAttributes");
                java.lang.reflect.Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                u = (sun.misc.Unsafe) theUnsafe.get(null);
                String[] names = {"st_mode", "st_uid", "st_gid", "st_nlink", "st_size", "st_dev", "st_ino", "st_rdev",
                    "st_atime_sec", "st_atime_nsec", "st_mtime_sec", "st_mtime_nsec", "st_ctime_sec", "st_ctime_nsec"};
                for (int i = 0; i < names.length; i++) {
                    java.lang.reflect.Field f = c.getDeclaredField(names[i]);
                    Class<?> want = i < 4 ? int.class : long.class; // mode, uid, gid, nlink: int
                    if (f.getType() != want || java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                        throw new NoSuchFieldException(names[i] + " is " + f);
                    }
                    o[i] = u.objectFieldOffset(f);
                }
                type = c;
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // not this JDK's layout, or no jdk.unsupported: the unix: view it is
                type = null;
            }
            TYPE = type;
            U = u;
            MODE = o[0];
            UID = o[1];
            GID = o[2];
            NLINK = o[3];
            SIZE = o[4];
            DEV = o[5];
            INO = o[6];
            RDEV = o[7];
            ATIME = o[8];
            ATIME_NS = o[9];
            MTIME = o[10];
            MTIME_NS = o[11];
            CTIME = o[12];
            CTIME_NS = o[13];
        }

        /** The fields of {@code a}, an instance of {@link #TYPE}. */
        static Stat stat(Object a) {
            return new Stat(U.getInt(a, MODE), U.getInt(a, UID), U.getInt(a, GID), U.getLong(a, SIZE),
                    instant(U.getLong(a, ATIME), U.getLong(a, ATIME_NS)),
                    instant(U.getLong(a, MTIME), U.getLong(a, MTIME_NS)),
                    instant(U.getLong(a, CTIME), U.getLong(a, CTIME_NS)),
                    U.getInt(a, NLINK), U.getLong(a, DEV), U.getLong(a, INO), U.getLong(a, RDEV));
        }
    }

    /**
     * A time from lstat's seconds and nanoseconds, as {@link FileTime#toInstant()} gives it for
     * the JDK's own attributes: out of Instant's range, its end.
     */
    static Instant instant(long sec, long nsec) {
        if (sec < Instant.MIN.getEpochSecond()) {
            return Instant.MIN;
        }
        if (sec > Instant.MAX.getEpochSecond()) {
            return Instant.MAX;
        }
        return Instant.ofEpochSecond(sec, nsec);
    }

    /** Whether lstat results are read through {@link Direct} in this JVM (for tests). */
    static boolean direct() {
        return Direct.TYPE != null;
    }

    /** Hard-linked non-directories by (device, inode): the first node made stands for all. */
    private final Map<List<Object>, ImageNode> links = new ConcurrentHashMap<>();

    private HostWalk() {
    }

    static ImageNode walk(List<Path> dirs) throws IOException {
        HostWalk w = new HostWalk();
        ImageNode root = null;
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ForkJoinPool pool = threads > 1 ? new ForkJoinPool(threads) : null;
        try {
            for (Path dir : dirs) {
                Stat attrs = attributes(dir);
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileSystemException(dir.toString(), null, "not a directory");
                }
                if (root == null) {
                    root = ImageNode.directory(metadata(attrs));
                }
                DirTask task = w.new DirTask(dir, root);
                if (pool != null) {
                    pool.invoke(task);
                } else {
                    task.compute();
                }
                if (task.failure != null) {
                    throw task.failure;
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return root;
    }

    /**
     * Reads one directory into its node and walks its subdirectories as subtasks. The first
     * failure in depth-first order ends up in {@link #failure}: entries after a failed one are
     * not added, subdirectories before it are still walked (one of them may fail first).
     */
    private final class DirTask extends RecursiveAction {
        private final Path dir;
        private final ImageNode node;
        IOException failure;

        DirTask(Path dir, ImageNode node) {
            this.dir = dir;
            this.node = node;
        }

        @Override
        protected void compute() {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    entries.add(p);
                }
            } catch (DirectoryIteratorException e) {
                failure = withReason(e.getCause(), dir, "cannot read directory: " + reason(e.getCause()));
                return;
            } catch (AccessDeniedException e) {
                failure = withReason(e, dir, "cannot read directory: permission denied");
                return;
            } catch (IOException e) {
                failure = e;
                return;
            }
            Object[] stats = new Object[entries.size()];
            if (entries.size() > STAT_CHUNK && getPool() != null) {
                List<RecursiveAction> parts = new ArrayList<>();
                for (int from = 0; from < entries.size(); from += STAT_CHUNK) {
                    int start = from;
                    int end = Math.min(entries.size(), from + STAT_CHUNK);
                    parts.add(new RecursiveAction() {
                        @Override
                        protected void compute() {
                            stat(entries, stats, start, end);
                        }
                    });
                }
                invokeAll(parts);
            } else {
                stat(entries, stats, 0, entries.size());
            }
            List<DirTask> subdirs = new ArrayList<>();
            try {
                for (int i = 0; i < stats.length; i++) {
                    add(entries.get(i), stats[i], subdirs);
                }
            } catch (IOException e) {
                failure = e;
            }
            if (getPool() != null) {
                invokeAll(subdirs);
            } else {
                for (DirTask t : subdirs) {
                    t.compute();
                }
            }
            // the subdirectories listed before the failed entry come first in a depth-first walk
            for (DirTask t : subdirs) {
                if (t.failure != null) {
                    failure = t.failure;
                    break;
                }
            }
        }

        /** Adds one entry to the node, or a subtask for a directory. */
        private void add(Path p, Object stat, List<DirTask> subdirs) throws IOException {
            String name = p.getFileName().toString();
            try {
                ImageNode.checkName(name);
            } catch (IllegalArgumentException e) {
                throw (FileSystemException) new FileSystemException(p.toString(), null, e.getMessage()).initCause(e);
            }
            if (stat instanceof IOException e) {
                throw e;
            }
            Stat a = (Stat) stat;
            int mode = a.mode();
            EntryType type = EntryType.fromMode(mode);
            if (type == EntryType.SOCKET) {
                return;
            }
            Optional<ImageNode> existing = node.child(name);
            if (existing.isPresent()) {
                if (type == EntryType.DIRECTORY && existing.get().type() == EntryType.DIRECTORY) {
                    subdirs.add(new DirTask(p, existing.get()));
                    return;
                }
                throw new FileSystemException(p.toString(), null, "cannot merge " + type.mtreeName() + " with existing "
                        + existing.get().type().mtreeName());
            }
            if (type == EntryType.DIRECTORY) {
                ImageNode child = ImageNode.directory(metadata(a));
                node.add(name, child);
                subdirs.add(new DirTask(p, child));
                return;
            }
            int nlink = a.nlink();
            if (nlink <= 1) {
                node.add(name, leaf(p, type, a));
                return;
            }
            List<Object> key = List.of(a.dev(), a.ino());
            ImageNode shared = links.get(key);
            if (shared == null) {
                // the same file reached from two directories at once: one node wins, both use it
                ImageNode made = leaf(p, type, a);
                shared = links.putIfAbsent(key, made);
                if (shared == null) {
                    shared = made;
                }
            }
            node.add(name, shared);
        }
    }

    /** Reads the attributes of entries [from, to) into {@code out}: a map or the failure. */
    private static void stat(List<Path> entries, Object[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            try {
                out[i] = attributes(entries.get(i));
            } catch (IOException e) {
                out[i] = e;
            }
        }
    }

    static Stat attributes(Path p) throws IOException {
        try {
            if (Direct.TYPE != null) {
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.getClass() == Direct.TYPE) {
                    return Direct.stat(a);
                }
            }
            return viewStat(p);
        } catch (IOException e) {
            throw withReason(e, p, "cannot stat: " + reason(e));
        }
    }

    /** lstat through the unix: attribute view. */
    static Stat viewStat(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return new Stat((Integer) a.get("mode"), (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("size"),
                ((FileTime) a.get("lastAccessTime")).toInstant(), ((FileTime) a.get("lastModifiedTime")).toInstant(),
                ((FileTime) a.get("ctime")).toInstant(),
                (Integer) a.get("nlink"), (Long) a.get("dev"), (Long) a.get("ino"), (Long) a.get("rdev"));
    }

    /**
     * The failure {@code e} about {@code p} as the same kind of {@link FileSystemException}, with
     * the path in its file field and {@code reason} as its reason, so that callers can tell a
     * missing file from a denied one and still print one {@code path: reason} line.
     */
    private static FileSystemException withReason(IOException e, Path p, String reason) {
        String file = p.toString();
        FileSystemException f;
        if (e instanceof NoSuchFileException) {
            f = new NoSuchFileException(file, null, reason);
        } else if (e instanceof AccessDeniedException) {
            f = new AccessDeniedException(file, null, reason);
        } else {
            f = new FileSystemException(file, null, reason);
        }
        f.initCause(e);
        return f;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Metadata metadata(Stat a) {
        return new Metadata(a.mode() & 07777, Integer.toUnsignedLong(a.uid()), Integer.toUnsignedLong(a.gid()),
                a.atime(), a.mtime(), a.ctime(), 0);
    }

    private static ImageNode leaf(Path p, EntryType type, Stat a) throws IOException {
        Metadata m = metadata(a);
        return switch (type) {
            case FILE -> ImageNode.file(m, FileContent.of(p, a.size()));
            case SYMLINK -> ImageNode.symlink(m, Files.readSymbolicLink(p).toString());
            case CHAR_DEVICE, BLOCK_DEVICE -> {
                long rdev = a.rdev();
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
