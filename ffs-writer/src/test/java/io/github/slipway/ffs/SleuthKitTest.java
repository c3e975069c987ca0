package io.github.slipway.ffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks SleuthKit against a tree Debian's makefs put in an image. */
class SleuthKitTest {
    @TempDir
    Path tmp;

    static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    @Test
    void readsWhatMakefsWrote() throws Exception {
        long seed = 20261203L;
        Random random = new Random(seed);
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        Files.createDirectories(dir.resolve("sub/deeper"));
        byte[] small = "hello\n".getBytes(StandardCharsets.US_ASCII);
        byte[] big = randomBytes(random, 100_000);
        Files.write(dir.resolve("small"), small);
        Files.write(dir.resolve("sub/big"), big);
        Files.write(dir.resolve("empty"), new byte[0]);
        Files.write(dir.resolve("sub/deeper/space name"), small);
        Files.createSymbolicLink(dir.resolve("link"), Path.of("sub/big"));
        Files.createLink(dir.resolve("hard"), dir.resolve("small"));
        new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start().waitFor();
        Files.setPosixFilePermissions(dir.resolve("small"), PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(new ProcessBuilder("chmod", "7755", dir.resolve("sub/deeper").toString()).start().waitFor())
                .isZero();
        Files.setPosixFilePermissions(dir.resolve("sub/big"), PosixFilePermissions.fromString("r--r--r--"));
        Instant when = Instant.ofEpochSecond(1_600_000_000L);
        Files.setLastModifiedTime(dir.resolve("sub/big"), FileTime.from(when));
        Path img = tmp.resolve("img");
        DebianMakefs.ok(List.of("-t", "ffs", "-o", "version=1", "-s", "2m", img.toString(), dir.toString()));

        Map<String, SleuthKit.Entry> seen = SleuthKit.listWithContents(img).stream()
                .collect(Collectors.toMap(SleuthKit.Entry::path, e -> e));
        assertThat(seen.keySet()).as("seed %d", seed).containsExactlyInAnyOrder(
                "small", "hard", "empty", "link", "fifo", "sub", "sub/big", "sub/deeper",
                "sub/deeper/space name");
        long uid = (Integer) Files.getAttribute(dir, "unix:uid");
        long gid = (Integer) Files.getAttribute(dir, "unix:gid");
        SleuthKit.Entry s = seen.get("small");
        assertThat(s.type()).isEqualTo(EntryType.FILE);
        assertThat(s.mode()).isEqualTo(0750);
        assertThat(s.uid()).isEqualTo(uid);
        assertThat(s.gid()).isEqualTo(gid);
        assertThat(s.nlink()).isEqualTo(2);
        assertThat(s.content()).hasValueSatisfying(c -> assertThat(c).isEqualTo(small));
        assertThat(seen.get("hard").inode()).isEqualTo(s.inode());
        SleuthKit.Entry b = seen.get("sub/big");
        assertThat(b.size()).isEqualTo(big.length);
        assertThat(b.mode()).isEqualTo(0444);
        assertThat(b.mtime()).isEqualTo(when);
        assertThat(b.content()).hasValueSatisfying(c -> assertThat(c).isEqualTo(big));
        assertThat(seen.get("empty").content()).hasValueSatisfying(c -> assertThat(c).isEmpty());
        assertThat(seen.get("link").type()).isEqualTo(EntryType.SYMLINK);
        assertThat(seen.get("link").linkTarget()).contains("sub/big");
        assertThat(seen.get("fifo").type()).isEqualTo(EntryType.FIFO);
        assertThat(seen.get("sub").type()).isEqualTo(EntryType.DIRECTORY);
        assertThat(seen.get("sub").nlink()).isEqualTo(3);
        assertThat(seen.get("sub/deeper").mode()).isEqualTo(07755);
        assertThat(SleuthKit.content(img, s.inode())).isEqualTo(small);
    }

    @Test
    void flsNamesHideControlCharacters() {
        assertThat(SleuthKit.flsName("a\tb\nc\u007f\u00e9")).isEqualTo("a^b^c\u007f\u00e9");
    }
}
