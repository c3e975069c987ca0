package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The image as a java.nio.file.FileSystem equals the source tree: paths, attributes, contents. */
class FfsFileSystemTest {
    static Stream<Arguments> configs() {
        return FfsImageTest.configs();
    }

    @ParameterizedTest(name = "seed {0} {1}")
    @MethodSource("configs")
    void fileSystemEqualsTheSourceTree(long seed, Makefs.Config config) throws Exception {
        ImageFixtures.Fixture f = ImageFixtures.fixture(seed, config);
        try (FileSystem fs = FileSystems.newFileSystem(f.image())) {
            assertThat(fs.isReadOnly()).isTrue();
            Path root = fs.getPath("/");
            Set<String> inImage;
            try (Stream<Path> s = Files.walk(root)) {
                inImage = s.map(Path::toString).collect(Collectors.toCollection(TreeSet::new));
            }
            List<Path> source;
            try (Stream<Path> s = Files.walk(f.tree())) {
                source = s.toList();
            }
            assertThat(inImage).as("seed %d", seed).isEqualTo(source.stream()
                    .map(p -> "/" + f.tree().relativize(p)).map(x -> x.equals("/") ? "/" : x)
                    .collect(Collectors.toCollection(TreeSet::new)));
            for (Path p : source) {
                Path q = fs.getPath("/" + f.tree().relativize(p));
                String what = "seed " + seed + " " + q;
                Map<String, Object> want = Files.readAttributes(p, "unix:mode,uid,gid,nlink,rdev,size",
                        LinkOption.NOFOLLOW_LINKS);
                Map<String, Object> got = Files.readAttributes(q, "unix:*", LinkOption.NOFOLLOW_LINKS);
                assertThat(got.get("mode")).as(what).isEqualTo(want.get("mode"));
                assertThat(got.get("uid")).as(what).isEqualTo(want.get("uid"));
                assertThat(got.get("gid")).as(what).isEqualTo(want.get("gid"));
                assertThat(got.get("nlink")).as(what).isEqualTo(want.get("nlink"));
                assertThat(got.get("rdev")).as(what).isEqualTo(want.get("rdev"));
                assertThat(got).as(what).containsKeys("ino", "ctime", "permissions", "owner", "group");
                PosixFileAttributes want2 = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                PosixFileAttributes got2 = Files.readAttributes(q, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                assertThat(got2.permissions()).as(what).isEqualTo(want2.permissions());
                assertThat(got2.isDirectory()).isEqualTo(want2.isDirectory());
                assertThat(got2.isSymbolicLink()).isEqualTo(want2.isSymbolicLink());
                assertThat(got2.isOther()).isEqualTo(want2.isOther());
                if (want2.isRegularFile()) {
                    assertThat(got.get("size")).as(what).isEqualTo(want.get("size"));
                    assertThat(Files.readAllBytes(q)).as(what).isEqualTo(Files.readAllBytes(p));
                } else if (want2.isSymbolicLink()) {
                    assertThat(Files.readSymbolicLink(q).toString()).as(what)
                            .isEqualTo(Files.readSymbolicLink(p).toString());
                }
            }
        }
    }

    @Test
    void writesAreRefusedAndChannelsSeek() throws Exception {
        ImageFixtures.Fixture f = ImageFixtures.fixture(1000, ImageFixtures.CONFIGS.get(0));
        try (FileSystem fs = FileSystems.newFileSystem(f.image())) {
            Path any = fs.getPath("/new");
            assertThatThrownBy(() -> Files.createDirectory(any)).isInstanceOf(ReadOnlyFileSystemException.class);
            assertThatThrownBy(() -> Files.write(any, new byte[1])).isInstanceOf(ReadOnlyFileSystemException.class);
            assertThatThrownBy(() -> Files.delete(fs.getPath("/"))).isInstanceOf(ReadOnlyFileSystemException.class);
            assertThatThrownBy(() -> Files.setAttribute(fs.getPath("/"), "posix:permissions", Set.of()))
                    .isInstanceOf(ReadOnlyFileSystemException.class);
            Path big;
            try (Stream<Path> s = Files.walk(fs.getPath("/"))) {
                big = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                        .filter(p -> {
                            try {
                                return Files.size(p) > 20000;
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }).findFirst().orElseThrow();
            }
            byte[] all = Files.readAllBytes(big);
            try (SeekableByteChannel ch = Files.newByteChannel(big, StandardOpenOption.READ)) {
                ByteBuffer b = ByteBuffer.allocate(100);
                ch.position(15000).read(b);
                assertThat(b.array()).isEqualTo(java.util.Arrays.copyOfRange(all, 15000, 15100));
                b.clear();
                ch.position(10).read(b);
                assertThat(b.array()).isEqualTo(java.util.Arrays.copyOfRange(all, 10, 110));
            }
            assertThat(fs.provider().getScheme()).isEqualTo("ffs");
            URI uri = big.toUri();
            assertThat(uri.toString()).startsWith("ffs:file:").endsWith("!" + big);
        }
    }

    @Test
    void otherFilesAreLeftToOtherProviders() throws Exception {
        Path tmp = Files.createTempFile("notffs", ".bin");
        try {
            Files.write(tmp, new byte[20000]);
            assertThatThrownBy(() -> FileSystems.newFileSystem(tmp))
                    .isInstanceOf(java.nio.file.ProviderNotFoundException.class);
        } finally {
            Files.delete(tmp);
        }
    }
}
