package io.github.slipway.ffs.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the builder's writes go. Writes at increasing, adjacent offsets (file data, inode tables)
 * are gathered into one large buffer and written with one call; inode updates, which land all
 * over the inode tables, are kept sorted and written in runs. No write is ever read back, so the
 * only order that matters is that an inode update follows the initial inode table fill, which
 * {@link #flush()} keeps by writing the gathered run before the inode updates.
 */
abstract class ImageOutput {
    abstract void write(long offset, byte[] b, int off, int len) throws IOException;

    /**
     * Reads exactly {@code len} bytes from {@code src} into the image at {@code offset}, then
     * zeros up to {@code padTo} bytes.
     *
     * @return the bytes read, less than {@code len} only at the end of {@code src}
     */
    abstract int writeFrom(java.nio.channels.ReadableByteChannel src, long offset, int len, int padTo)
            throws IOException;

    /** A small update inside an inode table, written after everything before it. */
    abstract void writeInode(long offset, byte[] b) throws IOException;

    abstract void flush() throws IOException;

    /** Output that discards everything: a dry run that only computes the layout. */
    static ImageOutput discard() {
        return new ImageOutput() {
            @Override
            void write(long offset, byte[] b, int off, int len) {
            }

            @Override
            void writeInode(long offset, byte[] b) {
            }

            @Override
            int writeFrom(java.nio.channels.ReadableByteChannel src, long offset, int len, int padTo) {
                return len;
            }

            @Override
            void flush() {
            }
        };
    }

    /** Output into a file channel through a gathering buffer, shifted by {@code base} bytes. */
    static ImageOutput to(FileChannel ch, long base) {
        return new Gathering(ch, base);
    }

    private static final class Gathering extends ImageOutput {
        private static final int BUFFER = 1 << 20;
        private static final int MAX_INODE_UPDATES = 1 << 16;

        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER);
        private long bufStart = -1;
        private final TreeMap<Long, byte[]> inodes = new TreeMap<>();

        private final long base;

        Gathering(FileChannel ch, long base) {
            this.ch = ch;
            this.base = base;
        }

        @Override
        void write(long offset, byte[] b, int off, int len) throws IOException {
            if (bufStart >= 0 && offset != bufStart + buf.position()) {
                flushData();
            }
            if (len >= BUFFER) {
                flushData();
                writeFully(ByteBuffer.wrap(b, off, len), offset);
                return;
            }
            if (buf.remaining() < len) {
                flushData();
            }
            if (bufStart < 0) {
                bufStart = offset;
            }
            buf.put(b, off, len);
        }

        @Override
        int writeFrom(java.nio.channels.ReadableByteChannel src, long offset, int len, int padTo)
                throws IOException {
            if (bufStart >= 0 && offset != bufStart + buf.position()) {
                flushData();
            }
            if (buf.remaining() < padTo) {
                flushData();
            }
            if (bufStart < 0) {
                bufStart = offset;
            }
            int start = buf.position();
            int limit = buf.limit();
            buf.limit(start + len);
            try {
                while (buf.hasRemaining()) {
                    if (src.read(buf) < 0) {
                        break;
                    }
                }
            } finally {
                buf.limit(limit);
            }
            int got = buf.position() - start;
            if (got < len) {
                buf.position(start);
                return got;
            }
            for (int i = len; i < padTo; i++) {
                buf.put((byte) 0);
            }
            return got;
        }

        @Override
        void writeInode(long offset, byte[] b) throws IOException {
            inodes.put(offset, b);
            if (inodes.size() >= MAX_INODE_UPDATES) {
                flush();
            }
        }

        private void flushData() throws IOException {
            if (bufStart >= 0 && buf.position() > 0) {
                buf.flip();
                writeFully(buf, bufStart);
                buf.clear();
            }
            bufStart = -1;
        }

        @Override
        void flush() throws IOException {
            flushData();
            for (Map.Entry<Long, byte[]> e : inodes.entrySet()) {
                write(e.getKey(), e.getValue(), 0, e.getValue().length);
            }
            inodes.clear();
            flushData();
        }

        private void writeFully(ByteBuffer b, long pos) throws IOException {
            pos += base;
            while (b.hasRemaining()) {
                pos += ch.write(b, pos);
            }
        }
    }
}
