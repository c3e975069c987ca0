package io.github.slipway.ffs.oracle;

import io.github.slipway.ffs.DeviceNumber;
import io.github.slipway.ffs.EntryType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Sleuth Kit as an independent reader of UFS1 images, for oracle tests: {@code fls -r -p}
 * lists the paths and types, {@code ils -e} gives every inode's mode, owner, size, link count and
 * mtime in one run, {@code istat} a symlink's target, {@code icat} the file data. The Sleuth Kit does not print device numbers,
 * so {@link Entry#device()} is read from {@code di_rdev} in the inode bytes, at the place
 * {@code fsstat}'s per-group "Inode Table" fragments say, in the byte order of the superblock
 * magic. A missing tool is an {@link IOException} (tests fail, they never skip).
 *
 * <pre>{@code
 * Map<String, SleuthKit.Entry> files = SleuthKit.byPath(image);
 * assertThat(files.get("dev/null").device()).contains(new DeviceNumber(2, 2));
 * byte[] data = SleuthKit.content(image, files.get("etc/rc").inode());
 * }</pre>
 */
public final class SleuthKit {
    private static final long TIMEOUT_SECONDS = 120;
    private static final int SBLOCK_UFS1 = 8192;
    private static final int FS_MAGIC_OFFSET = 1372;
    private static final int FS_UFS1_MAGIC = 0x011954;
    private static final int UFS1_DINODE_SIZE = 128;
    private static final int DI_RDEV_OFFSET = 40; // di_db[0] holds the device number

    private SleuthKit() {}

    /**
     * One file as the Sleuth Kit sees it.
     *
     * @param path the path from fls -p, without a leading slash ({@code dev/null}); control
     *     characters come out as {@code ^} (see {@link #flsName})
     * @param inode the inode number
     * @param type the type from fls
     * @param mode the permission bits, 07777 at most (ils)
     * @param uid the owner (ils)
     * @param gid the group (ils)
     * @param size the size (ils)
     * @param nlink the link count (ils)
     * @param mtime the modification time, whole seconds (ils)
     * @param linkTarget istat's "symbolic link to"
     * @param device for device nodes, di_rdev as a NetBSD device number
     * @param content for regular files when asked for, icat's output
     */
    public record Entry(String path, long inode, EntryType type, int mode, long uid, long gid, long size,
            long nlink, Instant mtime, Optional<String> linkTarget, Optional<DeviceNumber> device,
            Optional<byte[]> content) {}

    /** Every allocated file and directory but the root, in fls order, without contents. */
    public static List<Entry> list(Path image) throws IOException {
        return list(image, false);
    }

    /** As {@link #list(Path)}, with the content of every regular file read by icat. */
    public static List<Entry> listWithContents(Path image) throws IOException {
        return list(image, true);
    }

    /** {@link #list(Path)} keyed by path. */
    public static Map<String, Entry> byPath(Path image) throws IOException {
        Map<String, Entry> m = new LinkedHashMap<>();
        for (Entry e : list(image)) {
            m.put(e.path(), e);
        }
        return m;
    }

    /** The data of inode {@code inode}, by {@code icat -f ufs1}. */
    public static byte[] content(Path image, long inode) throws IOException {
        Result r = exec("icat", "-f", "ufs1", tskImage(image), Long.toString(inode));
        if (r.exit != 0) {
            throw new IOException("icat " + image + " " + inode + " exited " + r.exit + ": " + r.stderr);
        }
        return r.stdout;
    }

    private static final Pattern FLS_LINE = Pattern.compile("^(.)/(.) (\\* )?(\\d+)(?:\\([^)]*\\))?:\\t(.*)$");

    private static List<Entry> list(Path image, boolean contents) throws IOException {
        Result fls = exec("fls", "-r", "-p", "-f", "ufs1", tskImage(image));
        if (fls.exit != 0) {
            throw new IOException("fls " + image + " exited " + fls.exit + ": " + fls.stderr);
        }
        Map<Long, long[]> inodes = ils(image);
        InodeLocator locator = null;
        List<Entry> out = new ArrayList<>();
        for (String line : new String(fls.stdout, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = FLS_LINE.matcher(line);
            if (!m.matches()) {
                throw new IOException("fls " + image + ": cannot parse line `" + line + "'");
            }
            if (m.group(3) != null || m.group(1).equals("V") || m.group(2).equals("V")) {
                continue; // deleted names and TSK's virtual $OrphanFiles
            }
            EntryType type = typeOf(m.group(2).charAt(0), line);
            long inode = Long.parseLong(m.group(4));
            String path = m.group(5);
            long[] a = inodes.get(inode);
            if (a == null) {
                throw new IOException("ils " + image + " does not list inode " + inode + " of " + path);
            }
            Optional<String> target = type == EntryType.SYMLINK ? Optional.of(linkTarget(image, inode))
                    : Optional.empty();
            Optional<DeviceNumber> device = Optional.empty();
            if (type.isDevice()) {
                if (locator == null) {
                    locator = InodeLocator.of(image);
                }
                device = Optional.of(DeviceNumber.decode(locator.rdev(inode)));
            }
            Optional<byte[]> data = contents && type == EntryType.FILE ? Optional.of(content(image, inode))
                    : Optional.empty();
            out.add(new Entry(path, inode, type, (int) a[ILS_MODE], a[ILS_UID], a[ILS_GID], a[ILS_SIZE],
                    a[ILS_NLINK], Instant.ofEpochSecond(a[ILS_MTIME]), target, device, data));
        }
        return out;
    }

    /**
     * How fls prints a name: the Sleuth Kit replaces control characters (below U+0020) with
     * {@code ^}, so names that differ only there cannot be told apart.
     */
    public static String flsName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c < ' ' ? '^' : c);
        }
        return b.toString();
    }

    private static final int ILS_UID = 0;
    private static final int ILS_GID = 1;
    private static final int ILS_MTIME = 2;
    private static final int ILS_MODE = 3;
    private static final int ILS_NLINK = 4;
    private static final int ILS_SIZE = 5;

    /** {@code ils -e}: every inode's uid, gid, mtime, permission bits, link count and size. */
    private static Map<Long, long[]> ils(Path image) throws IOException {
        Result r = exec("ils", "-e", "-f", "ufs1", tskImage(image));
        if (r.exit != 0) {
            throw new IOException("ils " + image + " exited " + r.exit + ": " + r.stderr);
        }
        Map<Long, long[]> m = new java.util.HashMap<>();
        boolean header = false;
        for (String line : new String(r.stdout, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("st_ino|")) {
                if (!line.equals("st_ino|st_alloc|st_uid|st_gid|st_mtime|st_atime|st_ctime|st_crtime|st_mode"
                        + "|st_nlink|st_size")) {
                    throw new IOException("ils: unexpected columns `" + line + "'");
                }
                header = true;
                continue;
            }
            if (!header || line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != 11) {
                throw new IOException("ils: cannot parse line `" + line + "'");
            }
            int mode = Integer.parseInt(f[8], 8);
            if ((mode & ~07777) != 0) {
                throw new IOException("ils: mode with type bits in `" + line + "'");
            }
            m.put(Long.parseLong(f[0]), new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]), mode, Long.parseLong(f[9]), Long.parseLong(f[10])});
        }
        if (!header) {
            throw new IOException("ils " + image + ": no header line");
        }
        return m;
    }

    /** istat's "symbolic link to:" line for {@code inode}. */
    private static String linkTarget(Path image, long inode) throws IOException {
        Result r = exec("istat", "-f", "ufs1", tskImage(image), Long.toString(inode));
        if (r.exit != 0) {
            throw new IOException("istat " + image + " " + inode + " exited " + r.exit + ": " + r.stderr);
        }
        for (String line : new String(r.stdout, StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("symbolic link to: ")) {
                return line.substring(18);
            }
        }
        throw new IOException("istat " + image + " " + inode + ": no symbolic link line");
    }

    private static EntryType typeOf(char c, String line) throws IOException {
        return switch (c) {
            case 'r' -> EntryType.FILE;
            case 'd' -> EntryType.DIRECTORY;
            case 'l' -> EntryType.SYMLINK;
            case 'c' -> EntryType.CHAR_DEVICE;
            case 'b' -> EntryType.BLOCK_DEVICE;
            case 'p' -> EntryType.FIFO;
            case 's', 'h' -> EntryType.SOCKET; // fls: entry type s, inode type h
            default -> throw new IOException("fls: unknown type `" + c + "' in `" + line + "'");
        };
    }

    /** Finds inodes in the image from fsstat's group table and reads di_rdev. */
    private static final class InodeLocator {
        private final Path image;
        private final ByteOrder order;
        private final long fragSize;
        private final List<long[]> groups; // {firstInode, lastInode, firstTableFrag}

        private InodeLocator(Path image, ByteOrder order, long fragSize, List<long[]> groups) {
            this.image = image;
            this.order = order;
            this.fragSize = fragSize;
            this.groups = groups;
        }

        static InodeLocator of(Path image) throws IOException {
            Result r = exec("fsstat", "-f", "ufs1", tskImage(image));
            if (r.exit != 0) {
                throw new IOException("fsstat " + image + " exited " + r.exit + ": " + r.stderr);
            }
            long frag = -1;
            List<long[]> groups = new ArrayList<>();
            long[] cur = null;
            Pattern range = Pattern.compile("^\\s+Inode Range: (\\d+) - (\\d+)$");
            Pattern table = Pattern.compile("^\\s+Inode Table: (\\d+) - (\\d+)$");
            for (String line : new String(r.stdout, StandardCharsets.UTF_8).split("\n")) {
                Matcher m;
                if (line.startsWith("Fragment Size: ")) {
                    frag = Long.parseLong(line.substring(15).trim());
                } else if ((m = range.matcher(line)).matches()) {
                    cur = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), -1};
                    groups.add(cur);
                } else if ((m = table.matcher(line)).matches() && cur != null) {
                    cur[2] = Long.parseLong(m.group(1));
                }
            }
            if (frag <= 0 || groups.isEmpty()) {
                throw new IOException("fsstat " + image + ": no fragment size or groups");
            }
            ByteBuffer magic = read(image, SBLOCK_UFS1 + FS_MAGIC_OFFSET, 4);
            ByteOrder order;
            if (magic.order(ByteOrder.LITTLE_ENDIAN).getInt(0) == FS_UFS1_MAGIC) {
                order = ByteOrder.LITTLE_ENDIAN;
            } else if (magic.order(ByteOrder.BIG_ENDIAN).getInt(0) == FS_UFS1_MAGIC) {
                order = ByteOrder.BIG_ENDIAN;
            } else {
                throw new IOException(image + ": no UFS1 magic at " + (SBLOCK_UFS1 + FS_MAGIC_OFFSET));
            }
            return new InodeLocator(image, order, frag, groups);
        }

        int rdev(long inode) throws IOException {
            for (long[] g : groups) {
                if (inode >= g[0] && inode <= g[1]) {
                    if (g[2] < 0) {
                        throw new IOException("fsstat gave no inode table for inode " + inode);
                    }
                    long off = g[2] * fragSize + (inode - g[0]) * UFS1_DINODE_SIZE + DI_RDEV_OFFSET;
                    return read(image, off, 4).order(order).getInt(0);
                }
            }
            throw new IOException("inode " + inode + " is in no group fsstat listed");
        }

        private static ByteBuffer read(Path image, long off, int len) throws IOException {
            try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
                ByteBuffer b = ByteBuffer.allocate(len);
                while (b.hasRemaining()) {
                    if (ch.read(b, off + b.position()) < 0) {
                        throw new IOException(image + ": short read at " + off);
                    }
                }
                return b;
            }
        }
    }

    /**
     * Runs one Sleuth Kit tool ({@code fls}, {@code istat}, {@code fsstat}, {@code blkls}, ...)
     * with {@code args} as they are and returns its standard output, whatever its exit status;
     * a missing tool is an error.
     */
    public static String output(String tool, String... args) throws IOException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = tool;
        System.arraycopy(args, 0, cmd, 1, args.length);
        return new String(exec(cmd).stdout(), StandardCharsets.UTF_8);
    }

    private record Result(int exit, byte[] stdout, String stderr) {}

    private static Result exec(String... cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("TZ", "UTC");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException(cmd[0] + " not runnable (install sleuthkit): " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = readAll(p.getInputStream());
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + ": no answer in " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Result(p.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8).trim());
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The image as The Sleuth Kit can open it. TSK 4.11 probes the UFS2 superblock offsets
     * (65536, 262144) before UFS1's 8192 and gives up when such a read falls past the end of the
     * file, so it cannot open a UFS1 image smaller than 256 KiB + 8 KiB, which exact sizing
     * makes. A copy padded with zeros past {@code fs_size} holds the same file system.
     */
    static String tskImage(Path image) {
        try {
            long size = java.nio.file.Files.size(image);
            if (size >= TSK_MIN_IMAGE) {
                return image.toString();
            }
            Path padded = java.nio.file.Files.createTempFile("tsk-", ".img");
            padded.toFile().deleteOnExit();
            java.nio.file.Files.copy(image, padded, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(padded.toFile(), "rw")) {
                f.setLength(TSK_MIN_IMAGE);
            }
            return padded.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The smallest image TSK's superblock probe can read through (see {@link #tskImage}). */
    private static final long TSK_MIN_IMAGE = 512 << 10;
}
