package io.github.slipway.sailor.elf;

/**
 * The ELF file header ({@code Elf32_Ehdr} / {@code Elf64_Ehdr}), with the fields that matter for
 * loading; components carry the {@code <elf.h>} names in camel case.
 *
 * <pre>{@code
 * ElfHeader h = ElfFile.open(path).header();
 * h.is64();          // true for ELFCLASS64
 * h.eMachine();      // Elf.EM_X86_64
 * }</pre>
 *
 * @param eiClass     {@code e_ident[EI_CLASS]} (byte 4): {@link Elf#ELFCLASS32} or {@link Elf#ELFCLASS64}
 * @param eiData      {@code e_ident[EI_DATA]} (byte 5): {@link Elf#ELFDATA2LSB} or {@link Elf#ELFDATA2MSB}
 * @param eiVersion   {@code e_ident[EI_VERSION]} (byte 6)
 * @param eiOsabi     {@code e_ident[EI_OSABI]} (byte 7)
 * @param eType       {@code e_type} (offset 16)
 * @param eMachine    {@code e_machine} (offset 18)
 * @param eVersion    {@code e_version} (offset 20)
 * @param eEntry      {@code e_entry} (offset 24)
 * @param ePhoff      {@code e_phoff} (offset 28 / 32)
 * @param eShoff      {@code e_shoff} (offset 32 / 40)
 * @param eFlags      {@code e_flags} (offset 36 / 48)
 * @param eEhsize     {@code e_ehsize} (offset 40 / 52)
 * @param ePhentsize  {@code e_phentsize} (offset 42 / 54)
 * @param ePhnum      {@code e_phnum} (offset 44 / 56), or the {@code sh_info} of section 0 under {@code PN_XNUM}
 * @param eShentsize  {@code e_shentsize} (offset 46 / 58)
 * @param eShnum      {@code e_shnum} (offset 48 / 60)
 * @param eShstrndx   {@code e_shstrndx} (offset 50 / 62)
 */
public record ElfHeader(int eiClass, int eiData, int eiVersion, int eiOsabi, int eType, int eMachine,
        long eVersion, long eEntry, long ePhoff, long eShoff, long eFlags, int eEhsize, int ePhentsize,
        int ePhnum, int eShentsize, int eShnum, int eShstrndx) {

    /** {@return whether this is an {@link Elf#ELFCLASS64} object} */
    public boolean is64() {
        return eiClass == Elf.ELFCLASS64;
    }

    /** {@return whether the object is big-endian ({@link Elf#ELFDATA2MSB})} */
    public boolean isBigEndian() {
        return eiData == Elf.ELFDATA2MSB;
    }

    /**
     * {@return whether a loader running {@code this} object would accept {@code other} as a dependency: same class,
     * byte order and machine (how both ld.so and ld.elf_so skip foreign libraries)}
     *
     * @param other another object's header
     */
    public boolean isCompatibleWith(ElfHeader other) {
        return eiClass == other.eiClass && eiData == other.eiData && eMachine == other.eMachine;
    }
}
