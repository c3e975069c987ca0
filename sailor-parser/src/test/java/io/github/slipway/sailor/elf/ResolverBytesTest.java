package io.github.slipway.sailor.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver over hand-built big-endian objects (a NetBSD/sparc64-like tree) and damaged libraries. */
class ResolverBytesTest {
    @TempDir
    Path root;

    private void put(String at, ByteBuffer b) throws IOException {
        Path p = root.resolve(at.substring(1));
        Files.createDirectories(p.getParent());
        byte[] a = new byte[b.limit()];
        b.duplicate().position(0).get(a);
        Files.write(p, a);
    }

    private static ByteBuffer sparc64() {
        return new ElfBytes(true, ByteOrder.BIG_ENDIAN, Elf.EM_SPARCV9).build();
    }

    @Test
    void bigEndianObjectsResolveAndForeignMachinesAreSkipped() throws IOException {
        put("/usr/bin/prog", sparc64());
        put("/usr/libexec/ld.elf_so", sparc64());
        put("/opt/lib/libc.so.12", new ElfBytes(true, ByteOrder.LITTLE_ENDIAN, Elf.EM_X86_64).build());
        put("/usr/lib/libc.so.12", sparc64());
        put("/usr/lib/libutil.so.7", sparc64());
        put("/run/path/libutil.so.7", sparc64()); // DT_RUNPATH: ld.elf_so reads DT_RPATH when both exist
        Closure c = LibraryResolver.builder().sysroot(root).build().resolve(List.of("/usr/bin/prog"));
        assertThat(c.programs().get(0).os()).isEqualTo(OsRules.NETBSD);
        assertThat(c.files()).extracting(ShipFile::shipPath).containsExactly("/usr/bin/prog",
                "/usr/libexec/ld.elf_so", "/usr/lib/libc.so.12", "/usr/lib/libutil.so.7");
    }

    @Test
    void aDamagedLibraryOnTheWayIsAnErrorNamingIt() throws IOException {
        put("/usr/bin/prog", sparc64());
        put("/usr/libexec/ld.elf_so", sparc64());
        put("/usr/lib/libc.so.12", sparc64());
        ElfBytes t = new ElfBytes(true, ByteOrder.BIG_ENDIAN, Elf.EM_SPARCV9);
        ByteBuffer bad = t.build();
        bad.putLong(t.ph(3, 4, 8), 1L << 50); // PT_DYNAMIC far outside the file
        put("/usr/lib/libutil.so.7", bad);
        assertThatThrownBy(() -> LibraryResolver.builder().sysroot(root).build().resolve(List.of("/usr/bin/prog")))
                .isInstanceOf(ElfFormatException.class)
                .hasMessageStartingWith("/usr/lib/libutil.so.7 @0x")
                .hasMessageContaining("PT_DYNAMIC at 0x4000000000000");
    }

    @Test
    void nonElfRequestsNeedTheOption() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/rc"), "#!/bin/sh\n");
        assertThatThrownBy(() -> LibraryResolver.builder().sysroot(root).build().resolve(List.of("/etc/rc")))
                .isInstanceOf(ElfFormatException.class).hasMessage("/etc/rc @0x0: not an ELF file");
        Closure c = LibraryResolver.builder().sysroot(root).allowNonElf(true).build().resolve(List.of("/etc/rc"));
        assertThat(c.files()).extracting(ShipFile::sysrootPath).containsExactly("/etc/rc");
    }
}
