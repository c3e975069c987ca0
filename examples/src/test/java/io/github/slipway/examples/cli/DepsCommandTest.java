package io.github.slipway.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void treeLikeLddtreeForAProgramOfThisMachine() {
        SlipwayTest.Result r = SlipwayTest.run("deps", "--os", "linux", "/usr/bin/ls");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("/usr/bin/ls (interpreter => /lib");
        assertThat(lines).anyMatch(l -> l.matches("    libc\\.so\\.6 => /.*/libc\\.so\\.6"));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void listModeGivesEachFileThenItsClosureWithBlankLinesBetween() {
        SlipwayTest.Result r = SlipwayTest.run("deps", "-l", "/usr/bin/ls", "/usr/bin/cat");
        assertThat(r.status()).as(r.err()).isZero();
        String[] parts = r.out().split("\n\n");
        assertThat(parts).hasSize(2);
        assertThat(parts[0].lines().toList()).first().isEqualTo("/usr/bin/ls");
        assertThat(parts[0].lines().toList()).anyMatch(l -> l.endsWith("/libc.so.6"))
                .anyMatch(l -> l.contains("ld-linux"));
        assertThat(parts[1].lines().toList()).first().isEqualTo("/usr/bin/cat");
    }

    private void assertOneLineError(SlipwayTest.Result r, String... parts) {
        assertThat(r.status()).isEqualTo(Slipway.EXIT_BAD_INPUT);
        assertThat(r.err()).startsWith("slipway: ").contains(parts);
        assertThat(r.err().lines().count()).as("one line, no stack trace: %s", r.err()).isEqualTo(1);
    }

    @Test
    void garbageTruncatedAndNotElfAreOneLineErrors() throws Exception {
        Files.write(tmp.resolve("garbage"), new byte[] {0x7f, 'E', 'L', 'F', 9, 9, 9, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        byte[] ls = Files.readAllBytes(Path.of("/usr/bin/ls"));
        Files.write(tmp.resolve("truncated"), java.util.Arrays.copyOf(ls, 200));
        Files.writeString(tmp.resolve("script"), "#!/bin/sh\n");
        assertOneLineError(SlipwayTest.run("deps", "--root", tmp.toString(), "/garbage"),
                "/garbage @0x4: EI_CLASS 9");
        assertOneLineError(SlipwayTest.run("deps", "--root", tmp.toString(), "/truncated"),
                "/truncated @0x20: program header table");
        assertOneLineError(SlipwayTest.run("deps", "--root", tmp.toString(), "/script"),
                "/script @0x0: not an ELF file");
        assertOneLineError(SlipwayTest.run("deps", "--root", tmp.toString(), "/nothing"),
                "/nothing: no such file or directory");
    }

    @Test
    void missingInterpreterAndSymlinkLoopAreOneLineErrors() throws Exception {
        Files.createDirectories(tmp.resolve("usr/bin"));
        Files.copy(Path.of("/usr/bin/ls"), tmp.resolve("usr/bin/ls"));
        assertOneLineError(SlipwayTest.run("deps", "--root", tmp.toString(), "/usr/bin/ls"),
                "/usr/bin/ls -> /lib64/ld-linux-x86-64.so.2: interpreter not found");
        Files.createSymbolicLink(tmp.resolve("usr/bin/a"), Path.of("b"));
        Files.createSymbolicLink(tmp.resolve("usr/bin/b"), Path.of("/usr/bin/a"));
        assertOneLineError(SlipwayTest.run("deps", "--root", tmp.toString(), "/usr/bin/a"),
                "/usr/bin/a: too many levels of symbolic links");
    }

    @Test
    void missingLibrariesShowInTheTreeAndFailTheRun() throws Exception {
        Files.createDirectories(tmp.resolve("lib64"));
        Files.createDirectories(tmp.resolve("usr/bin"));
        Files.copy(Path.of("/usr/bin/ls"), tmp.resolve("usr/bin/ls"));
        Files.copy(Path.of("/lib64/ld-linux-x86-64.so.2"), tmp.resolve("lib64/ld-linux-x86-64.so.2"));
        SlipwayTest.Result r = SlipwayTest.run("deps", "--root", tmp.toString(), "/usr/bin/ls");
        assertThat(r.out()).contains("    libc.so.6 => not found");
        assertOneLineError(r, "/usr/bin/ls -> libselinux.so.1: not found in /lib64, /usr/lib64 (RPATH: none) (and 1 more missing)");
    }

    @Test
    void unknownOsIsAUsageError() {
        SlipwayTest.Result r = SlipwayTest.run("deps", "--os", "plan9", "/usr/bin/ls");
        assertThat(r.status()).isEqualTo(Slipway.EXIT_USAGE);
        assertThat(r.err()).contains("--os: expected netbsd or linux, not 'plan9'");
    }
}
