package io.github.slipway.ffs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Seeded generators of host directory trees for the oracle tests. */
final class HostTrees {
    /** The -T value and the atime/mtime of every generated file. */
    static final long T = 1600000000L;

    private HostTrees() {
    }

    /** A file of {@code size} bytes: seeded random head, then a pattern (cheap for MBs). */
    static void file(Path p, long size, Random r) throws IOException {
        Files.createDirectories(p.getParent());
        try (OutputStream out = Files.newOutputStream(p)) {
            byte[] buf = new byte[(int) Math.min(size, 1 << 16)];
            r.nextBytes(buf);
            long left = size;
            while (left > 0) {
                int n = (int) Math.min(left, buf.length);
                out.write(buf, 0, n);
                left -= n;
                if (left > 0) {
                    buf[(int) (left % buf.length)] ^= (byte) left;
                }
            }
        }
    }

    /** Files at every size boundary of the geometry, symlinks of 59/60/61 bytes, a hard link, a FIFO. */
    static void boundaries(Path root, Random r, int bsize, int fsize) throws IOException, InterruptedException {
        long[] sizes = {0, 1, fsize - 1, fsize, fsize + 1, bsize - 1, bsize, bsize + 1,
            12L * bsize - 1, 12L * bsize, 12L * bsize + 1};
        for (int i = 0; i < sizes.length; i++) {
            file(root.resolve("f" + i + "_" + sizes[i]), sizes[i], r);
        }
        Files.createDirectories(root.resolve("links"));
        for (int n : new int[] {1, 59, 60, 61, 200}) {
            Files.createSymbolicLink(root.resolve("links/l" + n), Path.of("t".repeat(n)));
        }
        Files.createLink(root.resolve("links/hard"), root.resolve("f3_" + sizes[3]));
        Files.createLink(root.resolve("hard2"), root.resolve("f3_" + sizes[3]));
        mkfifo(root.resolve("links/fifo"));
        Files.createDirectories(root.resolve("empty"));
    }

    /** A double-indirect boundary tree: files of 12+nindir blocks, plus and minus one byte. */
    static void doubleIndirect(Path root, Random r, int bsize) throws IOException {
        long b = (12L + bsize / 4) * bsize;
        file(root.resolve("dind_minus"), b - 1, r);
        file(root.resolve("dind_exact"), b, r);
        file(root.resolve("dind_plus"), b + 1, r);
        file(root.resolve("small"), 3000, r);
    }

    /** One directory with {@code n} entries of varied name length and size. */
    static void wide(Path root, Random r, int n) throws IOException {
        Path d = root.resolve("wide");
        Files.createDirectories(d);
        for (int i = 0; i < n; i++) {
            String name = "e" + i + "_" + "x".repeat(r.nextInt(40));
            if (r.nextInt(10) == 0) {
                Files.createDirectories(d.resolve(name));
            } else {
                file(d.resolve(name), r.nextInt(3000), r);
            }
        }
    }

    /**
     * {@code n} small files (under the writer's 64 KB read-ahead limit, a few larger) in 40
     * directories: more bytes than its read-ahead ring holds, so the ring wraps many times.
     */
    static void manySmall(Path root, Random r, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            Path d = root.resolve("s" + r.nextInt(40));
            Files.createDirectories(d);
            int size = switch (r.nextInt(10)) {
                case 0, 1 -> 16384 + r.nextInt(49152);
                case 2 -> 65536 + r.nextInt(30000);
                default -> 1 + r.nextInt(16384);
            };
            file(d.resolve("f" + i), size, r);
        }
    }

    /**
     * {@code n} files, mostly empty, a few of one to three fragments, in 16 folders: more inodes
     * than a builder holds back before writing its inode updates out (65,536).
     */
    static void manyInodes(Path root, Random r, int n) throws IOException {
        for (int d = 0; d < 16; d++) {
            Files.createDirectories(root.resolve("i" + d));
        }
        for (int i = 0; i < n; i++) {
            Path f = root.resolve("i" + r.nextInt(16)).resolve("e" + i);
            if (r.nextInt(50) == 0) {
                file(f, 1 + r.nextInt(3000), r);
            } else {
                Files.createFile(f);
            }
        }
    }

    /** A 30-deep path and 255-byte names at several levels. */
    static void deep(Path root, Random r) throws IOException {
        Path p = root;
        for (int i = 0; i < 30; i++) {
            p = p.resolve("d" + i);
            if (i % 7 == 0) {
                file(p.resolve("N".repeat(255 - String.valueOf(i).length()) + i), r.nextInt(5000), r);
            }
        }
        file(p.resolve("bottom"), 10, r);
        Files.createDirectories(root.resolve("L".repeat(255)));
    }

    /** Odd modes, owners, setuid/setgid/sticky bits and device nodes (needs root). */
    static void owners(Path root, Random r) throws IOException, InterruptedException {
        int[] modes = {04755, 02711, 01777, 0, 0600, 06555, 0444, 07777};
        for (int i = 0; i < modes.length; i++) {
            Path f = root.resolve("m" + i);
            file(f, r.nextInt(100), r);
            Files.setAttribute(f, "unix:uid", 1000 + r.nextInt(60000), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(f, "unix:gid", r.nextInt(70000), LinkOption.NOFOLLOW_LINKS);
            run("chmod", String.format("%o", modes[i]), f.toString());
        }
        Path d = root.resolve("dir1777");
        Files.createDirectories(d);
        run("chmod", "1777", d.toString());
        Files.setAttribute(d, "unix:uid", 4242, LinkOption.NOFOLLOW_LINKS);
        Path dev = root.resolve("dev");
        Files.createDirectories(dev);
        run("mknod", "-m", "666", dev.resolve("null").toString(), "c", "2", "2");
        run("mknod", "-m", "640", dev.resolve("ld0a").toString(), "b", "19", "0");
        run("mknod", "-m", "600", dev.resolve("big").toString(), "c", "169", "1048575");
        mkfifo(dev.resolve("pipe"));
        Files.createSymbolicLink(dev.resolve("stdin"), Path.of("fd/0"));
        run("chown", "-h", "7:9", dev.resolve("stdin").toString());
    }

    /** A random tree: depth, fan-out, sizes, links all from the seed. */
    static void random(Path root, Random r, int entries) throws IOException {
        List<Path> dirs = new java.util.ArrayList<>(List.of(root));
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < entries; i++) {
            Path parent = dirs.get(r.nextInt(dirs.size()));
            String name = "n" + i + (r.nextBoolean() ? "" : "_" + Integer.toString(r.nextInt(1 << 20), 36));
            Path p = parent.resolve(name);
            int kind = r.nextInt(20);
            if (kind < 4) {
                Files.createDirectories(p);
                dirs.add(p);
            } else if (kind < 6) {
                Files.createSymbolicLink(p, Path.of("x".repeat(1 + r.nextInt(120))));
            } else if (kind == 6 && !files.isEmpty()) {
                Files.createLink(p, files.get(r.nextInt(files.size())));
            } else {
                long size = switch (r.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> r.nextInt(100);
                    case 2, 3 -> r.nextInt(20000);
                    case 4 -> r.nextInt(200000);
                    default -> r.nextInt(1500000);
                };
                file(p, size, r);
                files.add(p);
            }
        }
    }

    static void mkfifo(Path p) throws IOException, InterruptedException {
        run("mkfifo", p.toString());
    }

    /**
     * Sets atime and mtime of everything below root (and root) to {@link #T}. touch(1) -h, not
     * Java's setTimes, which opens the file and would block on a FIFO.
     */
    static void stamp(Path root) throws IOException, InterruptedException {
        run("find", root.toString(), "-exec", "touch", "-h", "-d", "@" + T, "{}", "+");
    }

    /**
     * Throws an AssertionError naming {@code what} and the entry unless the image at {@code img}
     * is fsck-clean and holds every regular file's bytes and every symbolic link's target under
     * {@code tree} (plain Java: the by-hand {@link RandomTreeSweep} runs without AssertJ).
     */
    static void assertImageHolds(Path img, Path tree, String what) throws IOException {
        try (FfsImage image = FfsImage.open(img); java.util.stream.Stream<Path> walk = Files.walk(tree)) {
            FsckReport report = FfsChecker.check(image);
            if (!report.isClean()) {
                throw new AssertionError(what + ": fsck: " + report.findings());
            }
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = "/" + tree.relativize(p);
                if (Files.isSymbolicLink(p)) {
                    String target = image.readSymbolicLink(rel);
                    if (!target.equals(Files.readSymbolicLink(p).toString())) {
                        throw new AssertionError(what + ": link " + rel + " -> " + target + ", expected "
                                + Files.readSymbolicLink(p));
                    }
                } else if (Files.isRegularFile(p)) {
                    try (java.io.InputStream in = image.read(rel)) {
                        if (!java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(p))) {
                            throw new AssertionError(what + ": bytes of " + rel + " differ from the source's");
                        }
                    }
                }
            }
        }
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
