package io.github.slipway.sailor.elf.internal;

/**
 * Field offsets of the ELF structures (ELF gABI, {@code <elf.h>}), one constant per field, for
 * the 32-bit ({@code _32}) and the 64-bit ({@code _64}) forms.
 */
public final class ElfLayout {
    private ElfLayout() {
    }

    // e_ident
    public static final int EI_MAG0 = 0;
    public static final int EI_CLASS = 4;
    public static final int EI_DATA = 5;
    public static final int EI_VERSION = 6;
    public static final int EI_OSABI = 7;
    public static final int EI_NIDENT = 16;

    // Elf32_Ehdr
    public static final int E_TYPE = 16;
    public static final int E_MACHINE = 18;
    public static final int E_VERSION = 20;
    public static final int E_ENTRY_32 = 24;
    public static final int E_PHOFF_32 = 28;
    public static final int E_SHOFF_32 = 32;
    public static final int E_FLAGS_32 = 36;
    public static final int E_EHSIZE_32 = 40;
    public static final int E_PHENTSIZE_32 = 42;
    public static final int E_PHNUM_32 = 44;
    public static final int E_SHENTSIZE_32 = 46;
    public static final int E_SHNUM_32 = 48;
    public static final int E_SHSTRNDX_32 = 50;
    public static final int EHDR_SIZE_32 = 52;

    // Elf64_Ehdr
    public static final int E_ENTRY_64 = 24;
    public static final int E_PHOFF_64 = 32;
    public static final int E_SHOFF_64 = 40;
    public static final int E_FLAGS_64 = 48;
    public static final int E_EHSIZE_64 = 52;
    public static final int E_PHENTSIZE_64 = 54;
    public static final int E_PHNUM_64 = 56;
    public static final int E_SHENTSIZE_64 = 58;
    public static final int E_SHNUM_64 = 60;
    public static final int E_SHSTRNDX_64 = 62;
    public static final int EHDR_SIZE_64 = 64;

    // Elf32_Phdr
    public static final int P_TYPE_32 = 0;
    public static final int P_OFFSET_32 = 4;
    public static final int P_VADDR_32 = 8;
    public static final int P_PADDR_32 = 12;
    public static final int P_FILESZ_32 = 16;
    public static final int P_MEMSZ_32 = 20;
    public static final int P_FLAGS_32 = 24;
    public static final int P_ALIGN_32 = 28;
    public static final int PHDR_SIZE_32 = 32;

    // Elf64_Phdr
    public static final int P_TYPE_64 = 0;
    public static final int P_FLAGS_64 = 4;
    public static final int P_OFFSET_64 = 8;
    public static final int P_VADDR_64 = 16;
    public static final int P_PADDR_64 = 24;
    public static final int P_FILESZ_64 = 32;
    public static final int P_MEMSZ_64 = 40;
    public static final int P_ALIGN_64 = 48;
    public static final int PHDR_SIZE_64 = 56;

    // Elf32_Dyn / Elf64_Dyn
    public static final int D_TAG = 0;
    public static final int D_VAL_32 = 4;
    public static final int DYN_SIZE_32 = 8;
    public static final int D_VAL_64 = 8;
    public static final int DYN_SIZE_64 = 16;

    // Elf32_Shdr / Elf64_Shdr: only sh_info of section 0 is read (PN_XNUM)
    public static final int SH_INFO_32 = 28;
    public static final int SHDR_SIZE_32 = 40;
    public static final int SH_INFO_64 = 44;
    public static final int SHDR_SIZE_64 = 64;

    // Elf_Nhdr (same for both classes)
    public static final int N_NAMESZ = 0;
    public static final int N_DESCSZ = 4;
    public static final int N_TYPE = 8;
    public static final int NHDR_SIZE = 12;
}
