package io.github.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.slipway.ffs.FfsChecker;
import io.github.slipway.ffs.FfsImage;
import io.github.slipway.ffs.FfsWriter;
import io.github.slipway.ffs.FileContent;
import io.github.slipway.ffs.ImageAssertions;
import io.github.slipway.ffs.ImageNode;
import io.github.slipway.ffs.ImageTree;
import io.github.slipway.ffs.MakefsOptions;
import io.github.slipway.ffs.Metadata;
import io.github.slipway.makedev.Arch;
import io.github.slipway.makedev.DeviceNode;
import io.github.slipway.makedev.Expansion;
import io.github.slipway.makedev.Makedev;
import io.github.slipway.rc.RcFiles;
import io.github.slipway.rc.RcGenerator;
import io.github.slipway.rc.RcOptions;
import io.github.slipway.sailor.ConfReader;
import io.github.slipway.sailor.ShipConfig;
import io.github.slipway.sailor.elf.Closure;
import io.github.slipway.sailor.elf.LibraryResolver;
import io.github.slipway.sailor.elf.OsRules;
import io.github.slipway.sailor.elf.ShipFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of README.md ("Using the libraries"), compiled and run, so that the README
 * cannot drift from the API. Keep the two in step: each test is one README snippet.
 */
class ReadmeExamplesTest {
    private static final Path SHIPS = Path.of("ships");

    @Test
    void sailorParser() throws Exception {
        ShipConfig ship = ConfReader.builder()
                .variable("HOME", "/home/sailor")
                .build()
                .read(SHIPS.resolve("fakecracker/fakecracker.conf"));
        assertThat(ship.shippath()).contains("/home/sailor/src/sailor/fakecracker");
        assertThat(ship.shipbins()).contains("/usr/bin/nc");
        assertThat(ship.ipAddresses()).isEqualTo(Map.of("vioif0", "192.168.2.101/24"));
        assertThat(ship.runAt(io.github.slipway.sailor.Phase.BUILD).get(0).command())
                .isEqualTo("cd /dev && sh MAKEDEV all_md");
    }

    @Test
    void elfClosure() throws Exception {
        Closure closure = LibraryResolver.builder()
                .sysroot(Path.of("/"))
                .os(OsRules.LINUX)
                .build()
                .resolve(List.of("/bin/ls"));
        List<String> inShip = closure.files().stream().map(ShipFile::shipPath).toList();
        assertThat(inShip).contains("/bin/ls", "/lib/x86_64-linux-gnu/libc.so.6");
    }

    @Test
    void makedev() {
        Expansion e = Makedev.forArch(Arch.AMD64).expand("std", "ld0");
        DeviceNode ld0a = e.unique().stream().filter(n -> n.path().equals("ld0a")
                || n.path().equals("./ld0a")).findFirst().orElseThrow();
        assertThat(ld0a.major()).isEqualTo(19);
        assertThat(ld0a.minor()).isZero();
        assertThat(e.makedevSpec()).startsWith(". type=dir optional\n");
    }

    @Test
    void rcGenerator() throws Exception {
        ShipConfig ship = ConfReader.builder().variable("HOME", "/root").build()
                .read(SHIPS.resolve("fakecracker/fakecracker.conf"));
        RcFiles files = RcGenerator.generate(ship, RcOptions.defaults());
        assertThat(files.rc().text()).startsWith("#!/bin/sh").contains("'vioif0'");
        assertThat(files.fstab().text()).contains("/dev/ld0a");
    }

    @Test
    void ffsWriteReadCheck(@TempDir Path dir) throws Exception {
        Instant t = Instant.ofEpochSecond(1_600_000_000L);
        ImageNode root = ImageNode.directory(Metadata.of(0755, 0, 0, t));
        ImageNode etc = ImageNode.directory(Metadata.of(0755, 0, 0, t));
        root.add("etc", etc); // add() returns the directory, for chaining
        etc.add("motd", ImageNode.file(Metadata.of(0644, 0, 0, t),
                FileContent.of("hello\n".getBytes(StandardCharsets.UTF_8))));
        Path img = dir.resolve("root.img");
        FfsWriter.write(ImageTree.of(root), MakefsOptions.defaults(), img);

        try (FfsImage image = FfsImage.open(img)) {
            assertThat(FfsChecker.check(image).isClean()).isTrue();
            ImageAssertions.assertThat(image)
                    .hasFile("/etc/motd").withMode(0644).withContent("hello\n")
                    .isFsckClean();
        }
        try (FileSystem fs = FileSystems.newFileSystem(img)) {
            assertThat(Files.readString(fs.getPath("/etc/motd"))).isEqualTo("hello\n");
        }
    }
}
