package io.github.slipway.sailor.elf;

/**
 * Constants of the ELF gABI and {@code <elf.h>} that the reader and the resolver use, under their
 * C names.
 *
 * <pre>{@code
 * if (elf.header().eMachine() == Elf.EM_X86_64) { ... }
 * }</pre>
 */
public final class Elf {
    private Elf() {
    }

    /** {@code e_ident[EI_CLASS]}: 32-bit objects. */
    public static final int ELFCLASS32 = 1;
    /** {@code e_ident[EI_CLASS]}: 64-bit objects. */
    public static final int ELFCLASS64 = 2;
    /** {@code e_ident[EI_DATA]}: two's complement, little-endian. */
    public static final int ELFDATA2LSB = 1;
    /** {@code e_ident[EI_DATA]}: two's complement, big-endian. */
    public static final int ELFDATA2MSB = 2;
    /** {@code e_ident[EI_VERSION]} and {@code e_version}: the current version. */
    public static final int EV_CURRENT = 1;

    /** {@code e_type}: relocatable file. */
    public static final int ET_REL = 1;
    /** {@code e_type}: executable file. */
    public static final int ET_EXEC = 2;
    /** {@code e_type}: shared object (also position-independent executables). */
    public static final int ET_DYN = 3;

    /** {@code e_machine}: Intel 80386. */
    public static final int EM_386 = 3;
    /** {@code e_machine}: MIPS. */
    public static final int EM_MIPS = 8;
    /** {@code e_machine}: PowerPC. */
    public static final int EM_PPC = 20;
    /** {@code e_machine}: 64-bit PowerPC. */
    public static final int EM_PPC64 = 21;
    /** {@code e_machine}: 32-bit ARM. */
    public static final int EM_ARM = 40;
    /** {@code e_machine}: SPARC v9 64-bit. */
    public static final int EM_SPARCV9 = 43;
    /** {@code e_machine}: AMD x86-64. */
    public static final int EM_X86_64 = 62;
    /** {@code e_machine}: ARM 64-bit. */
    public static final int EM_AARCH64 = 183;
    /** {@code e_machine}: RISC-V. */
    public static final int EM_RISCV = 243;

    /** {@code p_type}: loadable segment. */
    public static final int PT_LOAD = 1;
    /** {@code p_type}: dynamic linking information. */
    public static final int PT_DYNAMIC = 2;
    /** {@code p_type}: the program interpreter's path. */
    public static final int PT_INTERP = 3;
    /** {@code p_type}: auxiliary information (notes). */
    public static final int PT_NOTE = 4;
    /** {@code p_type}: the program header table itself. */
    public static final int PT_PHDR = 6;

    /** {@code d_tag}: end of the dynamic array. */
    public static final long DT_NULL = 0;
    /** {@code d_tag}: name of a needed library (string table offset). */
    public static final long DT_NEEDED = 1;
    /** {@code d_tag}: address of the string table. */
    public static final long DT_STRTAB = 5;
    /** {@code d_tag}: size in bytes of the string table. */
    public static final long DT_STRSZ = 10;
    /** {@code d_tag}: the object's own name. */
    public static final long DT_SONAME = 14;
    /** {@code d_tag}: library search path (deprecated form). */
    public static final long DT_RPATH = 15;
    /** {@code d_tag}: library search path. */
    public static final long DT_RUNPATH = 29;
    /** {@code d_tag}: flags ({@code DF_*}). */
    public static final long DT_FLAGS = 30;
    /** {@code d_tag}: state flags ({@code DF_1_*}). */
    public static final long DT_FLAGS_1 = 0x6ffffffbL;

    /** {@code DT_FLAGS_1} bit: ignore the default library search path. */
    public static final long DF_1_NODEFLIB = 0x800;
    /** {@code DT_FLAGS_1} bit: position-independent executable. */
    public static final long DF_1_PIE = 0x08000000;

    /** {@code e_phnum} value meaning "the count is in {@code sh_info} of section 0". */
    public static final int PN_XNUM = 0xffff;

    /** Note type of the NetBSD {@code .note.netbsd.ident} note (name "NetBSD"). */
    public static final int NT_NETBSD_IDENT = 1;
    /** Note type of the GNU {@code .note.ABI-tag} note (name "GNU"). */
    public static final int NT_GNU_ABI_TAG = 1;
    /** Note type of the GNU build id (name "GNU"). */
    public static final int NT_GNU_BUILD_ID = 3;
}
