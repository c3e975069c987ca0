package io.github.slipway.sailor.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fake NetBSD sysroot made of objects that gcc builds here: i386 ({@code -m32}) and amd64
 * programs that ask for {@code /usr/libexec/ld.elf_so}, carry a {@code .note.netbsd.ident} note
 * and need {@code libc.so.12} & co. through symlink chains, ld.so.conf, DT_RPATH, {@code $ORIGIN}
 * and {@code $OSNAME}/{@code $OSREL}/{@code $PLATFORM}.
 */
class NetbsdFixtureTest {
    @TempDir
    static Path tmp;
    static Path root;

    @BeforeAll
    static void build() throws Exception {
        Path b32 = Files.createDirectories(tmp.resolve("b32"));
        Path b64 = Files.createDirectories(tmp.resolve("b64"));
        for (Path b : List.of(b32, b64)) {
            Gcc.sources(b);
        }
        // i386
        Gcc.sharedLib(b32, "-m32", "libc.so.12.220", "libc.so.12", List.of("note.S"));
        Gcc.sharedLib(b32, "-m32", "ld.elf_so", "ld.elf_so", List.of());
        Gcc.sharedLib(b32, "-m32", "libos.so.1", "libos.so.1", List.of(), "libc.so.12.220");
        Gcc.sharedLib(b32, "-m32", "libutil.so.7", "libutil.so.7",
                List.of("-Wl,-rpath,/usr/lib/$OSNAME-$OSREL/$PLATFORM"), "libos.so.1", "libc.so.12.220");
        Gcc.sharedLib(b32, "-m32", "libz.so.1.2", "libz.so.1", List.of(), "libc.so.12.220");
        // libfoo and libpriv need each other: link libpriv against a stub libfoo first
        Gcc.sharedLib(b32, "-m32", "libfoo.so.1", "libfoo.so.1", List.of());
        Gcc.sharedLib(b32, "-m32", "libpriv.so.0", "libpriv.so.0", List.of(), "libfoo.so.1", "libc.so.12.220");
        Gcc.sharedLib(b32, "-m32", "libfoo.so.1", "libfoo.so.1", List.of("-Wl,-rpath,$ORIGIN/../libexec/priv"),
                "libpriv.so.0");
        Gcc.sharedLib(b32, "-m32", "libgone.so.3", "libgone.so.3", List.of());
        Gcc.sharedLib(b32, "-m32", "libloop.so.1", "libloop.so.1", List.of());
        Gcc.run(b32, "-m32", "-nostdlib", "-Wl,--no-as-needed", "-Wl,--disable-new-dtags", "-o", "prog", "main.c",
                "note.S", "-Wl,-dynamic-linker,/usr/libexec/ld.elf_so", "-Wl,-rpath,/usr/pkg/lib/foo",
                "-Wl,-rpath-link," + b32, "libfoo.so.1", "libutil.so.7", "libz.so.1.2", "libc.so.12.220");
        Gcc.run(b32, "-m32", "-nostdlib", "-Wl,--no-as-needed", "-o", "nc", "main.c", "note.S",
                "-Wl,-dynamic-linker,/usr/libexec/ld.elf_so", "libgone.so.3");
        Gcc.run(b32, "-m32", "-nostdlib", "-Wl,--no-as-needed", "-o", "looper", "main.c", "note.S",
                "-Wl,-dynamic-linker,/usr/libexec/ld.elf_so", "libloop.so.1");
        Gcc.run(b32, "-m32", "-nostdlib", "-Wl,--no-as-needed", "-o", "compat", "main.c", "note.S",
                "-Wl,-dynamic-linker,/usr/libexec/ld.elf_so-i386", "libc.so.12.220");
        // amd64
        Gcc.sharedLib(b64, "-m64", "libc.so.12", "libc.so.12", List.of("note.S"));
        Gcc.sharedLib(b64, "-m64", "libutil.so.7", "libutil.so.7", List.of(), "libc.so.12");
        Gcc.run(b64, "-m64", "-nostdlib", "-Wl,--no-as-needed", "-o", "prog64", "main.c", "note.S",
                "-Wl,-dynamic-linker,/usr/libexec/ld.elf_so", "libutil.so.7", "libc.so.12");

        root = Files.createDirectories(tmp.resolve("netbsd"));
        put(b32, "ld.elf_so", "/libexec/ld.elf_so");
        link("/usr/libexec/ld.elf_so", "/libexec/ld.elf_so");
        put(b32, "libc.so.12.220", "/lib/libc.so.12.220");
        link("/lib/libc.so.12", "libc.so.12.220");
        link("/usr/lib/libc.so.12", "/lib/libc.so.12");
        put(b32, "libutil.so.7", "/usr/lib/libutil.so.7");
        put(b32, "libos.so.1", "/usr/lib/NetBSD-10.0/i386/libos.so.1");
        put(b32, "libz.so.1.2", "/lib/libz.so.1.2");
        // escapes the sysroot if a host followed it; inside the sysroot it means /lib/libz.so.1.2
        link("/usr/lib/libz.so.1", "/../../../../../../lib/libz.so.1.2");
        put(b32, "libfoo.so.1", "/usr/pkg/lib/foo/libfoo.so.1");
        put(b32, "libpriv.so.0", "/usr/pkg/libexec/priv/libpriv.so.0");
        put(b32, "prog", "/usr/pkg/bin/prog");
        put(b32, "nc", "/usr/bin/nc");
        link("/usr/bin/prog", "../pkg/bin/prog");
        put(b32, "looper", "/usr/bin/looper");
        link("/usr/lib/libloop.so.1", "libloop.so.1.0");
        link("/usr/lib/libloop.so.1.0", "/usr/lib/libloop.so.1");
        put(b64, "libc.so.12", "/usr/local/lib/libc.so.12");
        put(b64, "libutil.so.7", "/usr/local/lib/libutil.so.7");
        put(b64, "prog64", "/usr/pkg/bin/prog64");
        // NetBSD/amd64 with i386 compat libraries: /usr/lib holds amd64, /usr/lib/i386 the i386 ones
        Path compat = Files.createDirectories(tmp.resolve("compat"));
        Files.createDirectories(compat.resolve("usr/lib/i386"));
        Files.createDirectories(compat.resolve("usr/libexec"));
        Files.createDirectories(compat.resolve("usr/bin"));
        Files.copy(b64.resolve("libc.so.12"), compat.resolve("usr/lib/libc.so.12"));
        Files.copy(b32.resolve("libc.so.12.220"), compat.resolve("usr/lib/i386/libc.so.12"));
        Files.copy(b32.resolve("ld.elf_so"), compat.resolve("usr/libexec/ld.elf_so-i386"));
        Files.copy(b32.resolve("compat"), compat.resolve("usr/bin/compat"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/ld.so.conf"), "# amd64 libraries first; i386 programs skip them\n"
                + "/usr/local/lib\nlibm.so.0 machdep.fpu_present 1:libm387.so.0\n");
    }

    static void put(Path from, String name, String to) throws IOException {
        Path t = root.resolve(to.substring(1));
        Files.createDirectories(t.getParent());
        Files.copy(from.resolve(name), t, StandardCopyOption.REPLACE_EXISTING);
    }

    static void link(String at, String target) throws IOException {
        Path l = root.resolve(at.substring(1));
        Files.createDirectories(l.getParent());
        Files.createSymbolicLink(l, Path.of(target));
    }

    static LibraryResolver.Builder resolver() {
        return LibraryResolver.builder().sysroot(root);
    }

    @Test
    void fixturesAreWhatTheLinkerWasAskedFor() throws IOException {
        ElfFile prog = ElfFile.open(root.resolve("usr/pkg/bin/prog"));
        assertThat(prog.header().eiClass()).isEqualTo(Elf.ELFCLASS32);
        assertThat(prog.header().eMachine()).isEqualTo(Elf.EM_386);
        assertThat(prog.interpreter()).contains("/usr/libexec/ld.elf_so");
        assertThat(prog.needed()).containsExactly("libfoo.so.1", "libutil.so.7", "libz.so.1", "libc.so.12");
        assertThat(prog.rpath()).contains("/usr/pkg/lib/foo");
        assertThat(prog.netbsdVersion()).hasValue(1000000000L);
        ElfFile libc = ElfFile.open(root.resolve("usr/local/lib/libc.so.12"));
        assertThat(libc.header().is64()).isTrue();
        assertThat(libc.soname()).contains("libc.so.12");
        assertThat(libc.netbsdVersion()).hasValue(1000000000L);
    }

    @Test
    void i386ProgramClosureFollowsLdElfSoRules() throws IOException {
        Closure c = resolver().build().resolve(List.of("/usr/pkg/bin/prog"));
        Closure.Program p = c.programs().get(0);
        assertThat(p.os()).as("detected from the NetBSD ident note").isEqualTo(OsRules.NETBSD);
        assertThat(p.files()).extracting(ShipFile::shipPath).containsExactly(
                "/usr/pkg/bin/prog",
                "/usr/libexec/ld.elf_so",
                "/usr/pkg/lib/foo/libfoo.so.1",            // DT_RPATH of the program
                "/usr/lib/libutil.so.7",                   // /usr/local/lib (ld.so.conf) holds an amd64 one: skipped
                "/usr/lib/libz.so.1",
                "/usr/lib/libc.so.12",
                "/usr/pkg/libexec/priv/libpriv.so.0",      // $ORIGIN of libfoo is the PROGRAM's directory
                "/usr/lib/NetBSD-10.0/i386/libos.so.1");   // $OSNAME-$OSREL/$PLATFORM
        assertThat(p.files()).extracting(ShipFile::role).startsWith(ShipFile.Role.REQUESTED,
                ShipFile.Role.INTERPRETER, ShipFile.Role.LIBRARY);
        ShipFile ld = p.files().get(1);
        assertThat(ld.sysrootPath()).isEqualTo("/libexec/ld.elf_so");
        assertThat(ld.symlinks()).containsExactly(new Symlink("/usr/libexec/ld.elf_so", "/libexec/ld.elf_so"));
        ShipFile libc = p.files().get(5);
        assertThat(libc.sysrootPath()).isEqualTo("/lib/libc.so.12.220");
        assertThat(libc.symlinks()).containsExactly(new Symlink("/usr/lib/libc.so.12", "/lib/libc.so.12"),
                new Symlink("/lib/libc.so.12", "libc.so.12.220"));
        assertThat(libc.hostPath()).isEqualTo(root.toRealPath().resolve("lib/libc.so.12.220"));
        ShipFile libz = p.files().get(4);
        assertThat(libz.sysrootPath()).as("absolute link resolved against the sysroot").isEqualTo("/lib/libz.so.1.2");
        assertThat(libz.hostPath()).startsWith(root.toRealPath());
        // the cycle libfoo <-> libpriv is tolerated and shows in the dependencies
        assertThat(p.files().get(6).needed()).contains(
                new ShipFile.Dependency("libfoo.so.1", java.util.Optional.of("/usr/pkg/lib/foo/libfoo.so.1")));
    }

    @Test
    void originIsTheRealDirectoryOfTheProgramEvenThroughALink() throws IOException {
        Closure c = resolver().build().resolve(List.of("/usr/bin/prog"));
        assertThat(c.programs().get(0).file().symlinks())
                .containsExactly(new Symlink("/usr/bin/prog", "../pkg/bin/prog"));
        assertThat(c.files()).extracting(ShipFile::shipPath).contains("/usr/pkg/libexec/priv/libpriv.so.0");
    }

    @Test
    void amd64ProgramTakesTheLdSoConfDirectoryFirst() throws IOException {
        Closure c = resolver().os(OsRules.NETBSD).build().resolve(List.of("/usr/pkg/bin/prog64"));
        assertThat(c.files()).extracting(ShipFile::shipPath).containsExactly("/usr/pkg/bin/prog64",
                "/usr/libexec/ld.elf_so", "/usr/local/lib/libutil.so.7", "/usr/local/lib/libc.so.12");
    }

    @Test
    void linuxRulesExpandOriginAgainstTheLibraryAndMissPriv() throws IOException {
        Closure c = resolver().os(OsRules.LINUX).reportMissing(true).build().resolve(List.of("/usr/pkg/bin/prog"));
        assertThat(c.missing()).extracting(MissingLibrary::name).contains("libpriv.so.0");
        assertThat(c.missing().get(0).message()).startsWith(
                "/usr/pkg/bin/prog -> /usr/pkg/lib/foo/libfoo.so.1 -> libpriv.so.0: not found in "
                        + "/usr/pkg/lib/foo/../libexec/priv, /usr/pkg/lib/foo");
    }

    @Test
    void compatLoaderAddsItsArchSubdirectory() throws IOException {
        Closure c = LibraryResolver.builder().sysroot(tmp.resolve("compat")).build()
                .resolve(List.of("/usr/bin/compat"));
        assertThat(c.files()).extracting(ShipFile::shipPath).containsExactly("/usr/bin/compat",
                "/usr/libexec/ld.elf_so-i386", "/usr/lib/i386/libc.so.12");
    }

    @Test
    void missingLibraryNamesTheChainAndTheSearch() {
        assertThatThrownBy(() -> resolver().build().resolve(List.of("/usr/bin/nc")))
                .isInstanceOf(MissingLibraryException.class)
                .hasMessage("/usr/bin/nc -> libgone.so.3: not found in /usr/local/lib, /usr/lib (RPATH: none)");
    }

    @Test
    void symlinkLoopIsAnErrorNamingTheFile() {
        assertThatThrownBy(() -> resolver().build().resolve(List.of("/usr/bin/looper")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/usr/lib/libloop.so.1")
                .hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void globsExpandInsideTheSysrootAndFilesAreListedOnce() throws IOException {
        Closure c = resolver().build().resolve(List.of("/usr/pkg/bin/prog*"));
        assertThat(c.programs()).extracting(p -> p.file().shipPath())
                .containsExactly("/usr/pkg/bin/prog", "/usr/pkg/bin/prog64");
        assertThat(c.files()).extracting(ShipFile::shipPath).doesNotHaveDuplicates()
                .contains("/usr/lib/libc.so.12", "/usr/local/lib/libc.so.12");
        assertThatThrownBy(() -> resolver().build().resolve(List.of("/usr/pkg/bin/nothing*")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessageContaining("/usr/pkg/bin/nothing*");
    }

    @Test
    void defaultBinsAddLdElfSoAndSkipWhatTheSysrootLacks() throws IOException {
        Closure c = resolver().defaultBins(true).build().resolve(List.of("/usr/pkg/bin/prog64"));
        assertThat(c.programs()).extracting(p -> p.file().shipPath())
                .containsExactly("/libexec/ld.elf_so", "/usr/libexec/ld.elf_so", "/usr/pkg/bin/prog64");
    }
}
