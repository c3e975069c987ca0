package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader against makefs images of seeded trees: every path reads back as the source tree has it. */
class FfsImageTest {
    static Stream<Arguments> configs() {
        List<Arguments> out = new ArrayList<>();
        long seed = 1000;
        for (Makefs.Config c : ImageFixtures.CONFIGS) {
            out.add(Arguments.of(seed++, c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0} {1}")
    @MethodSource("configs")
    void readsBackTheSourceTree(long seed, Makefs.Config config) throws Exception {
        ImageFixtures.Fixture f = ImageFixtures.fixture(seed, config);
        try (FfsImage image = FfsImage.open(f.image())) {
            assertThat(image.byteOrder()).as("seed %d", seed)
                    .isEqualTo(config.order().equals("be") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            assertThat(image.blockSize()).isEqualTo(ImageFixtures.blockSize(config));
            compare(seed, f.tree(), image);
        }
    }

    @Test
    void manyCylinderGroupsAreRead() throws Exception {
        ImageFixtures.Fixture f = ImageFixtures.fixture(1002, ImageFixtures.CONFIGS.get(2));
        try (FfsImage image = FfsImage.open(f.image())) {
            assertThat(image.cylinderGroups()).isGreaterThanOrEqualTo(16);
        }
    }

    /** Walks the source tree and checks each path's attributes and content in the image. */
    static void compare(long seed, Path tree, FfsImage image) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.walk(tree)) {
            paths = s.toList();
        }
        assertThat(paths).hasSizeGreaterThan(40);
        for (Path p : paths) {
            String inImage = "/" + tree.relativize(p).toString();
            String what = "seed " + seed + " " + inImage;
            FfsAttributes a = image.lookup(inImage, LinkOption.NOFOLLOW_LINKS).orElseThrow(
                    () -> new AssertionError(what + " missing"));
            PosixFileAttributes pa = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            Map<String, Object> unix = Files.readAttributes(p, "unix:mode,uid,gid,nlink,rdev,ino", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) unix.get("mode");
            assertThat(a.type()).as(what).isEqualTo(EntryType.fromMode(mode));
            assertThat(a.mode()).as(what).isEqualTo(mode & 07777);
            assertThat(a.uid()).as(what).isEqualTo((long) (Integer) unix.get("uid"));
            assertThat(a.gid()).as(what).isEqualTo((long) (Integer) unix.get("gid"));
            assertThat(a.nlink()).as(what).isEqualTo((Integer) unix.get("nlink"));
            // Debian's makefs 20190105 stores whole seconds (di_mtimensec 0): compare those
            assertThat(a.modifyTime().getEpochSecond()).as(what)
                    .isEqualTo(pa.lastModifiedTime().toInstant().getEpochSecond());
            assertThat(a.modifyTime().getNano()).as(what).isZero();
            if (pa.isRegularFile()) {
                assertThat(a.size()).as(what).isEqualTo(pa.size());
                try (InputStream in = image.read(inImage)) {
                    assertThat(in.readAllBytes()).as(what).isEqualTo(Files.readAllBytes(p));
                }
            } else if (pa.isSymbolicLink()) {
                String target = Files.readSymbolicLink(p).toString();
                assertThat(a.symlinkTarget()).as(what).contains(target);
                assertThat(image.readSymbolicLink(inImage)).as(what).isEqualTo(target);
                assertThat(a.size()).as(what).isEqualTo(target.length());
            } else if (a.type().isDevice()) {
                long rdev = (Long) unix.get("rdev");
                assertThat(a.device()).as(what).contains(new DeviceNumber(
                        (int) (((rdev >> 8) & 0xfff)), (int) ((rdev & 0xff) | ((rdev >> 12) & 0xfff00))));
            } else if (a.isDirectory()) {
                List<String> names = new ArrayList<>();
                for (FfsDirectoryEntry e : image.list(inImage)) {
                    names.add(e.name());
                }
                try (Stream<Path> s = Files.list(p)) {
                    assertThat(names).as(what).containsExactlyInAnyOrderElementsOf(
                            s.map(x -> x.getFileName().toString()).toList());
                }
            }
        }
    }

    @Test
    void followsSymlinksWithAHopLimit(@TempDir Path tmp) throws Exception {
        Path tree = tmp.resolve("t");
        Files.createDirectories(tree.resolve("d/e"));
        Files.writeString(tree.resolve("d/e/f"), "content");
        Files.createSymbolicLink(tree.resolve("rel"), Path.of("d/e"));
        Files.createSymbolicLink(tree.resolve("d/abs"), Path.of("/d/e/f"));
        Files.createSymbolicLink(tree.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(tree.resolve("loop2"), Path.of("loop1"));
        Files.createSymbolicLink(tree.resolve("dangling"), Path.of("nowhere"));
        Path img = Makefs.make(tmp.resolve("img"), tree, new Makefs.Config("le", "", 4 << 20));
        try (FfsImage image = FfsImage.open(img)) {
            assertThat(new String(image.read("/rel/f").readAllBytes())).isEqualTo("content");
            assertThat(new String(image.read("/d/abs").readAllBytes())).isEqualTo("content");
            assertThat(image.lookup("/rel/../abs").map(FfsAttributes::type)).contains(EntryType.FILE);
            assertThat(image.lookup("/rel", LinkOption.NOFOLLOW_LINKS).map(FfsAttributes::type))
                    .contains(EntryType.SYMLINK);
            assertThat(image.lookup("/rel").map(FfsAttributes::type)).contains(EntryType.DIRECTORY);
            assertThat(image.lookup("/dangling")).isEmpty();
            assertThat(image.lookup("/dangling", LinkOption.NOFOLLOW_LINKS)).isPresent();
            assertThatThrownBy(() -> image.lookup("/loop1")).isInstanceOf(FileSystemException.class)
                    .hasMessageContaining("too many levels of symbolic links");
            assertThatThrownBy(() -> image.list("/nope")).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> image.read("/d")).isInstanceOf(FileSystemException.class)
                    .hasMessageContaining("not a regular file");
        }
    }

    @Test
    void readsFromAChannel() throws Exception {
        ImageFixtures.Fixture f = ImageFixtures.fixture(1000, ImageFixtures.CONFIGS.get(0));
        try (SeekableByteChannel ch = Files.newByteChannel(f.image());
                FfsImage image = FfsImage.open(ch, "mem.img")) {
            compare(1000, f.tree(), image);
            assertThat(image.name()).isEqualTo("mem.img");
        }
    }

    @Test
    void rejectsAnImageWithoutMagic(@TempDir Path tmp) throws Exception {
        Path p = tmp.resolve("zero.img");
        Files.write(p, new byte[65536]);
        assertThatThrownBy(() -> FfsImage.open(p)).isInstanceOf(FfsFormatException.class)
                .hasMessage(p + ": @0x255c: fs_magic 0x0, expected 0x11954 (UFS1) in either byte order");
        Path small = tmp.resolve("small.img");
        Files.write(small, new byte[100]);
        assertThatThrownBy(() -> FfsImage.open(small)).isInstanceOf(FfsFormatException.class)
                .hasMessageContaining("ends before the superblock");
    }

    @Test
    void rejectsADirectoryByNameNotAsAShortImage(@TempDir Path tmp) {
        // Linux opens a directory read-only and gives it a size, which used to read as "4096 bytes"
        assertThatThrownBy(() -> FfsImage.open(tmp)).isInstanceOf(FileSystemException.class)
                .hasMessage(tmp + ": is a directory, not an image");
    }

    @SuppressWarnings("unused")
    private static PosixFilePermission unused() {
        return PosixFilePermission.OWNER_READ;
    }

    /** makefs writes whole seconds, so the nanoseconds are patched in to show they are read. */
    @Test
    void readsNanosecondTimesAndTheGeneration(@TempDir Path tmp) throws Exception {
        Path tree = tmp.resolve("t");
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("f"), "x");
        Path img = Makefs.make(tmp.resolve("img"), tree, new Makefs.Config("be", "", 4 << 20));
        long ino;
        long off;
        try (FfsImage image = FfsImage.open(img)) {
            ino = image.resolve("/f", false);
            off = image.volume().inodeOffset(ino);
            // makefs copies st_gen, which Linux stat(2) does not have: written inodes carry 0
            assertThat(image.attributes(ino).generation()).isZero();
        }
        try (var ch = java.nio.channels.FileChannel.open(img, java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4);
            ch.write(b.putInt(0, 123456789).rewind(), off + io.github.slipway.ffs.internal.format.Ufs1InodeLayout.DI_MTIMENSEC);
            ch.write(b.putInt(0, 5).rewind(), off + io.github.slipway.ffs.internal.format.Ufs1InodeLayout.DI_ATIMENSEC);
            ch.write(b.putInt(0, 77).rewind(), off + io.github.slipway.ffs.internal.format.Ufs1InodeLayout.DI_GEN);
        }
        try (FfsImage image = FfsImage.open(img)) {
            FfsAttributes a = image.attributes(ino);
            assertThat(a.modifyTime().getNano()).isEqualTo(123456789);
            assertThat(a.accessTime().getNano()).isEqualTo(5);
            assertThat(a.generation()).isEqualTo(77);
        }
    }
}
