package io.github.slipway.sailor.elf.internal;

import static io.github.slipway.sailor.elf.internal.ElfLayout.*;

import io.github.slipway.sailor.elf.DynamicEntry;
import io.github.slipway.sailor.elf.Elf;
import io.github.slipway.sailor.elf.ElfFormatException;
import io.github.slipway.sailor.elf.ElfHeader;
import io.github.slipway.sailor.elf.ElfNote;
import io.github.slipway.sailor.elf.ProgramHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the parts of an ELF file a loader reads: the header, the program headers, the
 * interpreter, the dynamic section and the notes. Every offset and size taken from the file is
 * checked against the file size before use, so hostile input ends in an
 * {@link ElfFormatException}, never in a loop or a large allocation.
 */
public final class ElfParser {
    /** Notes with a longer name or descriptor are bounds-checked but not copied. */
    private static final int MAX_NOTE_NAME = 256;
    private static final int MAX_NOTE_DESC = 64 * 1024;
    /** Bounds on what a file may make the parser keep (real objects have tens of each). */
    static final int MAX_PROGRAM_HEADERS = 1 << 16;
    static final int MAX_DYNAMIC_ENTRIES = 1 << 16;
    static final int MAX_NOTES = 1 << 10;

    private final ByteBuffer buf;
    private final String name;
    private final long size;
    private boolean is64;

    /** What the parser found; every list is immutable. */
    public record Result(ElfHeader header, List<ProgramHeader> programHeaders, Optional<String> interpreter,
            boolean hasDynamic, List<DynamicEntry> dynamicEntries, List<String> needed, Optional<String> soname,
            Optional<String> rpath, Optional<String> runpath, long flags1, List<ElfNote> notes) {
    }

    private ElfParser(ByteBuffer bytes, String name) {
        this.buf = bytes.duplicate();
        this.buf.position(0);
        this.name = name;
        this.size = buf.limit();
    }

    /** Whether the buffer starts with the 4 bytes {@code \x7fELF}. */
    public static boolean hasMagic(ByteBuffer bytes) {
        return bytes.limit() >= 4 && bytes.get(0) == 0x7f && bytes.get(1) == 'E' && bytes.get(2) == 'L'
                && bytes.get(3) == 'F';
    }

    /**
     * Parses the file held in {@code bytes} (position 0 to limit).
     *
     * @param name the file's name for messages
     */
    public static Result parse(ByteBuffer bytes, String name) throws ElfFormatException {
        return new ElfParser(bytes, name).parse();
    }

    private ElfFormatException error(long offset, String what) {
        return new ElfFormatException(name, offset, what);
    }

    private Result parse() throws ElfFormatException {
        if (size < EI_NIDENT) {
            throw error(-1, "truncated ELF header: " + size + " bytes, need at least " + EI_NIDENT);
        }
        if (!hasMagic(buf)) {
            throw error(0, String.format("not an ELF file (magic %02x %02x %02x %02x)", buf.get(0) & 0xff,
                    buf.get(1) & 0xff, buf.get(2) & 0xff, buf.get(3) & 0xff));
        }
        int eiClass = buf.get(EI_CLASS) & 0xff;
        int eiData = buf.get(EI_DATA) & 0xff;
        if (eiClass != Elf.ELFCLASS32 && eiClass != Elf.ELFCLASS64) {
            throw error(EI_CLASS, "EI_CLASS " + eiClass + " is neither ELFCLASS32 (1) nor ELFCLASS64 (2)");
        }
        if (eiData != Elf.ELFDATA2LSB && eiData != Elf.ELFDATA2MSB) {
            throw error(EI_DATA, "EI_DATA " + eiData + " is neither ELFDATA2LSB (1) nor ELFDATA2MSB (2)");
        }
        is64 = eiClass == Elf.ELFCLASS64;
        buf.order(eiData == Elf.ELFDATA2MSB ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int ehdrSize = is64 ? EHDR_SIZE_64 : EHDR_SIZE_32;
        if (size < ehdrSize) {
            throw error(-1, "truncated ELF header: " + size + " bytes, need " + ehdrSize);
        }
        ElfHeader header = header(eiClass, eiData);
        List<ProgramHeader> phdrs = programHeaders(header);

        Optional<String> interp = Optional.empty();
        ProgramHeader dynamic = null;
        List<ElfNote> notes = new ArrayList<>();
        for (int i = 0; i < phdrs.size(); i++) {
            ProgramHeader ph = phdrs.get(i);
            long phOffset = header.ePhoff() + (long) i * header.ePhentsize();
            if (ph.pType() == Elf.PT_INTERP && interp.isEmpty()) {
                interp = Optional.of(interpreter(ph, phOffset));
            } else if (ph.pType() == Elf.PT_DYNAMIC && dynamic == null) {
                checkRange(ph.pOffset(), ph.pFilesz(), phOffset, "PT_DYNAMIC");
                dynamic = ph;
            } else if (ph.pType() == Elf.PT_NOTE) {
                notes(ph, phOffset, notes);
            }
        }
        List<DynamicEntry> dyn = List.of();
        List<String> needed = new ArrayList<>();
        Optional<String> soname = Optional.empty();
        Optional<String> rpath = Optional.empty();
        Optional<String> runpath = Optional.empty();
        long flags1 = 0;
        if (dynamic != null) {
            dyn = dynamicEntries(dynamic);
            StringTable strtab = stringTable(dyn, phdrs, dynamic.pOffset());
            for (DynamicEntry d : dyn) {
                if (d.dTag() == Elf.DT_NEEDED) {
                    needed.add(strtab.get(d, "DT_NEEDED"));
                } else if (d.dTag() == Elf.DT_SONAME && soname.isEmpty()) {
                    soname = Optional.of(strtab.get(d, "DT_SONAME"));
                } else if (d.dTag() == Elf.DT_RPATH && rpath.isEmpty()) {
                    rpath = Optional.of(strtab.get(d, "DT_RPATH"));
                } else if (d.dTag() == Elf.DT_RUNPATH && runpath.isEmpty()) {
                    runpath = Optional.of(strtab.get(d, "DT_RUNPATH"));
                } else if (d.dTag() == Elf.DT_FLAGS_1) {
                    flags1 = d.dVal();
                }
            }
        }
        return new Result(header, List.copyOf(phdrs), interp, dynamic != null, List.copyOf(dyn),
                List.copyOf(needed), soname, rpath, runpath, flags1, List.copyOf(notes));
    }

    private ElfHeader header(int eiClass, int eiData) throws ElfFormatException {
        int eType = u16(E_TYPE);
        int eMachine = u16(E_MACHINE);
        long eVersion = u32(E_VERSION);
        long entry = is64 ? u64(E_ENTRY_64) : u32(E_ENTRY_32);
        long phoff = is64 ? u64(E_PHOFF_64) : u32(E_PHOFF_32);
        long shoff = is64 ? u64(E_SHOFF_64) : u32(E_SHOFF_32);
        long flags = u32(is64 ? E_FLAGS_64 : E_FLAGS_32);
        int ehsize = u16(is64 ? E_EHSIZE_64 : E_EHSIZE_32);
        int phentsize = u16(is64 ? E_PHENTSIZE_64 : E_PHENTSIZE_32);
        int phnum = u16(is64 ? E_PHNUM_64 : E_PHNUM_32);
        int shentsize = u16(is64 ? E_SHENTSIZE_64 : E_SHENTSIZE_32);
        int shnum = u16(is64 ? E_SHNUM_64 : E_SHNUM_32);
        int shstrndx = u16(is64 ? E_SHSTRNDX_64 : E_SHSTRNDX_32);
        if (phnum == Elf.PN_XNUM) {
            // gABI: the real count lives in sh_info of section header 0
            int shdrSize = is64 ? SHDR_SIZE_64 : SHDR_SIZE_32;
            if (shoff == 0) {
                throw error(is64 ? E_PHNUM_64 : E_PHNUM_32,
                        "e_phnum is PN_XNUM but e_shoff is 0: no section header 0 holds the count");
            }
            checkRange(shoff, shdrSize, is64 ? E_SHOFF_64 : E_SHOFF_32, "section header 0 (e_phnum is PN_XNUM)");
            long real = u32(shoff + (is64 ? SH_INFO_64 : SH_INFO_32));
            if (real > MAX_PROGRAM_HEADERS) {
                throw error(shoff + (is64 ? SH_INFO_64 : SH_INFO_32), "sh_info " + real + " is not a program header count");
            }
            phnum = (int) real;
        }
        return new ElfHeader(eiClass, eiData, buf.get(EI_VERSION) & 0xff, buf.get(EI_OSABI) & 0xff, eType,
                eMachine, eVersion, entry, phoff, shoff, flags, ehsize, phentsize, phnum, shentsize, shnum,
                shstrndx);
    }

    private List<ProgramHeader> programHeaders(ElfHeader h) throws ElfFormatException {
        if (h.ePhnum() == 0) {
            return List.of();
        }
        int minSize = is64 ? PHDR_SIZE_64 : PHDR_SIZE_32;
        if (h.ePhentsize() < minSize) {
            throw error(is64 ? E_PHENTSIZE_64 : E_PHENTSIZE_32,
                    "e_phentsize " + h.ePhentsize() + " is smaller than a program header (" + minSize + ")");
        }
        long table = (long) h.ePhnum() * h.ePhentsize();
        if (Long.compareUnsigned(h.ePhoff(), size) > 0 || table > size - h.ePhoff()) {
            throw error(is64 ? E_PHOFF_64 : E_PHOFF_32, String.format(
                    "program header table (e_phoff 0x%x, e_phnum %d, e_phentsize %d) lies beyond the end of the file (%d bytes)",
                    h.ePhoff(), h.ePhnum(), h.ePhentsize(), size));
        }
        List<ProgramHeader> list = new ArrayList<>(h.ePhnum());
        for (int i = 0; i < h.ePhnum(); i++) {
            long o = h.ePhoff() + (long) i * h.ePhentsize();
            if (is64) {
                list.add(new ProgramHeader(u32(o + P_TYPE_64), u32(o + P_FLAGS_64), u64(o + P_OFFSET_64),
                        u64(o + P_VADDR_64), u64(o + P_PADDR_64), u64(o + P_FILESZ_64), u64(o + P_MEMSZ_64),
                        u64(o + P_ALIGN_64)));
            } else {
                list.add(new ProgramHeader(u32(o + P_TYPE_32), u32(o + P_FLAGS_32), u32(o + P_OFFSET_32),
                        u32(o + P_VADDR_32), u32(o + P_PADDR_32), u32(o + P_FILESZ_32), u32(o + P_MEMSZ_32),
                        u32(o + P_ALIGN_32)));
            }
        }
        return list;
    }

    /** Checks that [offset, offset + length) lies inside the file; {@code where} is the field's offset. */
    private void checkRange(long offset, long length, long where, String what) throws ElfFormatException {
        if (Long.compareUnsigned(offset, size) > 0 || Long.compareUnsigned(length, size - offset) > 0) {
            throw error(where, String.format("%s at 0x%x, 0x%x bytes, lies outside the file (%d bytes)", what,
                    offset, length, size));
        }
    }

    private String interpreter(ProgramHeader ph, long where) throws ElfFormatException {
        checkRange(ph.pOffset(), ph.pFilesz(), where, "PT_INTERP");
        if (ph.pFilesz() == 0) {
            throw error(where, "PT_INTERP is empty");
        }
        int start = (int) ph.pOffset();
        int end = (int) (ph.pOffset() + ph.pFilesz());
        int nul = start;
        while (nul < end && buf.get(nul) != 0) {
            nul++;
        }
        if (nul == start) {
            throw error(ph.pOffset(), "PT_INTERP holds an empty path");
        }
        return string(start, nul);
    }

    private void notes(ProgramHeader ph, long where, List<ElfNote> out) throws ElfFormatException {
        checkRange(ph.pOffset(), ph.pFilesz(), where, "PT_NOTE");
        long align = ph.pAlign() == 8 ? 8 : 4;
        long o = ph.pOffset();
        long end = ph.pOffset() + ph.pFilesz();
        while (end - o >= NHDR_SIZE) {
            long namesz = u32(o + N_NAMESZ);
            long descsz = u32(o + N_DESCSZ);
            long type = u32(o + N_TYPE);
            long nameAt = o + NHDR_SIZE;
            // the name follows the 12-byte header; desc and the next note start aligned to p_align
            long descAt = o + roundUp(NHDR_SIZE + namesz, align);
            long next = o + roundUp(descAt - o + descsz, align);
            if (descAt > end || descAt + descsz > end) {
                throw error(o, String.format("note (namesz %d, descsz %d) runs past the end of its PT_NOTE at 0x%x",
                        namesz, descsz, end));
            }
            if (namesz <= MAX_NOTE_NAME && descsz <= MAX_NOTE_DESC && out.size() < MAX_NOTES) {
                int nameEnd = (int) (nameAt + namesz);
                int n = (int) nameAt;
                while (n < nameEnd && buf.get(n) != 0) {
                    n++;
                }
                byte[] desc = new byte[(int) descsz];
                buf.get((int) descAt, desc);
                out.add(new ElfNote(string((int) nameAt, n), type, desc, buf.order(), o));
            }
            if (next <= o) {
                break;
            }
            o = next;
        }
    }

    private static long roundUp(long v, long align) {
        return (v + align - 1) & -align;
    }

    private List<DynamicEntry> dynamicEntries(ProgramHeader dynamic) throws ElfFormatException {
        int entsize = is64 ? DYN_SIZE_64 : DYN_SIZE_32;
        long count = dynamic.pFilesz() / entsize;
        List<DynamicEntry> list = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            if (list.size() == MAX_DYNAMIC_ENTRIES) {
                throw error(dynamic.pOffset(), "PT_DYNAMIC holds more than " + MAX_DYNAMIC_ENTRIES
                        + " entries before DT_NULL: not a dynamic section");
            }
            long o = dynamic.pOffset() + i * entsize;
            long tag = is64 ? buf.getLong((int) o) : buf.getInt((int) o);
            long val = is64 ? u64(o + D_VAL_64) : u32(o + D_VAL_32);
            if (tag == Elf.DT_NULL) {
                break;
            }
            list.add(new DynamicEntry(tag, val));
        }
        return list;
    }

    /** The bytes of the dynamic string table, located through the PT_LOAD that maps DT_STRTAB. */
    private final class StringTable {
        private final long start;
        private final long length;
        private final long where;

        StringTable(long start, long length, long where) {
            this.start = start;
            this.length = length;
            this.where = where;
        }

        String get(DynamicEntry d, String tag) throws ElfFormatException {
            if (length < 0) {
                throw error(where, tag + " present but the dynamic section has no DT_STRTAB");
            }
            if (Long.compareUnsigned(d.dVal(), length) >= 0) {
                throw error(where, String.format("%s string offset 0x%x lies outside the string table (0x%x bytes)",
                        tag, d.dVal(), length));
            }
            int from = (int) (start + d.dVal());
            int end = (int) (start + length);
            int n = from;
            while (n < end && buf.get(n) != 0) {
                n++;
            }
            if (n == end) {
                throw error(from, tag + " string has no terminating NUL inside the string table");
            }
            return string(from, n);
        }
    }

    private StringTable stringTable(List<DynamicEntry> dyn, List<ProgramHeader> phdrs, long where)
            throws ElfFormatException {
        Long addr = null;
        Long strsz = null;
        for (DynamicEntry d : dyn) {
            if (d.dTag() == Elf.DT_STRTAB && addr == null) {
                addr = d.dVal();
            } else if (d.dTag() == Elf.DT_STRSZ && strsz == null) {
                strsz = d.dVal();
            }
        }
        if (addr == null) {
            return new StringTable(0, -1, where);
        }
        for (ProgramHeader ph : phdrs) {
            if (ph.pType() == Elf.PT_LOAD && ph.mapsFileAddress(addr)) {
                long off = ph.pOffset() + (addr - ph.pVaddr());
                long avail = ph.pFilesz() - (addr - ph.pVaddr());
                long len = strsz == null ? avail : Math.min(strsz, avail);
                checkRange(off, len, where, String.format("DT_STRTAB 0x%x (file offset)", addr));
                return new StringTable(off, len, where);
            }
        }
        throw error(where, String.format("DT_STRTAB address 0x%x is not mapped by any PT_LOAD", addr));
    }

    private String string(int from, int to) {
        byte[] b = new byte[to - from];
        buf.get(from, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private void need(long offset, int n) throws ElfFormatException {
        if (offset < 0 || offset + n > size) {
            throw error(offset, "read of " + n + " bytes beyond the end of the file (" + size + " bytes)");
        }
    }

    private int u16(long offset) throws ElfFormatException {
        need(offset, 2);
        return Short.toUnsignedInt(buf.getShort((int) offset));
    }

    private long u32(long offset) throws ElfFormatException {
        need(offset, 4);
        return Integer.toUnsignedLong(buf.getInt((int) offset));
    }

    private long u64(long offset) throws ElfFormatException {
        need(offset, 8);
        return buf.getLong((int) offset);
    }
}
