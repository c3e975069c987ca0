package io.github.slipway.sailor.elf;

/**
 * One entry of the dynamic section ({@code Elf32_Dyn} / {@code Elf64_Dyn}).
 *
 * <pre>{@code
 * elf.dynamicEntries().stream().filter(d -> d.dTag() == Elf.DT_NEEDED).count();
 * }</pre>
 *
 * @param dTag {@code d_tag} (offset 0, signed)
 * @param dVal {@code d_un.d_val} / {@code d_un.d_ptr} (offset 4 / 8, unsigned)
 */
public record DynamicEntry(long dTag, long dVal) {
}
