package io.github.slipway.sailor.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * One note from a {@code PT_NOTE} segment ({@code Elf_Nhdr} followed by name and descriptor).
 *
 * <pre>{@code
 * for (ElfNote n : elf.notes()) {
 *     if (n.isNetbsdIdent()) System.out.println(n.descWord(0));   // 1000000000 for NetBSD 10.0
 * }
 * }</pre>
 *
 * @param name   the owner name without its NUL ({@code "NetBSD"}, {@code "GNU"})
 * @param nType  {@code n_type}
 * @param desc   the descriptor bytes
 * @param order  the byte order of the file, for {@link #descWord(int)}
 * @param offset the file offset of the note header
 */
public record ElfNote(String name, long nType, byte[] desc, ByteOrder order, long offset) {
    /**
     * Copies the descriptor.
     *
     * @param name the owner name without its NUL ({@code "NetBSD"}, {@code "GNU"})
     * @param nType {@code n_type}
     * @param desc the descriptor bytes
     * @param order the byte order of the file, for {@link #descWord(int)}
     * @param offset the file offset of the note header
     */
    public ElfNote {
        desc = desc.clone();
    }

    /** {@return the descriptor bytes (a copy)} */
    @Override
    public byte[] desc() {
        return desc.clone();
    }

    /**
     * {@return the {@code index}-th 4-byte word of the descriptor in the file's byte order, if present}
     *
     * @param index the 0-based word index
     */
    public OptionalLong descWord(int index) {
        if (index < 0 || (long) index * 4 + 4 > desc.length) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Integer.toUnsignedLong(ByteBuffer.wrap(desc).order(order).getInt(index * 4)));
    }

    /** {@return whether this is NetBSD's {@code .note.netbsd.ident}: name "NetBSD", type 1, a 4-byte version} */
    public boolean isNetbsdIdent() {
        return name.equals("NetBSD") && nType == Elf.NT_NETBSD_IDENT && desc.length == 4;
    }

    /** {@return whether this is the GNU ABI tag: name "GNU", type 1, 16 bytes (os, major, minor, patch)} */
    public boolean isGnuAbiTag() {
        return name.equals("GNU") && nType == Elf.NT_GNU_ABI_TAG && desc.length == 16;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ElfNote n && n.name.equals(name) && n.nType == nType && Arrays.equals(n.desc, desc)
                && n.order.equals(order) && n.offset == offset;
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + Long.hashCode(nType)) * 31 + Arrays.hashCode(desc);
    }

    @Override
    public String toString() {
        return "ElfNote[name=" + name + ", nType=" + nType + ", descsz=" + desc.length + ", offset=" + offset + "]";
    }
}
