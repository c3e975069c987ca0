package io.github.slipway.sailor.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * glibc rules in a fake Debian sysroot built with gcc: DT_RPATH is inherited by the libraries a
 * program loads, DT_RUNPATH is not; ld.so.conf includes are read in sorted order; the multiarch
 * directory is a default; the interpreter is reached through a directory symlink.
 */
class LinuxFixtureTest {
    @TempDir
    static Path tmp;
    static Path root;

    @BeforeAll
    static void build() throws Exception {
        Path b = Files.createDirectories(tmp.resolve("b"));
        Gcc.sources(b);
        Files.writeString(b.resolve("main.c"), "void _start(void) { for (;;) { } }\n");
        Gcc.sharedLib(b, "-m64", "libc.so.6", "libc.so.6", List.of());
        Gcc.sharedLib(b, "-m64", "ld-linux-x86-64.so.2", "ld-linux-x86-64.so.2", List.of());
        Gcc.sharedLib(b, "-m64", "libr.so.1", "libr.so.1", List.of(), "libc.so.6");
        Gcc.sharedLib(b, "-m64", "libdup.so.1", "libdup.so.1", List.of());
        Gcc.sharedLib(b, "-m64", "liba.so.1", "liba.so.1", List.of(), "libr.so.1", "libdup.so.1", "libc.so.6");
        String[] common = {"-m64", "-nostdlib", "-Wl,--no-as-needed", "-Wl,-rpath-link," + b, "main.c",
            "-Wl,-dynamic-linker,/lib64/ld-linux-x86-64.so.2"};
        Gcc.run(b, concat(common, "-o", "rpath", "-Wl,--disable-new-dtags", "-Wl,-rpath,/opt/r", "liba.so.1",
                "libc.so.6"));
        Gcc.run(b, concat(common, "-o", "runpath", "-Wl,--enable-new-dtags", "-Wl,-rpath,/opt/r", "liba.so.1",
                "libc.so.6"));

        root = Files.createDirectories(tmp.resolve("debian"));
        Files.createDirectories(root.resolve("usr/lib/x86_64-linux-gnu"));
        Files.createDirectories(root.resolve("usr/lib64"));
        Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(root.resolve("lib64"), Path.of("usr/lib64"));
        put(b, "libc.so.6", "/usr/lib/x86_64-linux-gnu/libc.so.6");
        put(b, "ld-linux-x86-64.so.2", "/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");
        Files.createSymbolicLink(root.resolve("usr/lib64/ld-linux-x86-64.so.2"),
                Path.of("/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"));
        put(b, "libr.so.1", "/opt/r/libr.so.1");
        put(b, "libdup.so.1", "/opt/a/lib/libdup.so.1");
        put(b, "libdup.so.1", "/opt/b/lib/libdup.so.1");
        put(b, "liba.so.1", "/opt/b/lib/liba.so.1");
        put(b, "rpath", "/usr/bin/rpath");
        put(b, "runpath", "/usr/bin/runpath");
        Files.createDirectories(root.resolve("etc/ld.so.conf.d"));
        Files.writeString(root.resolve("etc/ld.so.conf"), "include /etc/ld.so.conf.d/*.conf\n");
        Files.writeString(root.resolve("etc/ld.so.conf.d/b.conf"), "/opt/b/lib\n");
        Files.writeString(root.resolve("etc/ld.so.conf.d/a.conf"), "# sorted before b.conf\n/opt/a/lib\n");
    }

    static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static void put(Path from, String name, String to) throws IOException {
        Path t = root.resolve(to.substring(1));
        Files.createDirectories(t.getParent());
        Files.copy(from.resolve(name), t);
    }

    @Test
    void rpathOfTheProgramServesItsLibrariesToo() throws IOException {
        Closure c = LibraryResolver.builder().sysroot(root).build().resolve(List.of("/usr/bin/rpath"));
        Closure.Program p = c.programs().get(0);
        assertThat(p.os()).as("auto: no NetBSD note, Linux interpreter").isEqualTo(OsRules.LINUX);
        assertThat(p.files()).extracting(ShipFile::shipPath).containsExactly("/usr/bin/rpath",
                "/lib64/ld-linux-x86-64.so.2", "/opt/b/lib/liba.so.1", "/lib/x86_64-linux-gnu/libc.so.6",
                "/opt/r/libr.so.1", "/opt/a/lib/libdup.so.1");
        ShipFile ld = p.files().get(1);
        assertThat(ld.sysrootPath()).isEqualTo("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");
        assertThat(ld.symlinks()).containsExactly(new Symlink("/lib64", "usr/lib64"),
                new Symlink("/usr/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"),
                new Symlink("/lib", "usr/lib"));
    }

    @Test
    void runpathIsNotInherited() throws IOException {
        Closure c = LibraryResolver.builder().sysroot(root).reportMissing(true).build()
                .resolve(List.of("/usr/bin/runpath"));
        assertThat(c.missing()).singleElement().satisfies(m -> assertThat(m.message()).isEqualTo(
                "/usr/bin/runpath -> /opt/b/lib/liba.so.1 -> libr.so.1: not found in /opt/a/lib, /opt/b/lib, "
                        + "/lib/x86_64-linux-gnu, /usr/lib/x86_64-linux-gnu, /lib, /usr/lib (RPATH: none)"));
        assertThat(c.files()).extracting(ShipFile::shipPath).contains("/opt/b/lib/liba.so.1")
                .doesNotContain("/opt/r/libr.so.1");
    }

    @Test
    void netbsdRulesOnTheSameTreeIgnoreLdSoConfIncludesAndMultiarch() throws IOException {
        Closure c = LibraryResolver.builder().sysroot(root).os(OsRules.NETBSD).reportMissing(true).build()
                .resolve(List.of("/usr/bin/rpath"));
        assertThat(c.missing()).extracting(MissingLibrary::name).contains("liba.so.1", "libc.so.6");
    }
}
