package io.github.slipway.sailor.elf;

/**
 * One program header ({@code Elf32_Phdr} / {@code Elf64_Phdr}).
 *
 * <pre>{@code
 * for (ProgramHeader ph : elf.programHeaders()) {
 *     if (ph.pType() == Elf.PT_LOAD) { ... ph.pVaddr() ... }
 * }
 * }</pre>
 *
 * @param pType   {@code p_type} (offset 0)
 * @param pFlags  {@code p_flags} (offset 24 / 4)
 * @param pOffset {@code p_offset} (offset 4 / 8)
 * @param pVaddr  {@code p_vaddr} (offset 8 / 16)
 * @param pPaddr  {@code p_paddr} (offset 12 / 24)
 * @param pFilesz {@code p_filesz} (offset 16 / 32)
 * @param pMemsz  {@code p_memsz} (offset 20 / 40)
 * @param pAlign  {@code p_align} (offset 28 / 48)
 */
public record ProgramHeader(long pType, long pFlags, long pOffset, long pVaddr, long pPaddr, long pFilesz,
        long pMemsz, long pAlign) {

    /**
     * {@return whether {@code vaddr} lies in the part of this segment that comes from the file}
     *
     * @param vaddr a virtual address
     */
    public boolean mapsFileAddress(long vaddr) {
        return Long.compareUnsigned(vaddr, pVaddr) >= 0 && Long.compareUnsigned(vaddr - pVaddr, pFilesz) < 0;
    }
}
