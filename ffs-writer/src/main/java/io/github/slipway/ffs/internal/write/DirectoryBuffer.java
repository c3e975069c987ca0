package io.github.slipway.ffs.internal.write;

import io.github.slipway.ffs.internal.format.DirectoryEntryLayout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A directory's contents as makefs' {@code ffs_make_dirbuf} packs them: {@code struct direct}
 * entries (sys/ufs/ufs/dir.h) in 512-byte {@code DIRBLKSIZ} chunks, the last entry of a chunk
 * stretched to its end.
 */
final class DirectoryBuffer {
    static final int DIRBLKSIZ = DirectoryEntryLayout.DIRBLKSIZ;

    /** The entries, then zeros: its length doubles as it fills, {@link #size} is what is used. */
    private byte[] buf = new byte[0];
    private ByteBuffer view;
    private int size;
    private int cur;
    private final ByteOrder order;

    DirectoryBuffer(ByteOrder order) {
        this.order = order;
        this.view = ByteBuffer.wrap(buf).order(order);
    }

    /**
     * Empties the buffer for the next directory, keeping its array: a layout writes one
     * directory at a time, and a new buffer per directory, grown by doubling, was 2.7 MB of
     * garbage a run on the 20,000-file tree.
     */
    void reset() {
        size = 0;
        cur = 0;
    }

    /**
     * The size of a directory of {@code size} bytes after an entry with a name of
     * {@code namlen} bytes is added: as {@link #add}, an entry does not cross a DIRBLKSIZ chunk
     * ({@code ffs_size_dir}'s arithmetic).
     */
    static int packed(int size, int namlen) {
        int dsz = dirsiz(namlen);
        if (dsz + size > roundup(size)) {
            size = roundup(size);
        }
        return size + dsz;
    }

    /** {@code DIRSIZ}: the bytes an entry with a name of {@code namlen} bytes takes. */
    static int dirsiz(int namlen) {
        return DirectoryEntryLayout.HEADER_SIZE + ((namlen + 1 + 3) & ~3);
    }

    /** Appends an entry. */
    void add(byte[] name, long ino, int dtype) {
        int reclen = dirsiz(name.length);
        int llen = size == 0 ? 0 : dirsiz(buf[cur + DirectoryEntryLayout.D_NAMLEN] & 0xff);
        ByteBuffer b;
        if (reclen + cur + llen > roundup(size)) {
            if (size + DIRBLKSIZ > buf.length) {
                // doubling: growing by one chunk at a time copied a 20,000-entry directory ~600
                // times (a third of a layout's time on a tree of 20,000 directories)
                buf = Arrays.copyOf(buf, Math.max(size + DIRBLKSIZ, 2 * buf.length));
                view = ByteBuffer.wrap(buf).order(order);
            }
            // a new chunk starts zeroed, as makefs' (the array may hold an earlier directory)
            Arrays.fill(buf, size, size + DIRBLKSIZ, (byte) 0);
            size += DIRBLKSIZ;
            cur = size - DIRBLKSIZ;
            b = view;
        } else {
            b = view;
            b.putShort(cur + DirectoryEntryLayout.D_RECLEN, (short) llen);
            cur += llen;
        }
        b.putInt(cur + DirectoryEntryLayout.D_INO, (int) ino);
        b.putShort(cur + DirectoryEntryLayout.D_RECLEN, (short) (size - cur));
        buf[cur + DirectoryEntryLayout.D_TYPE] = (byte) dtype;
        buf[cur + DirectoryEntryLayout.D_NAMLEN] = (byte) name.length;
        System.arraycopy(name, 0, buf, cur + DirectoryEntryLayout.D_NAME, name.length);
        Arrays.fill(buf, cur + DirectoryEntryLayout.D_NAME + name.length, cur + reclen, (byte) 0);
    }

    private static int roundup(int n) {
        return (n + DIRBLKSIZ - 1) / DIRBLKSIZ * DIRBLKSIZ;
    }

    /** The buffer: its first {@link #size} bytes are the directory's contents. */
    byte[] bytes() {
        return buf;
    }

    int size() {
        return size;
    }
}
