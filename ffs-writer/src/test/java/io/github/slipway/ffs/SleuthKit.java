package io.github.slipway.ffs;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * lists the paths, {@code istat} gives each inode's type, mode, owner, size, link count, mtime
 * and symlink target, {@code icat} the file data. The Sleuth Kit does not print device numbers,
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
     * @param path the path from fls -p, without a leading slash ({@code dev/null})
     * @param inode the inode number
     * @param type the type from fls (and istat's mode letter)
     * @param mode the permission bits, 07777 at most, from istat's mode string
     * @param uid istat's uid
     * @param gid istat's gid
     * @param size istat's size
     * @param nlink istat's "num of links"
     * @param mtime istat's "File Modified", whole seconds
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
        Result r = run("icat", "-f", "ufs1", image.toString(), Long.toString(inode));
        if (r.exit != 0) {
            throw new IOException("icat " + image + " " + inode + " exited " + r.exit + ": " + r.stderr);
        }
        return r.stdout;
    }

    private static final Pattern FLS_LINE = Pattern.compile("^(.)/(.) (\\* )?(\\d+)(?:\\([^)]*\\))?:\\t(.*)$");

    private static List<Entry> list(Path image, boolean contents) throws IOException {
        Result fls = run("fls", "-r", "-p", "-f", "ufs1", image.toString());
        if (fls.exit != 0) {
            throw new IOException("fls " + image + " exited " + fls.exit + ": " + fls.stderr);
        }
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
            Entry e = istat(image, inode, path, type);
            if (type.isDevice()) {
                if (locator == null) {
                    locator = InodeLocator.of(image);
                }
                e = new Entry(e.path, e.inode, e.type, e.mode, e.uid, e.gid, e.size, e.nlink, e.mtime,
                        e.linkTarget, Optional.of(DeviceNumber.decode(locator.rdev(inode))), e.content);
            }
            if (contents && type == EntryType.FILE) {
                e = new Entry(e.path, e.inode, e.type, e.mode, e.uid, e.gid, e.size, e.nlink, e.mtime,
                        e.linkTarget, e.device, Optional.of(content(image, inode)));
            }
            out.add(e);
        }
        return out;
    }

    private static EntryType typeOf(char c, String line) throws IOException {
        return switch (c) {
            case 'r' -> EntryType.FILE;
            case 'd' -> EntryType.DIRECTORY;
            case 'l' -> EntryType.SYMLINK;
            case 'c' -> EntryType.CHAR_DEVICE;
            case 'b' -> EntryType.BLOCK_DEVICE;
            case 'p' -> EntryType.FIFO;
            case 's' -> EntryType.SOCKET;
            default -> throw new IOException("fls: unknown type `" + c + "' in `" + line + "'");
        };
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static Entry istat(Path image, long inode, String path, EntryType type) throws IOException {
        Result r = run("istat", "-f", "ufs1", image.toString(), Long.toString(inode));
        String text = new String(r.stdout, StandardCharsets.UTF_8);
        // istat reads a block device's di_rdev as a block address and then exits 1
        if (r.exit != 0 && !(type == EntryType.BLOCK_DEVICE && text.startsWith("inode: "))) {
            throw new IOException("istat " + image + " " + inode + " exited " + r.exit + ": " + r.stderr);
        }
        Long uid = null;
        Long gid = null;
        Integer mode = null;
        Long size = null;
        Long nlink = null;
        Instant mtime = null;
        String target = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("uid / gid: ")) {
                String[] ug = line.substring(11).split(" / ");
                uid = Long.parseLong(ug[0].trim());
                gid = Long.parseLong(ug[1].trim());
            } else if (line.startsWith("mode: ")) {
                String ms = line.substring(6);
                EntryType t = typeOf(ms.charAt(0), line);
                if (t != type) {
                    throw new IOException("istat " + inode + ": type " + t + " but fls says " + type);
                }
                mode = permissions(ms.substring(1), line);
            } else if (line.startsWith("size: ")) {
                size = Long.parseLong(line.substring(6).trim());
            } else if (line.startsWith("num of links: ")) {
                nlink = Long.parseLong(line.substring(14).trim());
            } else if (line.startsWith("File Modified:\t")) {
                String t = line.substring(15).replace(" (UTC)", "");
                mtime = LocalDateTime.parse(t.substring(0, 19), TIME).toInstant(ZoneOffset.UTC);
            } else if (line.startsWith("symbolic link to: ")) {
                target = line.substring(18);
            }
        }
        if (uid == null || mode == null || size == null || nlink == null || mtime == null) {
            throw new IOException("istat " + image + " " + inode + ": incomplete output:\n" + text);
        }
        return new Entry(path, inode, type, mode, uid, gid, size, nlink, mtime, Optional.ofNullable(target),
                Optional.empty(), Optional.empty());
    }

    /** "rwsr-xr-t" to 04755|01000 style bits. */
    static int permissions(String s, String line) throws IOException {
        if (s.length() != 9) {
            throw new IOException("istat: bad mode in `" + line + "'");
        }
        int mode = 0;
        int[] bits = {0400, 0200, 0100, 040, 020, 010, 04, 02, 01};
        for (int i = 0; i < 9; i++) {
            char c = s.charAt(i);
            int pos = i % 3;
            char expect = "rwx".charAt(pos);
            if (c == expect) {
                mode |= bits[i];
            } else if (pos == 2 && (c == 's' || c == 't')) {
                mode |= bits[i] | special(i);
            } else if (pos == 2 && (c == 'S' || c == 'T')) {
                mode |= special(i);
            } else if (c != '-') {
                throw new IOException("istat: bad mode char `" + c + "' in `" + line + "'");
            }
        }
        return mode;
    }

    private static int special(int i) {
        return i == 2 ? 04000 : i == 5 ? 02000 : 01000;
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
            Result r = run("fsstat", "-f", "ufs1", image.toString());
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

    private record Result(int exit, byte[] stdout, String stderr) {}

    private static Result run(String... cmd) throws IOException {
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
}
