package io.github.slipway.ffs;

import io.github.slipway.ffs.oracle.SleuthKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfsWriterTest {
    private static final Instant T = Instant.ofEpochSecond(HostTrees.T);

    @TempDir
    Path tmp;

    private static Metadata meta(int perms) {
        return Metadata.of(perms, 0, 0, T);
    }

    @Test
    void fullImageNamesTheFileBeingWritten() throws Exception {
        ImageNode root = ImageNode.directory(meta(0755));
        ImageNode d = ImageNode.directory(meta(0755));
        root.add("d", d);
        d.add("small", ImageNode.file(meta(0644), FileContent.of(new byte[100])));
        d.add("big", ImageNode.file(meta(0644), FileContent.of(new byte[3 << 20])));
        Path img = tmp.resolve("full.img");
        assertThatThrownBy(() -> FfsWriter.write(ImageTree.of(root), MakefsOptions.builder().size(1 << 20).build(), img))
                .isInstanceOf(ImageFullException.class)
                .hasMessageStartingWith(img + ": image full writing /d/big (inode 4), bytes ");
        assertThat(img).doesNotExist();
    }

    /**
     * 62 files, the root and the two reserved numbers need exactly the 64 inodes one group of a
     * 1 MB image holds at density 16384, and makefs' own check lets that pass; but the last file
     * gets number 64, which no group has. makefs then fails reading past its tables; slipway
     * must fail cleanly in both modes (it once indexed past its groups and crashed).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "compat {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void inodeNumberPastTheLastGroupIsAFullImage(boolean compat) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        for (int i = 1; i <= 62; i++) {
            Files.createFile(tree.resolve("f" + i));
        }
        MakefsOracle.Run run = MakefsOracle.run(List.of("-s", "1m", "-o", "density=16384", "-T", "0"),
                tmp.resolve("m.img"), tree);
        assertThat(run.status()).as("makefs: %s", run.output()).isNotZero();
        Path img = tmp.resolve("s.img");
        MakefsOptions o = MakefsOptions.builder().compat(compat).size(1 << 20).density(16384).timestamp(0).build();
        assertThatThrownBy(() -> FfsWriter.write(ImageTree.fromDirectories(List.of(tree)), o, img))
                .isInstanceOf(ImageFullException.class)
                .hasMessage(img + ": image has 64 inodes (numbers 0 to 63); the tree needs number 64");
        assertThat(img).doesNotExist();
        // one more inode's room and it fits
        FfsWriter.write(ImageTree.fromDirectories(List.of(tree)), o.toBuilder().density(8192).build(), img);
        try (FfsImage image = FfsImage.open(img)) {
            assertThat(image.list("/")).hasSize(62);
        }
    }

    @Test
    void directoryStreamGivesReaddirOrderAsLsU() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("d"));
        Random r = new Random(3);
        for (int i = 0; i < 500; i++) {
            Files.writeString(d.resolve("f" + r.nextInt(1_000_000)), "x");
        }
        List<String> java = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
            s.forEach(p -> java.add(p.getFileName().toString()));
        }
        Process p = new ProcessBuilder("ls", "-U", "-1", d.toString()).start();
        List<String> ls = Arrays.asList(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        assertThat(p.waitFor()).isZero();
        assertThat(java).isEqualTo(ls);
        assertThat(ImageTree.fromDirectories(List.of(d)).root().names()).isEqualTo(ls);
    }

    @Test
    void defaultModeIsIndependentOfEntryOrder() throws Exception {
        ImageNode a = ImageNode.directory(meta(0755));
        ImageNode b = ImageNode.directory(meta(0755));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            names.add("n" + i);
        }
        for (String n : names) {
            a.add(n, ImageNode.file(meta(0644), FileContent.of(n.getBytes(StandardCharsets.UTF_8))));
        }
        java.util.Collections.shuffle(names, new Random(9));
        for (String n : names) {
            b.add(n, ImageNode.file(meta(0644), FileContent.of(n.getBytes(StandardCharsets.UTF_8))));
        }
        MakefsOptions o = MakefsOptions.builder().size(1 << 20).timestamp(HostTrees.T).build();
        FfsWriter.write(ImageTree.of(a), o, tmp.resolve("a.img"));
        FfsWriter.write(ImageTree.of(b), o, tmp.resolve("b.img"));
        assertThat(MaskedImageComparison.firstDifference(tmp.resolve("a.img"), tmp.resolve("b.img"))).isEmpty();
        FfsWriter.write(ImageTree.of(b), o.withCompat(true), tmp.resolve("c.img"));
        assertThat(MaskedImageComparison.firstDifference(tmp.resolve("a.img"), tmp.resolve("c.img"))).isPresent();
    }

    @Test
    void sourceFileGoneAtWriteTimeNamesItAndLeavesNoImage() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("keep"), "k");
        Files.writeString(src.resolve("gone"), "soon gone");
        ImageTree t = ImageTree.fromDirectories(List.of(src));
        Files.delete(src.resolve("gone"));
        Path img = tmp.resolve("x.img");
        assertThatThrownBy(() -> FfsWriter.write(t, MakefsOptions.builder().size(1 << 20).build(), img))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(src.resolve("gone") + ": cannot read");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("src");
        }
    }

    @Test
    void unreadableContentNamesOrigin() {
        FileContent bad = new FileContent() {
            @Override
            public long size() {
                return 10;
            }

            @Override
            public java.io.InputStream open() throws IOException {
                throw new java.nio.file.AccessDeniedException("/secret/file");
            }

            @Override
            public String origin() {
                return "/secret/file";
            }
        };
        ImageNode root = ImageNode.directory(meta(0755)).add("s", ImageNode.file(meta(0600), bad));
        Path img = tmp.resolve("y.img");
        assertThatThrownBy(() -> FfsWriter.write(ImageTree.of(root), MakefsOptions.builder().size(1 << 20).build(), img))
                .hasMessage("/secret/file: cannot read: permission denied");
        assertThat(img).doesNotExist();
    }

    @Test
    void namesOver255BytesAreRejected() {
        ImageNode root = ImageNode.directory(meta(0755));
        assertThatThrownBy(() -> root.add("x".repeat(256), ImageNode.fifo(meta(0600))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than 255 bytes (256)");
        root.add("x".repeat(255), ImageNode.fifo(meta(0600)));
        assertThatThrownBy(() -> root.add("a/b", ImageNode.fifo(meta(0600)))).hasMessageContaining("'/'");
    }

    @Test
    void failedWriteKeepsExistingImage() throws Exception {
        Path img = tmp.resolve("z.img");
        Files.writeString(img, "old");
        ImageNode root = ImageNode.directory(meta(0755))
                .add("big", ImageNode.file(meta(0644), FileContent.of(new byte[3 << 20])));
        assertThatThrownBy(() -> FfsWriter.write(ImageTree.of(root), MakefsOptions.builder().size(1 << 20).build(), img))
                .isInstanceOf(ImageFullException.class).hasMessageContaining("z.img");
        assertThat(Files.readString(img)).isEqualTo("old");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.count()).isEqualTo(1);
        }
    }

    @Test
    void apiTreeWithAllTypesMatchesSleuthKit() throws Exception {
        ImageNode root = ImageNode.directory(meta(0755));
        ImageNode etc = ImageNode.directory(meta(0700).withOwner(5, 6));
        ImageNode motd = ImageNode.file(meta(04755).withOwner(1000, 1000), FileContent.of("hi\n".getBytes(StandardCharsets.UTF_8)));
        root.add("etc", etc).add("sock", ImageNode.socket(meta(0777)));
        etc.add("motd", motd).add("motd2", motd)
                .add("null", ImageNode.device(EntryType.CHAR_DEVICE, meta(0666), new DeviceNumber(2, 2)))
                .add("wd0", ImageNode.device(EntryType.BLOCK_DEVICE, meta(0640), new DeviceNumber(4095, 0xfffff)))
                .add("ln", ImageNode.symlink(meta(0777), "../" + "t".repeat(70)));
        Path img = tmp.resolve("api.img");
        FfsWriter.Summary s = FfsWriter.write(ImageTree.of(root), MakefsOptions.builder().size(1 << 20)
                .timestamp(HostTrees.T).build(), img);
        assertThat(s.size()).isEqualTo(1 << 20);
        var files = SleuthKit.byPath(img);
        assertThat(files.get("etc/motd").nlink()).isEqualTo(2);
        assertThat(files.get("etc/motd").inode()).isEqualTo(files.get("etc/motd2").inode());
        assertThat(files.get("etc/motd").mode()).isEqualTo(04755);
        assertThat(files.get("etc").uid()).isEqualTo(5);
        assertThat(files.get("etc/wd0").device()).contains(new DeviceNumber(4095, 0xfffff));
        assertThat(files.get("etc/ln").linkTarget()).contains("../" + "t".repeat(70));
        assertThat(files.get("sock").type()).isEqualTo(EntryType.SOCKET);
    }

    @Test
    void severalDirectoriesMergeLikeMakefs() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a/etc"));
        Path b = Files.createDirectories(tmp.resolve("b/etc"));
        Files.writeString(a.resolve("rc"), "rc");
        Files.writeString(b.resolve("motd"), "motd");
        Files.createDirectories(tmp.resolve("b/bin"));
        ImageTree t = ImageTree.fromDirectories(List.of(tmp.resolve("a"), tmp.resolve("b")));
        assertThat(t.lookup("etc/rc")).isPresent();
        assertThat(t.lookup("etc/motd")).isPresent();
        assertThat(t.lookup("bin").orElseThrow().type()).isEqualTo(EntryType.DIRECTORY);
        Files.writeString(tmp.resolve("b/etc/rc"), "clash");
        assertThatThrownBy(() -> ImageTree.fromDirectories(List.of(tmp.resolve("a"), tmp.resolve("b"))))
                .hasMessageContaining(tmp.resolve("b/etc/rc").toString()).hasMessageContaining("cannot merge");
    }

    @Test
    void timestampSetsEveryTimeUnlessClamped() throws Exception {
        Instant early = Instant.ofEpochSecond(1000, 5);
        Instant late = Instant.ofEpochSecond(2_000_000_000L, 7);
        ImageNode root = ImageNode.directory(new Metadata(0755, 0, 0, late, late, late, 0))
                .add("early", ImageNode.fifo(new Metadata(0600, 0, 0, early, early, early, 0)))
                .add("late", ImageNode.fifo(new Metadata(0600, 0, 0, late, late, late, 0)));
        Path set = tmp.resolve("set.img");
        Path clamp = tmp.resolve("clamp.img");
        FfsWriter.write(ImageTree.of(root), MakefsOptions.builder().size(1 << 20).timestamp(HostTrees.T).build(), set);
        FfsWriter.write(ImageTree.of(root), MakefsOptions.builder().size(1 << 20).timestamp(HostTrees.T)
                .clampTime(true).build(), clamp);
        var s = SleuthKit.byPath(set);
        var c = SleuthKit.byPath(clamp);
        assertThat(s.get("early").mtime()).isEqualTo(Instant.ofEpochSecond(HostTrees.T));
        assertThat(s.get("late").mtime()).isEqualTo(Instant.ofEpochSecond(HostTrees.T));
        assertThat(c.get("early").mtime()).isEqualTo(Instant.ofEpochSecond(1000));
        assertThat(c.get("late").mtime()).isEqualTo(Instant.ofEpochSecond(HostTrees.T));
    }

    @Test
    void labelGoesToVolumeName() throws Exception {
        ImageNode root = ImageNode.directory(meta(0755));
        Path img = tmp.resolve("l.img");
        FfsWriter.write(ImageTree.of(root), MakefsOptions.builder().flag('o', "label=slipway-root").build(), img);
        byte[] sb = new byte[1376];
        try (var ch = java.nio.channels.FileChannel.open(img)) {
            ch.read(java.nio.ByteBuffer.wrap(sb), 8192);
        }
        assertThat(new String(sb, 680, 12, StandardCharsets.UTF_8)).isEqualTo("slipway-root");
        assertThat(sb[692]).isZero();
        assertThatThrownBy(() -> MakefsOptions.builder().flag('o', "label=" + "x".repeat(32)).build())
                .hasMessage("-o label=" + "x".repeat(32) + ": longer than 31 bytes");
        assertThatThrownBy(() -> MakefsOptions.builder().flag('o', "version=2").build())
                .hasMessage("-o version=2: slipway writes UFS1 (version 1) only");
    }

    @Test
    void makefsSizeSuffixes() {
        assertThat(MakefsOptions.parseSize("-s", "4m", 1, Long.MAX_VALUE)).isEqualTo(4 << 20);
        assertThat(MakefsOptions.parseSize("-s", "2x4k", 1, Long.MAX_VALUE)).isEqualTo(8192);
        assertThat(MakefsOptions.parseSize("-s", "3b", 1, Long.MAX_VALUE)).isEqualTo(1536);
        assertThatThrownBy(() -> MakefsOptions.parseSize("-s", "4q", 1, Long.MAX_VALUE))
                .hasMessage("-s: invalid number '4q'");
        assertThatThrownBy(() -> MakefsOptions.builder().flag('o', "minfree=100"))
                .hasMessageContaining("-o minfree: 100 is too large");
    }

    @Test
    void offsetKeepsWhatPrecedesTheFileSystem() throws Exception {
        ImageNode root = ImageNode.directory(meta(0755))
                .add("f", ImageNode.file(meta(0644), FileContent.of("data".getBytes(StandardCharsets.UTF_8))));
        MakefsOptions o = MakefsOptions.builder().timestamp(HostTrees.T).size(1 << 20).build();
        Path plain = tmp.resolve("plain.img");
        FfsWriter.write(ImageTree.of(root), o, plain);
        Path shifted = tmp.resolve("shifted.img");
        byte[] mbr = new byte[8192];
        new Random(5).nextBytes(mbr);
        Files.write(shifted, mbr);
        FfsWriter.write(ImageTree.of(root), o.toBuilder().flag('O', "8k").build(), shifted);
        byte[] a = Files.readAllBytes(plain);
        byte[] b = Files.readAllBytes(shifted);
        assertThat(b.length).isEqualTo(8192 + a.length);
        assertThat(Arrays.copyOf(b, 8192)).isEqualTo(mbr);
        byte[] rest = Arrays.copyOfRange(b, 8192, b.length);
        for (int i = 8192 + 728; i < 8192 + 856; i++) {
            rest[i] = a[i];
        }
        assertThat(rest).isEqualTo(a);
    }

    @Test
    void sparseImageHasSameBytesAndFewerBlocks() throws Exception {
        ImageNode root = ImageNode.directory(meta(0755))
                .add("zeros", ImageNode.file(meta(0644), FileContent.of(new byte[4 << 20])))
                .add("x", ImageNode.file(meta(0644), FileContent.of("x".getBytes(StandardCharsets.UTF_8))));
        MakefsOptions o = MakefsOptions.builder().timestamp(HostTrees.T).build();
        Path full = tmp.resolve("full.img");
        Path sparse = tmp.resolve("sparse.img");
        FfsWriter.write(ImageTree.of(root), o, full);
        FfsWriter.write(ImageTree.of(root), o.toBuilder().sparse(true).build(), sparse);
        assertThat(MaskedImageComparison.firstDifference(full, sparse)).isEmpty();
        long fullBlocks = allocatedBlocks(full);
        long sparseBlocks = allocatedBlocks(sparse);
        assertThat(sparseBlocks).isLessThan(fullBlocks - (3 << 20) / 512);
    }

    private static long allocatedBlocks(Path p) throws Exception {
        Process pr = new ProcessBuilder("stat", "-c", "%b", p.toString()).start();
        String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(pr.waitFor()).isZero();
        return Long.parseLong(out);
    }

    @Test
    void imageInMissingFolderIsNoSuchFileWithFileAndReason() throws Exception {
        Path img = tmp.resolve("no/such/x.img");
        ImageTree t = ImageTree.of(ImageNode.directory(meta(0755)));
        assertThatThrownBy(() -> FfsWriter.write(t, MakefsOptions.defaults(), img))
                .isInstanceOfSatisfying(java.nio.file.NoSuchFileException.class, e -> {
                    assertThat(e.getFile()).isEqualTo(img.toString());
                    assertThat(e.getReason()).isEqualTo("folder " + img.getParent() + " does not exist");
                    assertThat(e.getOtherFile()).isNull();
                })
                .hasMessage(img + ": folder " + img.getParent() + " does not exist");
        assertThat(tmp.resolve("no")).doesNotExist();
    }

    @Test
    void imageUnderARegularFileOrOnADirectoryIsFileSystemException() throws Exception {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        ImageTree t = ImageTree.of(ImageNode.directory(meta(0755)));
        Path img = file.resolve("x.img");
        assertThatThrownBy(() -> FfsWriter.write(t, MakefsOptions.defaults(), img))
                .isInstanceOfSatisfying(java.nio.file.FileSystemException.class, e -> {
                    assertThat(e.getFile()).isEqualTo(img.toString());
                    assertThat(e.getReason()).isEqualTo("folder " + file + " is not a directory");
                });
        // the rename would fail only at the end, naming the temporary file
        Path dir = Files.createDirectory(tmp.resolve("d.img"));
        assertThatThrownBy(() -> FfsWriter.write(t, MakefsOptions.defaults(), dir))
                .isInstanceOfSatisfying(java.nio.file.FileSystemException.class, e -> {
                    assertThat(e.getFile()).isEqualTo(dir.toString());
                    assertThat(e.getReason()).isEqualTo("is a directory");
                });
        assertThat(dir).isEmptyDirectory();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("f", "d.img");
        }
    }

    @Test
    void sourceProblemsKeepTheirKindWithPathAndReason() throws Exception {
        Path missing = tmp.resolve("nodir");
        assertThatThrownBy(() -> ImageTree.fromDirectories(List.of(missing)))
                .isInstanceOfSatisfying(java.nio.file.NoSuchFileException.class, e -> {
                    assertThat(e.getFile()).isEqualTo(missing.toString());
                    assertThat(e.getReason()).isEqualTo("cannot stat: no such file or directory");
                })
                .hasMessage(missing + ": cannot stat: no such file or directory");
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThatThrownBy(() -> ImageTree.fromDirectories(List.of(file)))
                .isInstanceOfSatisfying(java.nio.file.FileSystemException.class, e -> {
                    assertThat(e.getFile()).isEqualTo(file.toString());
                    assertThat(e.getReason()).isEqualTo("not a directory");
                });
    }
}
