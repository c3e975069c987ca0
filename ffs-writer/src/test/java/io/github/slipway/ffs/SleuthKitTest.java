package io.github.slipway.ffs;

import io.github.slipway.ffs.oracle.SleuthKit;

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

    /**
     * What {@code slipway mtree IMAGE} will do: describe an image as a spec with MtreeWriter. Debian's
     * makefs -F must accept that spec for the same tree, and give an image the Sleuth Kit sees alike.
     */
    @Test
    void specOfAnImageIsAcceptedByMakefs() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("tree"));
        Files.createDirectories(dir.resolve("etc/x y"));
        Files.writeString(dir.resolve("etc/x y/f#1"), "one");
        Files.writeString(dir.resolve("etc/rc"), "#!/bin/sh\n");
        Files.createSymbolicLink(dir.resolve("etc/l"), Path.of("x y/f#1"));
        Path img1 = tmp.resolve("img1");
        DebianMakefs.ok(List.of("-t", "ffs", "-o", "version=1", "-s", "1m", img1.toString(), dir.toString()));
        List<SleuthKit.Entry> first = SleuthKit.list(img1);
        List<MtreeEntry> spec = new java.util.ArrayList<>();
        spec.add(MtreeEntry.builder(".").type(EntryType.DIRECTORY).mode(0755).uid(0).gid(0).build());
        int n = 0;
        for (SleuthKit.Entry e : first) {
            MtreeEntry.Builder b = MtreeEntry.builder("./" + e.path()).type(e.type())
                    .mode(e.mode() ^ 0020).uid(1000 + n).gid(2000 + n).time(e.mtime());
            e.linkTarget().ifPresent(b::link);
            e.device().ifPresent(b::device);
            if (e.type() == EntryType.FILE) {
                b.size(e.size());
            }
            spec.add(b.build());
            n++;
        }
        Path specFile = tmp.resolve("image.spec");
        Files.writeString(specFile, MtreeWriter.toString(spec));
        Path img2 = tmp.resolve("img2");
        DebianMakefs.ok(List.of("-t", "ffs", "-o", "version=1", "-s", "1m", "-F", specFile.toString(),
                img2.toString(), dir.toString()));
        Map<String, SleuthKit.Entry> second = SleuthKit.byPath(img2);
        assertThat(second).hasSize(first.size());
        for (MtreeEntry m : spec.subList(1, spec.size())) {
            SleuthKit.Entry got = second.get(m.path().substring(2));
            assertThat(got).as(m.path()).isNotNull();
            assertThat(got.mode()).as(m.path()).isEqualTo(m.mode().orElseThrow());
            assertThat(got.uid()).as(m.path()).isEqualTo(m.uid().orElseThrow());
            assertThat(got.gid()).as(m.path()).isEqualTo(m.gid().orElseThrow());
            assertThat(got.mtime()).as(m.path()).isEqualTo(m.time().orElseThrow());
            assertThat(got.linkTarget()).as(m.path()).isEqualTo(m.link());
        }
    }

    /** Device numbers come from the inode bytes in either byte order, in any cylinder group. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"le", "be"})
    void devicesInBothByteOrders(String order) throws Exception {
        StringBuilder spec = new StringBuilder(". type=dir mode=0755 uid=0 gid=0\n");
        spec.append("/set type=char mode=0600 uid=0 gid=0\n");
        int count = 300; // 16 cylinder groups of 64 inodes with the -o options below
        for (int i = 0; i < count; i++) {
            spec.append("d").append(i).append(" device=netbsd,").append(i % 4096).append(',')
                    .append((i * 7919) & 0xfffff).append('\n');
        }
        spec.append("tap device=netbsd,169,0xfffff\nsd type=block device=netbsd,4,65538\n");
        Path specFile = tmp.resolve("dev.spec");
        Files.writeString(specFile, spec);
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Path img = tmp.resolve("img");
        DebianMakefs.ok(List.of("-t", "ffs", "-B", order, "-o", "version=1,bsize=4096,fsize=512,maxbpcg=512,density=4096",
                "-s", "4m", "-F", specFile.toString(), img.toString(), dir.toString()));
        Map<String, SleuthKit.Entry> seen = SleuthKit.byPath(img);
        assertThat(seen).hasSize(count + 2);
        assertThat(seen.values().stream().mapToLong(SleuthKit.Entry::inode).max().orElseThrow())
                .as("inodes beyond the first cylinder group").isGreaterThan(3 * 64);
        for (int i = 0; i < count; i++) {
            assertThat(seen.get("d" + i).device()).as("d%d", i)
                    .contains(new DeviceNumber(i % 4096, (i * 7919) & 0xfffff));
        }
        assertThat(seen.get("tap").device()).contains(new DeviceNumber(169, 0xfffff));
        assertThat(seen.get("sd").type()).isEqualTo(EntryType.BLOCK_DEVICE);
        assertThat(seen.get("sd").device()).contains(new DeviceNumber(4, 65538));
        assertThat(seen.get("sd").gid()).isZero();
    }

    @Test
    void flsNamesHideControlCharacters() {
        assertThat(SleuthKit.flsName("a\tb\nc\u007f\u00e9")).isEqualTo("a^b^c\u007f\u00e9");
    }
}
