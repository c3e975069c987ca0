package io.github.slipway.ffs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A seeded random source tree for makefs: directories, files of sizes that hit fragment tails,
 * full blocks and indirect blocks, short (in-inode) and long symlinks, hard links, fifos and device
 * nodes, with random modes, owners and nanosecond times. Same seed, same tree.
 */
final class GeneratedTree {
    private final Random rnd;
    private final Path root;
    private final int blockSize;
    private final List<Path> files = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private long bytes;

    private GeneratedTree(long seed, Path root, int blockSize) {
        this.rnd = new Random(seed);
        this.root = root;
        this.blockSize = blockSize;
    }

    /** Makes a tree of about {@code entries} entries under {@code root}; returns its total file bytes. */
    static long generate(long seed, Path root, int entries, int blockSize) throws IOException, InterruptedException {
        GeneratedTree t = new GeneratedTree(seed, root, blockSize);
        Files.createDirectories(root);
        t.dirs.add(root);
        for (int i = 0; i < entries; i++) {
            t.one(i);
        }
        // times last: creating children changes a directory's mtime
        t.stampTimes(root);
        return t.bytes;
    }

    private String name(int i) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
        int len = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 60 : 12);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < len; k++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        if (sb.charAt(0) == '.') {
            sb.setCharAt(0, 'x');
        }
        return sb + "_" + i;
    }

    private void one(int i) throws IOException, InterruptedException {
        Path dir = dirs.get(rnd.nextInt(dirs.size()));
        Path p = dir.resolve(name(i));
        int kind = rnd.nextInt(100);
        if (kind < 15) {
            Files.createDirectory(p);
            dirs.add(p);
            perms(p, new int[] {0755, 0700, 0750, 0775, 01777}[rnd.nextInt(5)]);
        } else if (kind < 65) {
            long size = fileSize();
            byte[] data = new byte[(int) size];
            rnd.nextBytes(data);
            if (rnd.nextInt(4) == 0) {
                java.util.Arrays.fill(data, 0, data.length / 2, (byte) 0);
            }
            Files.write(p, data);
            bytes += size;
            files.add(p);
            perms(p, new int[] {0644, 0755, 0600, 04755, 02755, 0444, 0}[rnd.nextInt(7)]);
        } else if (kind < 75) {
            int len = rnd.nextBoolean() ? 1 + rnd.nextInt(59) : 60 + rnd.nextInt(200);
            StringBuilder t = new StringBuilder();
            while (t.length() < len) {
                t.append(rnd.nextBoolean() && !files.isEmpty()
                        ? root.relativize(files.get(rnd.nextInt(files.size()))).toString() : "../x/y");
                t.append('/');
            }
            Files.createSymbolicLink(p, Path.of(t.substring(0, len).replaceAll("/+$", "z")));
        } else if (kind < 85 && !files.isEmpty()) {
            Files.createLink(p, files.get(rnd.nextInt(files.size())));
        } else if (kind < 90) {
            run("mkfifo", p.toString());
            perms(p, 0620);
        } else {
            boolean chr = rnd.nextBoolean();
            int major = rnd.nextInt(256);
            int minor = rnd.nextInt(4) == 0 ? rnd.nextInt(0x100000) : rnd.nextInt(256);
            run("mknod", p.toString(), chr ? "c" : "b", Integer.toString(major), Integer.toString(minor));
            perms(p, 0640);
        }
        if (!Files.isSymbolicLink(p)) {
            owner(p);
        }
    }

    private long fileSize() {
        switch (rnd.nextInt(8)) {
            case 0:
                return 0;
            case 1:
                return 1 + rnd.nextInt(100);
            case 2:
                return blockSize;
            case 3:
                return blockSize * 12L + 1 + rnd.nextInt(blockSize * 3);  // single indirect
            case 4:
                return rnd.nextInt(blockSize * 2);
            default:
                return rnd.nextInt(30000);
        }
    }

    private void perms(Path p, int mode) throws IOException, InterruptedException {
        run("chmod", String.format("%o", mode), p.toString());
    }

    private void owner(Path p) throws IOException, InterruptedException {
        int uid = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(70000);
        int gid = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(70000);
        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    private void stampTimes(Path dir) throws IOException {
        List<Path> all;
        try (var s = Files.walk(dir)) {
            all = s.sorted(java.util.Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            long sec = 946684800L + (long) (rnd.nextDouble() * 1_000_000_000L);
            long ns = rnd.nextInt(1_000_000_000);
            FileTime t = FileTime.from(sec * 1_000_000_000L + ns, TimeUnit.NANOSECONDS);
            if (!Files.isSymbolicLink(p) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                // opening a fifo to set its times would block: let touch(1) use utimensat
                try {
                    run("touch", "-h", "-d", String.format("@%d.%09d", sec, ns), p.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                continue;
            }
            Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).setTimes(t, t, null);
        }
    }

    static void run(String... cmd) throws IOException, InterruptedException {
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = pr.getInputStream().readAllBytes();
        if (!pr.waitFor(60, TimeUnit.SECONDS) || pr.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + new String(out));
        }
    }

    @SuppressWarnings("unused")
    private static Set<PosixFilePermission> none() {
        return EnumSet.noneOf(PosixFilePermission.class);
    }
}
