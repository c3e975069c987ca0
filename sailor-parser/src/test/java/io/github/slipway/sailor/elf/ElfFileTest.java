package io.github.slipway.sailor.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.sailor.elf.internal.ElfLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ElfFileTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(false, ByteOrder.LITTLE_ENDIAN, Elf.EM_386),
                Arguments.of(false, ByteOrder.BIG_ENDIAN, Elf.EM_PPC),
                Arguments.of(true, ByteOrder.LITTLE_ENDIAN, Elf.EM_X86_64),
                Arguments.of(true, ByteOrder.BIG_ENDIAN, Elf.EM_SPARCV9));
    }

    /** The same bytes through each input kind: 0 buffer, 1 path, 2 channel. */
    private ElfFile read(ByteBuffer b, int kind) throws IOException {
        if (kind == 0) {
            return ElfFile.from(b, "bytes.elf");
        }
        Path f = tmp.resolve("t.elf");
        byte[] a = new byte[b.limit()];
        b.duplicate().position(0).get(a);
        Files.write(f, a);
        if (kind == 1) {
            return ElfFile.open(f);
        }
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(f)) {
            ch.position(7);
            return ElfFile.read(ch, f.toString());
        }
    }

    @ParameterizedTest(name = "64={0} {1} machine {2}")
    @MethodSource("kinds")
    void readsHandBuiltObjectsOfEveryClassAndOrder(boolean is64, ByteOrder order, int machine) throws IOException {
        ElfBytes t = new ElfBytes(is64, order, machine);
        for (int kind = 0; kind < 3; kind++) {
            ElfFile e = read(t.build(), kind);
            assertThat(e.header().is64()).isEqualTo(is64);
            assertThat(e.header().isBigEndian()).isEqualTo(order == ByteOrder.BIG_ENDIAN);
            assertThat(e.header().eMachine()).isEqualTo(machine);
            assertThat(e.header().eType()).isEqualTo(Elf.ET_DYN);
            assertThat(e.header().ePhnum()).isEqualTo(5);
            assertThat(e.header().eEntry()).isEqualTo(ElfBytes.VADDR + 0x100);
            assertThat(e.programHeaders()).extracting(ProgramHeader::pType)
                    .containsExactly((long) Elf.PT_PHDR, (long) Elf.PT_INTERP, (long) Elf.PT_LOAD,
                            (long) Elf.PT_DYNAMIC, (long) Elf.PT_NOTE);
            assertThat(e.interpreter()).contains(ElfBytes.INTERP);
            assertThat(e.isDynamic()).isTrue();
            assertThat(e.needed()).containsExactly("libc.so.12", "libutil.so.7");
            assertThat(e.soname()).contains("libtest.so.1");
            assertThat(e.rpath()).contains("/opt/lib:$ORIGIN/../lib");
            assertThat(e.runpath()).contains("/run/path");
            assertThat(e.flags1()).isEqualTo(Elf.DF_1_PIE);
            assertThat(e.dynamicEntries()).hasSize(8).first()
                    .isEqualTo(new DynamicEntry(Elf.DT_NEEDED, t.needed1));
            assertThat(e.netbsdVersion()).hasValue(1000000000L);
            assertThat(e.gnuAbiTag()).hasValueSatisfying(v -> assertThat(v).containsExactly(0, 3, 2, 0));
            assertThat(e.notes()).hasSize(2);
        }
    }

    @Test
    void layoutConstantsAddUpToTheStructSizes() {
        assertThat(ElfLayout.E_SHSTRNDX_32 + 2).isEqualTo(ElfLayout.EHDR_SIZE_32);
        assertThat(ElfLayout.E_SHSTRNDX_64 + 2).isEqualTo(ElfLayout.EHDR_SIZE_64);
        assertThat(ElfLayout.P_ALIGN_32 + 4).isEqualTo(ElfLayout.PHDR_SIZE_32);
        assertThat(ElfLayout.P_ALIGN_64 + 8).isEqualTo(ElfLayout.PHDR_SIZE_64);
        assertThat(ElfLayout.D_VAL_32 + 4).isEqualTo(ElfLayout.DYN_SIZE_32);
        assertThat(ElfLayout.D_VAL_64 + 8).isEqualTo(ElfLayout.DYN_SIZE_64);
        assertThat(ElfLayout.N_TYPE + 4).isEqualTo(ElfLayout.NHDR_SIZE);
    }

    @Test
    void readsTheRealLsOfThisMachine() throws IOException {
        ElfFile ls = ElfFile.open(Path.of("/usr/bin/ls"));
        assertThat(ls.interpreter()).hasValueSatisfying(i -> assertThat(i).contains("ld-linux"));
        assertThat(ls.needed()).contains("libc.so.6");
        assertThat(ls.gnuAbiTag()).isPresent();
    }

    // ---- hostile input: one named field broken, the exception names the file and offset

    private static ElfBytes t64() {
        return new ElfBytes(true, ByteOrder.BIG_ENDIAN, Elf.EM_PPC64);
    }

    private static void assertBroken(ByteBuffer b, String... parts) {
        assertThatThrownBy(() -> ElfFile.from(b, "/bin/evil")).isInstanceOf(ElfFormatException.class)
                .hasMessageStartingWith("/bin/evil")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(parts));
    }

    @Test
    void truncatedFilesAreErrors() {
        ByteBuffer full = t64().build();
        assertBroken(ByteBuffer.wrap(new byte[0]), "truncated ELF header: 0 bytes");
        assertBroken(full.duplicate().limit(40).slice(), "truncated ELF header: 40 bytes, need 64");
        assertBroken(full.duplicate().limit(100).slice(), "@0x20: program header table", "beyond the end");
        ElfBytes t = t64();
        assertBroken(t.build().duplicate().limit(t.dynOff + 8).slice(), "PT_DYNAMIC", "outside the file");
    }

    @Test
    void garbageIsAnErrorForEverySeed() {
        for (long seed = 1; seed <= 200; seed++) {
            Random r = new Random(seed);
            byte[] g = new byte[r.nextInt(4096)];
            r.nextBytes(g);
            if (g.length >= 4 && seed % 2 == 0) {
                g[0] = 0x7f;
                g[1] = 'E';
                g[2] = 'L';
                g[3] = 'F';
            }
            long s = seed;
            try {
                ElfFile.from(ByteBuffer.wrap(g), "garbage");
            } catch (ElfFormatException e) {
                assertThat(e.getMessage()).as("seed %d", s).startsWith("garbage").doesNotContain("\n");
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + s + ": " + e, e);
            }
        }
    }

    @Test
    void mutatedTemplatesNeverThrowAnythingButElfFormatException() {
        for (long seed = 1; seed <= 3000; seed++) {
            Random r = new Random(seed);
            ElfBytes t = new ElfBytes(r.nextBoolean(), r.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                    Elf.EM_ARM);
            ByteBuffer b = t.build();
            int flips = 1 + r.nextInt(8);
            for (int i = 0; i < flips; i++) {
                b.put(4 + r.nextInt(t.size - 4), (byte) r.nextInt(256));
            }
            if (r.nextInt(4) == 0) {
                b.limit(r.nextInt(t.size));
            }
            try {
                ElfFile.from(b, "mutant");
            } catch (ElfFormatException e) {
                assertThat(e.getMessage()).as("seed %d", seed).startsWith("mutant").doesNotContain("\n");
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + e, e);
            }
        }
    }

    @Test
    void notElfHasItsMagicInTheMessage() {
        assertBroken(ByteBuffer.wrap("#!/bin/sh\necho hi\n".getBytes()), "@0x0: not an ELF file (magic 23 21 2f 62)");
    }

    @Test
    void hugePhoffAndPhnumAreErrors() {
        ElfBytes t = t64();
        ByteBuffer b = t.build();
        b.putLong(ElfLayout.E_PHOFF_64, 0x7fff_ffff_ffff_0000L);
        assertBroken(b, "@0x20:", "e_phoff 0x7fffffffffff0000", "beyond the end of the file (" + t.size + " bytes)");
        b = t.build();
        b.putShort(ElfLayout.E_PHNUM_64, (short) 0xfffe);
        assertBroken(b, "e_phnum 65534");
        b = t.build();
        b.putShort(ElfLayout.E_PHENTSIZE_64, (short) 8);
        assertBroken(b, "e_phentsize 8 is smaller than a program header (56)");
        b = t.build();
        b.putShort(ElfLayout.E_PHNUM_64, (short) Elf.PN_XNUM); // count in section 0, which is not there
        assertBroken(b, "section header 0");
    }

    @Test
    void hugePFileszAndDynamicOutsideTheFileAreErrors() {
        ElfBytes t = t64();
        ByteBuffer b = t.build();
        b.putLong(t.ph(3, 16, 32), 0xffff_ffff_0000L);
        assertBroken(b, String.format("@0x%x: PT_DYNAMIC", t.phoff + 3 * t.phentsize), "outside the file");
        b = t.build();
        b.putLong(t.ph(3, 4, 8), t.size + 16L);
        assertBroken(b, "PT_DYNAMIC at 0x" + Long.toHexString(t.size + 16L), "outside the file");
        b = t.build();
        b.putLong(t.ph(1, 16, 32), 1L << 40);
        assertBroken(b, "PT_INTERP");
        b = t.build();
        b.putLong(t.ph(4, 16, 32), 1L << 40);
        assertBroken(b, "PT_NOTE");
    }

    @Test
    void stringTableProblemsAreErrors() {
        ElfBytes t = t64();
        ByteBuffer b = t.build();
        b.putLong(t.dynOff + 5 * 16 + 8, 0x999999); // DT_STRTAB address no PT_LOAD maps
        assertBroken(b, "DT_STRTAB address 0x999999 is not mapped by any PT_LOAD");
        b = t.build();
        b.putLong(t.dynOff + 8, 1L << 33); // first DT_NEEDED offset
        assertBroken(b, "DT_NEEDED string offset 0x200000000 lies outside the string table");
        b = t.build();
        byte[] noNul = new byte[t.strtab.length];
        Arrays.fill(noNul, (byte) 'x');
        b.put(t.strOff, noNul);
        assertBroken(b, "string has no terminating NUL");
        b = t.build();
        b.putLong(t.ph(4, 16, 32), 0); // note segment empty: no notes, still valid
        assertThat(ElfFileTestSupport.parses(b)).isTrue();
    }

    @Test
    void endlessDynamicSectionsAndHugePnXnumCountsAreBounded() {
        ElfBytes t = t64();
        int n = 70_000;
        ByteBuffer big = ByteBuffer.allocate(t.size + n * 16).order(ByteOrder.BIG_ENDIAN);
        big.put(t.build().duplicate().position(0));
        for (int i = 0; i < n; i++) {
            big.putLong(t.size + i * 16, 0x7fff_0000L); // an unknown tag, never DT_NULL
        }
        big.putLong(t.ph(3, 4, 8), t.size).putLong(t.ph(3, 16, 32), n * 16L);
        big.position(0);
        assertBroken(big, String.format("@0x%x: PT_DYNAMIC holds more than 65536 entries", t.size));

        ByteBuffer b = t.build();
        b.putLong(ElfLayout.E_SHOFF_64, t.strOff); // "section header 0" inside the file
        b.putShort(ElfLayout.E_PHNUM_64, (short) Elf.PN_XNUM);
        b.putInt(t.strOff + ElfLayout.SH_INFO_64, 0x7fff_ffff);
        assertBroken(b, "sh_info 2147483647 is not a program header count");
    }

    @Test
    void noteThatRunsPastItsSegmentIsAnError() {
        ElfBytes t = t64();
        ByteBuffer b = t.build();
        b.putInt(t.noteOff + 4, 0x7fffffff);
        assertBroken(b, String.format("@0x%x: note (namesz 7, descsz 2147483647)", t.noteOff));
    }

    /** Small helper so that a test can say "this parses". */
    static final class ElfFileTestSupport {
        static boolean parses(ByteBuffer b) {
            try {
                ElfFile.from(b);
                return true;
            } catch (ElfFormatException e) {
                return false;
            }
        }
    }
}
