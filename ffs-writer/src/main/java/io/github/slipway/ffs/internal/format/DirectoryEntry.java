package io.github.slipway.ffs.internal.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One directory entry, {@code struct direct} of {@code sys/ufs/ufs/dir.h} (4.4BSD format, with
 * {@code d_type}). The name is kept as raw bytes decoded as ISO-8859-1, so every name round-trips.
 *
 * @param ino {@code d_ino} at offset 0 (unsigned, held in a long)
 * @param reclen {@code d_reclen} at offset 4
 * @param type {@code d_type} at offset 6
 * @param namlen {@code d_namlen} at offset 7
 * @param name {@code d_name} at offset 8, {@code namlen} bytes
 */
public record DirectoryEntry(long ino, int reclen, int type, int namlen, String name) {
    /** {@code DT_UNKNOWN}. */
    public static final int DT_UNKNOWN = 0;
    /** {@code DT_FIFO}. */
    public static final int DT_FIFO = 1;
    /** {@code DT_CHR}. */
    public static final int DT_CHR = 2;
    /** {@code DT_DIR}. */
    public static final int DT_DIR = 4;
    /** {@code DT_BLK}. */
    public static final int DT_BLK = 6;
    /** {@code DT_REG}. */
    public static final int DT_REG = 8;
    /** {@code DT_LNK}. */
    public static final int DT_LNK = 10;
    /** {@code DT_SOCK}. */
    public static final int DT_SOCK = 12;
    /** {@code DT_WHT}. */
    public static final int DT_WHT = 14;

    /**
     * Reads the entry at {@code base}. The name is read only as far as the buffer goes: a
     * {@code d_namlen} that runs past it gives a shorter name, and the caller's checks report it.
     */
    public static DirectoryEntry decode(ByteBuffer b, int base) {
        Bytes.checkRange(b, base, DirectoryEntryLayout.HEADER_SIZE, "struct direct");
        long ino = Integer.toUnsignedLong(b.getInt(base + DirectoryEntryLayout.D_INO));
        int reclen = Short.toUnsignedInt(b.getShort(base + DirectoryEntryLayout.D_RECLEN));
        int type = Byte.toUnsignedInt(b.get(base + DirectoryEntryLayout.D_TYPE));
        int namlen = Byte.toUnsignedInt(b.get(base + DirectoryEntryLayout.D_NAMLEN));
        int avail = Math.max(0, Math.min(namlen, b.limit() - base - DirectoryEntryLayout.D_NAME));
        byte[] raw = new byte[avail];
        b.get(base + DirectoryEntryLayout.D_NAME, raw);
        return new DirectoryEntry(ino, reclen, type, namlen, new String(raw, StandardCharsets.ISO_8859_1));
    }

    /** Writes the entry at {@code base}, NUL-padding the name to {@code reclen}'s fixed part. */
    public void encode(ByteBuffer b, int base) {
        byte[] raw = name.getBytes(StandardCharsets.ISO_8859_1);
        if (raw.length != namlen || namlen > DirectoryEntryLayout.MAXNAMLEN) {
            throw new IllegalArgumentException("d_namlen " + namlen + " does not fit name " + name);
        }
        int size = DirectoryEntryLayout.directSize(namlen);
        if (reclen < size || reclen > 0xffff) {
            throw new IllegalArgumentException("d_reclen " + reclen + " below " + size + " for " + name);
        }
        Bytes.checkRange(b, base, size, "struct direct");
        b.putInt(base + DirectoryEntryLayout.D_INO, (int) ino);
        b.putShort(base + DirectoryEntryLayout.D_RECLEN, (short) reclen);
        b.put(base + DirectoryEntryLayout.D_TYPE, Bytes.u8(type, "d_type"));
        b.put(base + DirectoryEntryLayout.D_NAMLEN, (byte) namlen);
        b.put(base + DirectoryEntryLayout.D_NAME, raw);
        for (int i = DirectoryEntryLayout.D_NAME + namlen; i < size; i++) {
            b.put(base + i, (byte) 0);
        }
    }

    /** The {@code DT_} value for a mode's {@code IFMT} bits ({@code IFTODT}). */
    public static int typeOfMode(int mode) {
        return (mode & 0170000) >>> 12;
    }
}
