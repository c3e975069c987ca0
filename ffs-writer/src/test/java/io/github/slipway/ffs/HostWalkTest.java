package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host walk reads directories on several threads; these tests hold it to what a one-thread
 * depth-first walk in {@code readdir} order gives, written out here as the reference.
 */
class HostWalkTest {
    @TempDir
    Path tmp;

    /** A random tree: nested directories, files of random sizes, symlinks, hard links. */
    private static void randomTree(Path root, Random r, int dirs) throws IOException {
        List<Path> all = new ArrayList<>(List.of(root));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < dirs; i++) {
            Path parent = all.get(r.nextInt(all.size()));
            Path d = Files.createDirectory(parent.resolve("d" + i));
            all.add(d);
            int n = r.nextInt(r.nextInt(10) == 0 ? 400 : 12);
            for (int k = 0; k < n; k++) {
                Path f = d.resolve("f" + k + "-" + r.nextInt(1000));
                switch (r.nextInt(6)) {
                    case 0 -> Files.createSymbolicLink(f, Path.of("t" + r.nextInt(99)));
                    case 1 -> {
                        if (!files.isEmpty()) {
                            Files.createLink(f, files.get(r.nextInt(files.size())));
                        }
                    }
                    default -> {
                        Files.write(f, new byte[r.nextInt(3000)]);
                        files.add(f);
                    }
                }
            }
        }
    }

    /** The reference: each directory's entries in readdir order, depth first, as lines. */
    private static void reference(Path dir, String prefix, List<String> out) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String path = prefix + p.getFileName();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(path + "/");
                    reference(p, path + "/", out);
                } else if (Files.isSymbolicLink(p)) {
                    out.add(path + " -> " + Files.readSymbolicLink(p));
                } else {
                    out.add(path + " " + Files.size(p));
                }
            }
        }
    }

    private static void lines(ImageNode dir, String prefix, List<String> out) {
        for (String name : dir.names()) {
            ImageNode n = dir.child(name).orElseThrow();
            String path = prefix + name;
            switch (n.type()) {
                case DIRECTORY -> {
                    out.add(path + "/");
                    lines(n, path + "/", out);
                }
                case SYMLINK -> out.add(path + " -> " + n.linkTarget().orElseThrow());
                default -> out.add(path + " " + n.content().orElseThrow().size());
            }
        }
    }

    @Test
    void treeIsTheDepthFirstReaddirWalk() throws Exception {
        for (int seed = 1; seed <= 3; seed++) {
            Path root = Files.createDirectory(tmp.resolve("t" + seed));
            randomTree(root, new Random(seed), 150);
            List<String> expected = new ArrayList<>();
            reference(root, "", expected);
            List<String> actual = new ArrayList<>();
            lines(ImageTree.fromDirectories(List.of(root)).root(), "", actual);
            assertThat(actual).as("seed %d", seed).hasSizeGreaterThan(500).isEqualTo(expected);
        }
    }

    /**
     * The walk reads lstat results from the JDK's own attributes object at its fields' offsets
     * (on the class path, as the CLI runs, jdk.unsupported is there): every field must equal what
     * the public unix: view gives, for every kind of entry.
     */
    @Test
    void directStatIsTheUnixView() throws Exception {
        assertThat(HostWalk.direct()).as("sun.nio.fs.UnixFileAttributes read through sun.misc.Unsafe").isTrue();
        Path f = Files.writeString(tmp.resolve("file"), "content");
        Files.createLink(tmp.resolve("hard"), f);
        Files.createSymbolicLink(tmp.resolve("link"), Path.of("file"));
        Files.createDirectory(tmp.resolve("dir"));
        Process p = new ProcessBuilder("sh", "-c", "mkfifo fifo && touch suid && chown 123:456 suid && chmod 4751 suid")
                .directory(tmp.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tmp)) {
            ds.forEach(entries::add);
        }
        entries.add(Path.of("/dev/null"));
        entries.add(tmp);
        assertThat(entries).hasSize(8);
        for (Path e : entries) {
            assertThat(HostWalk.attributes(e)).as("%s", e).isEqualTo(HostWalk.viewStat(e));
        }
        assertThat(HostWalk.attributes(tmp.resolve("suid")).mode()).isEqualTo(0104751);
        assertThat(HostWalk.attributes(tmp.resolve("suid")).uid()).isEqualTo(123);
        assertThat(HostWalk.attributes(tmp.resolve("hard")).nlink()).isEqualTo(2);
    }

    /** lstat's seconds and nanoseconds become the Instant FileTime.toInstant() gives, saturated. */
    @Test
    void lstatTimesAreTheInstantsFileTimeGives() {
        for (long[] t : new long[][] {{0, 0}, {1_600_000_000L, 123_456_789}, {-1, 999_999_999}, {-86_400 * 365L, 1}}) {
            assertThat(HostWalk.instant(t[0], t[1])).isEqualTo(java.nio.file.attribute.FileTime
                    .from(java.time.Instant.ofEpochSecond(t[0], t[1])).toInstant());
        }
        assertThat(HostWalk.instant(Long.MAX_VALUE, 5)).isEqualTo(java.time.Instant.MAX);
        assertThat(HostWalk.instant(Long.MIN_VALUE, 0)).isEqualTo(java.time.Instant.MIN);
        assertThat(HostWalk.instant(Long.MAX_VALUE, 0))
                .isEqualTo(java.nio.file.attribute.FileTime.from(Long.MAX_VALUE, java.util.concurrent.TimeUnit.SECONDS).toInstant());
    }

    @Test
    void hardLinksInManyDirectoriesAreOneNode() throws Exception {
        Path root = Files.createDirectory(tmp.resolve("root"));
        Path target = Files.writeString(root.resolve("target"), "shared");
        for (int i = 0; i < 60; i++) {
            Path d = Files.createDirectories(root.resolve("d" + i).resolve("sub"));
            Files.createLink(d.resolve("link"), target);
        }
        for (int round = 0; round < 5; round++) {
            ImageTree t = ImageTree.fromDirectories(List.of(root));
            ImageNode first = t.lookup("target").orElseThrow();
            for (int i = 0; i < 60; i++) {
                assertThat(t.lookup("d" + i + "/sub/link").orElseThrow()).isSameAs(first);
            }
        }
    }

    /**
     * Many entries fail (a file in b where a holds a directory): the error is the one a
     * depth-first readdir-order walk of b meets first, every time.
     */
    @Test
    void theFirstFailureInDepthFirstOrderIsReported() throws Exception {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("b"));
        Random r = new Random(11);
        for (int i = 0; i < 80; i++) {
            Files.createDirectories(a.resolve("d" + i).resolve("x").resolve("y"));
            Path bd = Files.createDirectories(b.resolve("d" + i).resolve("x"));
            for (int k = 0; k < 30; k++) {
                Files.writeString(bd.resolve("ok" + k), "k");
            }
            if (r.nextInt(3) == 0) {
                Files.writeString(bd.resolve("y"), "clash");
            }
            if (r.nextInt(3) == 0) {
                Files.writeString(b.resolve("d" + i).resolve("x2"), "fine");
            }
        }
        Files.writeString(b.resolve("late"), "z");
        Files.createDirectory(a.resolve("late"));
        List<String> order = new ArrayList<>();
        reference(b, "", order);
        String first = order.stream()
                .filter(l -> l.matches("d\\d+/x/y \\d+") || l.startsWith("late "))
                .findFirst().orElseThrow();
        String expected = b.resolve(first.substring(0, first.indexOf(' '))).toString();
        for (int round = 0; round < 10; round++) {
            FileSystemException e = catchThrowableOfType(
                    () -> ImageTree.fromDirectories(List.of(a, b)), FileSystemException.class);
            assertThat(e.getFile()).isEqualTo(expected);
            assertThat(e.getReason()).startsWith("cannot merge file with existing dir");
        }
    }
}
