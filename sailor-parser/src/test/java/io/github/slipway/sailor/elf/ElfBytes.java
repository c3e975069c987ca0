package io.github.slipway.sailor.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built ELF images, independent of the reader's layout class: a header, five program
 * headers (PT_PHDR, PT_INTERP, PT_LOAD over the whole file, PT_DYNAMIC, PT_NOTE), a dynamic
 * section, a string table and two notes (NetBSD ident, GNU ABI tag). Offsets of the parts are
 * public so that corruption tests can break one named field.
 */
final class ElfBytes {
    static final long VADDR = 0x10000;
    static final String INTERP = "/usr/libexec/ld.elf_so";

    final boolean is64;
    final ByteOrder order;
    final int machine;
    final int ehsize;
    final int phentsize;
    final int phoff;
    final int phnum = 5;
    final int interpOff;
    final int dynOff;
    final int dynSize;
    final int strOff;
    final int noteOff;
    final int noteSize;
    final int size;
    final List<Long> dynTags = new ArrayList<>();
    final byte[] strtab;
    final int needed1;
    final int needed2;
    final int sonameAt;
    final int rpathAt;
    final int runpathAt;

    ElfBytes(boolean is64, ByteOrder order, int machine) {
        this.is64 = is64;
        this.order = order;
        this.machine = machine;
        ehsize = is64 ? 64 : 52;
        phentsize = is64 ? 56 : 32;
        phoff = ehsize;
        interpOff = phoff + phnum * phentsize;
        String s = "\0libc.so.12\0libutil.so.7\0libtest.so.1\0/opt/lib:$ORIGIN/../lib\0/run/path\0";
        strtab = s.getBytes(StandardCharsets.US_ASCII);
        needed1 = s.indexOf("libc.so.12");
        needed2 = s.indexOf("libutil.so.7");
        sonameAt = s.indexOf("libtest.so.1");
        rpathAt = s.indexOf("/opt/lib");
        runpathAt = s.indexOf("/run/path");
        int afterInterp = align(interpOff + INTERP.length() + 1, 8);
        dynOff = afterInterp;
        dynSize = 9 * (is64 ? 16 : 8);
        strOff = dynOff + dynSize;
        noteOff = align(strOff + strtab.length, 4);
        noteSize = (12 + 8 + 4) + (12 + 4 + 16);
        size = noteOff + noteSize;
    }

    static int align(int v, int a) {
        return (v + a - 1) / a * a;
    }

    /** The image. */
    ByteBuffer build() {
        ByteBuffer b = ByteBuffer.allocate(size).order(order);
        b.put(0, (byte) 0x7f).put(1, (byte) 'E').put(2, (byte) 'L').put(3, (byte) 'F');
        b.put(4, (byte) (is64 ? 2 : 1));
        b.put(5, (byte) (order == ByteOrder.BIG_ENDIAN ? 2 : 1));
        b.put(6, (byte) 1);
        b.putShort(16, (short) Elf.ET_DYN);
        b.putShort(18, (short) machine);
        b.putInt(20, 1);
        if (is64) {
            b.putLong(24, VADDR + 0x100);
            b.putLong(32, phoff);
            b.putShort(52, (short) ehsize);
            b.putShort(54, (short) phentsize);
            b.putShort(56, (short) phnum);
            b.putShort(58, (short) 64);
        } else {
            b.putInt(24, (int) VADDR + 0x100);
            b.putInt(28, phoff);
            b.putShort(40, (short) ehsize);
            b.putShort(42, (short) phentsize);
            b.putShort(44, (short) phnum);
            b.putShort(46, (short) 40);
        }
        phdr(b, 0, Elf.PT_PHDR, phoff, phnum * phentsize, 8);
        phdr(b, 1, Elf.PT_INTERP, interpOff, INTERP.length() + 1, 1);
        phdr(b, 2, Elf.PT_LOAD, 0, size, 0x1000);
        phdr(b, 3, Elf.PT_DYNAMIC, dynOff, dynSize, 8);
        phdr(b, 4, Elf.PT_NOTE, noteOff, noteSize, 4);
        b.put(interpOff, INTERP.getBytes(StandardCharsets.US_ASCII));
        long[][] dyn = {
            {Elf.DT_NEEDED, needed1}, {Elf.DT_NEEDED, needed2}, {Elf.DT_SONAME, sonameAt},
            {Elf.DT_RPATH, rpathAt}, {Elf.DT_RUNPATH, runpathAt}, {Elf.DT_STRTAB, VADDR + strOff},
            {Elf.DT_STRSZ, strtab.length}, {Elf.DT_FLAGS_1, Elf.DF_1_PIE}, {Elf.DT_NULL, 0},
        };
        for (int i = 0; i < dyn.length; i++) {
            int o = dynOff + i * (is64 ? 16 : 8);
            if (is64) {
                b.putLong(o, dyn[i][0]).putLong(o + 8, dyn[i][1]);
            } else {
                b.putInt(o, (int) dyn[i][0]).putInt(o + 4, (int) dyn[i][1]);
            }
        }
        b.put(strOff, strtab);
        int n = noteOff;
        b.putInt(n, 7).putInt(n + 4, 4).putInt(n + 8, 1);
        b.put(n + 12, "NetBSD\0\0".getBytes(StandardCharsets.US_ASCII));
        b.putInt(n + 20, 1000000000);
        n += 24;
        b.putInt(n, 4).putInt(n + 4, 16).putInt(n + 8, 1);
        b.put(n + 12, "GNU\0".getBytes(StandardCharsets.US_ASCII));
        b.putInt(n + 16, 0).putInt(n + 20, 3).putInt(n + 24, 2).putInt(n + 28, 0);
        return b;
    }

    /** File offset of program header {@code i}'s field at {@code off32}/{@code off64}. */
    int ph(int i, int off32, int off64) {
        return phoff + i * phentsize + (is64 ? off64 : off32);
    }

    private void phdr(ByteBuffer b, int i, int type, long off, long filesz, long align) {
        int o = phoff + i * phentsize;
        if (is64) {
            b.putInt(o, type).putInt(o + 4, 4).putLong(o + 8, off).putLong(o + 16, VADDR + off)
                    .putLong(o + 24, VADDR + off).putLong(o + 32, filesz).putLong(o + 40, filesz).putLong(o + 48, align);
        } else {
            b.putInt(o, type).putInt(o + 4, (int) off).putInt(o + 8, (int) (VADDR + off)).putInt(o + 12, (int) (VADDR + off))
                    .putInt(o + 16, (int) filesz).putInt(o + 20, (int) filesz).putInt(o + 24, 4).putInt(o + 28, (int) align);
        }
    }
}
