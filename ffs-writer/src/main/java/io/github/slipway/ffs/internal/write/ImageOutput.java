package io.github.slipway.ffs.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Where the builder's writes go. Writes at increasing, adjacent offsets (file data, inode tables)
 * are gathered into one large buffer and written with one call; inode updates, which land all
 * over the inode tables, are kept and written sorted, in runs. No write is ever read back, so the
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

    /**
     * As {@link #writeFrom(java.nio.channels.ReadableByteChannel, long, int, int)}, reading
     * {@code src} from {@code srcPos} with positional reads: the channel's position is neither
     * used nor moved (no seek per run).
     */
    abstract int writeFrom(FileChannel src, long srcPos, long offset, int len, int padTo) throws IOException;

    /** Writes the remaining bytes of {@code src} at {@code offset}, then zeros up to {@code padTo} bytes. */
    abstract void write(ByteBuffer src, long offset, int padTo) throws IOException;

    /**
     * Copies {@code len} bytes of {@code src} from {@code srcPos} into the image at
     * {@code offset} inside the kernel, without passing them through this process; the caller
     * knows that no other write touches those bytes.
     *
     * @return the bytes copied, less than {@code len} only at the end of {@code src}
     */
    abstract long transfer(java.nio.channels.FileChannel src, long srcPos, long offset, long len) throws IOException;

    /** Writes straight to the image, after anything buffered (for a write far from the rest). */
    void writeThrough(long offset, byte[] b, int off, int len) throws IOException {
        flush();
        write(offset, b, off, len);
        flush();
    }

    /**
     * A small update inside an inode table, written after everything before it; {@code b} is
     * copied, so the caller may reuse it.
     */
    abstract void writeInode(long offset, byte[] b) throws IOException;

    abstract void flush() throws IOException;

    /**
     * A hint: about {@code n} inode updates will come. The gathering output sizes its buffer for
     * them (up to the number it holds back) once, instead of doubling it: grown from 32 KB, the
     * buffer of a 20,000-inode tree was 8 MB of copies, its last arrays large enough to be
     * copied again by each young collection until they were promoted.
     */
    void expectInodes(int n) {
    }

    /** Waits for background work on the channel (write-behind syncs) to end. */
    void finish() throws IOException {
    }

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
            int writeFrom(FileChannel src, long srcPos, long offset, int len, int padTo) {
                return len;
            }

            @Override
            void write(ByteBuffer src, long offset, int padTo) {
            }

            @Override
            long transfer(java.nio.channels.FileChannel src, long srcPos, long offset, long len) {
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

    /**
     * A write-back window over the image: writes that land inside it are copied into one buffer
     * and only the byte ranges actually written are remembered (merged as they touch), so the
     * window goes out in a few large writes even though makefs' allocator fills a file's tail
     * into an earlier partial block, out of order. Bytes not written are never written, so data
     * already in the file (the inode tables' di_gen fill) stays. The last write to a byte wins,
     * as with direct writes: a write outside the window either moves the window (after writing
     * it out) or, when small and behind it, goes straight to the file, where no buffered write
     * can overlap it.
     */
    private static final class Gathering extends ImageOutput {
        /**
         * The window's size. Small enough that the window is mostly still in the CPU's cache when
         * it is written out, so the kernel's copy into the page cache reads it from there: on the
         * 20,000-file tree (4 MB L2 here) that copy fell from 12% to 3% of a run's CPU samples
         * with a 2 MB window instead of 4 MB. Wall time gains less than that suggests: 4 MB runs
         * had a tail of slow runs (medians 0-13% slower over several interleaved series, the
         * benchmark's 9 rounds equal). Smaller windows send more out-of-order fragment writes
         * straight to the file (256 KB: 19,900 writes against 9,800 at 2 MB and 4,750 at 4 MB).
         */
        private static final int WINDOW = 2 << 20;
        /** Writes behind the window up to this size go straight out instead of moving it. */
        private static final int DIRECT = 64 << 10;
        private static final int MAX_INODE_UPDATES = 1 << 16;
        /** Start a background sync after this many bytes were written. */
        private static final long SYNC_BEHIND = 32 << 20;
        private static final byte[] ZEROS = new byte[8192];

        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(WINDOW);
        /**
         * A view of {@link #buf} whose position and limit each use sets: one for the output's
         * life rather than a new duplicate per padding, read and flushed range (tens of
         * thousands a run).
         */
        private final ByteBuffer view = buf.duplicate();

        /** {@link #view} over window bytes [from, to). */
        private ByteBuffer view(int from, int to) {
            view.clear();
            return view.limit(to).position(from);
        }
        /** Image offset of buf[0], or -1 while the window is empty. */
        private long winStart = -1;
        /** Written ranges of the window, sorted and disjoint: [starts[i], ends[i]). */
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private int ranges;
        /**
         * Inode updates not written yet, in arrival order: their bytes back to back in
         * {@link #inodeBytes}, and per update a sort key (image offset << 16 | arrival index), so
         * sorting the keys orders them by offset and, at one offset, the later update after the
         * earlier one, which it then overwrites. Primitive arrays, reused: no object per update
         * for the collector to copy (a TreeMap here held 20,000 entries live through a run).
         */
        private long[] inodeKeys = new long[256];
        private int[] inodeAt = new int[256];
        private byte[] inodeBytes = new byte[256 * 128];
        private int inodeCount;
        private int inodeUsed;
        /** Bytes written to the file since the last write-behind sync started. */
        private long unsynced;
        private Thread syncer;

        private final long base;

        Gathering(FileChannel ch, long base) {
            this.ch = ch;
            this.base = base;
        }

        /** Makes [offset, offset+len) part of the window if it can be; false: write it directly. */
        private boolean place(long offset, int len) throws IOException {
            if (winStart >= 0 && offset >= winStart && offset + len <= winStart + WINDOW) {
                return true;
            }
            if (winStart >= 0 && offset + len <= winStart && len <= DIRECT) {
                // wholly behind the window: no buffered byte can be older than this write
                return false;
            }
            flushData();
            if (len > WINDOW / 2) {
                return false;
            }
            winStart = offset;
            return true;
        }

        /** Records [from, to) (window-relative) as written, merging touching ranges. */
        private void mark(int from, int to) {
            // usually the new range extends or follows the last one
            int i = ranges;
            while (i > 0 && starts[i - 1] > to) {
                i--;
            }
            // ranges [j, i) touch or overlap [from, to)
            int j = i;
            while (j > 0 && ends[j - 1] >= from) {
                j--;
            }
            if (j < i) {
                from = Math.min(from, starts[j]);
                to = Math.max(to, ends[i - 1]);
                starts[j] = from;
                ends[j] = to;
                int removed = i - j - 1;
                if (removed > 0) {
                    System.arraycopy(starts, i, starts, j + 1, ranges - i);
                    System.arraycopy(ends, i, ends, j + 1, ranges - i);
                    ranges -= removed;
                }
                return;
            }
            if (ranges == starts.length) {
                starts = java.util.Arrays.copyOf(starts, ranges * 2);
                ends = java.util.Arrays.copyOf(ends, ranges * 2);
            }
            System.arraycopy(starts, i, starts, i + 1, ranges - i);
            System.arraycopy(ends, i, ends, i + 1, ranges - i);
            starts[i] = from;
            ends[i] = to;
            ranges++;
        }

        @Override
        void write(long offset, byte[] b, int off, int len) throws IOException {
            if (!place(offset, len)) {
                writeFully(ByteBuffer.wrap(b, off, len), offset);
                return;
            }
            int at = (int) (offset - winStart);
            buf.put(at, b, off, len);
            mark(at, at + len);
        }

        @Override
        int writeFrom(java.nio.channels.ReadableByteChannel src, long offset, int len, int padTo)
                throws IOException {
            return fill(src, -1, offset, len, padTo);
        }

        @Override
        int writeFrom(FileChannel src, long srcPos, long offset, int len, int padTo) throws IOException {
            return fill(src, srcPos, offset, len, padTo);
        }

        @Override
        void write(ByteBuffer src, long offset, int padTo) throws IOException {
            int len = src.remaining();
            if (!place(offset, padTo)) {
                flushData();
                winStart = offset;
            }
            int at = (int) (offset - winStart);
            buf.put(at, src, src.position(), len);
            pad(at + len, at + padTo);
            mark(at, at + padTo);
        }

        /** Zeros window bytes [from, to). */
        private void pad(int from, int to) {
            ByteBuffer dst = view(from, to);
            for (int left = to - from; left > 0; ) {
                int n = Math.min(left, ZEROS.length);
                dst.put(ZEROS, 0, n);
                left -= n;
            }
        }

        /** Reads into the window: at {@code srcPos} of a FileChannel, or sequentially when it is -1. */
        private int fill(java.nio.channels.ReadableByteChannel src, long srcPos, long offset, int len, int padTo)
                throws IOException {
            if (!place(offset, padTo)) {
                flushData();
                winStart = offset;
            }
            int at = (int) (offset - winStart);
            ByteBuffer dst = view(at, at + len);
            while (dst.hasRemaining()) {
                int n = srcPos < 0 ? src.read(dst) : ((FileChannel) src).read(dst, srcPos + dst.position() - at);
                if (n < 0) {
                    break;
                }
            }
            int got = dst.position() - at;
            if (got < len) {
                return got;
            }
            pad(at + len, at + padTo);
            mark(at, at + padTo);
            return got;
        }

        @Override
        long transfer(java.nio.channels.FileChannel src, long srcPos, long offset, long len) throws IOException {
            // sendfile(2) writes at the image channel's position: only this thread moves it
            ch.position(base + offset);
            long done = 0;
            while (done < len) {
                long n = src.transferTo(srcPos + done, len - done, ch);
                if (n <= 0) {
                    break;
                }
                done += n;
            }
            written(done);
            return done;
        }

        @Override
        void expectInodes(int n) {
            int count = Math.min(Math.max(n, 0), MAX_INODE_UPDATES);
            if (count > inodeKeys.length && inodeCount == 0) {
                inodeKeys = new long[count];
                inodeAt = new int[count];
                inodeBytes = new byte[count * FsState.DINODE1_SIZE];
            }
        }

        @Override
        void writeInode(long offset, byte[] b) throws IOException {
            if (offset < 0 || offset >= 1L << 47) {
                // UFS1 addresses 2^31 fragments of at most 64 KB: never
                throw new IllegalArgumentException("inode offset " + offset + " out of UFS1's range");
            }
            if (inodeCount == inodeKeys.length) {
                inodeKeys = Arrays.copyOf(inodeKeys, inodeCount * 2);
                inodeAt = Arrays.copyOf(inodeAt, inodeCount * 2);
            }
            if (inodeUsed + b.length > inodeBytes.length) {
                inodeBytes = Arrays.copyOf(inodeBytes, Math.max(inodeBytes.length * 2, inodeUsed + b.length));
            }
            System.arraycopy(b, 0, inodeBytes, inodeUsed, b.length);
            inodeKeys[inodeCount] = offset << 16 | inodeCount;
            inodeAt[inodeCount] = inodeUsed;
            inodeCount++;
            inodeUsed += b.length;
            if (inodeCount >= MAX_INODE_UPDATES) {
                flush();
            }
        }

        private void flushData() throws IOException {
            for (int i = 0; i < ranges; i++) {
                ByteBuffer out = view(starts[i], ends[i]);
                written(ends[i] - starts[i]);
                writeFully(out, winStart + starts[i]);
            }
            ranges = 0;
            winStart = -1;
        }

        /** Counts bytes gone to the file; starts a write-behind sync once enough have. */
        private void written(long n) {
            unsynced += n;
            if (unsynced >= SYNC_BEHIND && (syncer == null || !syncer.isAlive())) {
                writeBehind();
            }
        }

        /**
         * Starts writing what is in the page cache to the device on another thread, while this
         * one goes on: the caller's final force (FfsWriter forces before its rename) then waits
         * for the last part only. An error here shows again in that force.
         */
        private void writeBehind() {
            unsynced = 0;
            syncer = new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        ch.force(false);
                    } catch (IOException e) {
                        // the final force reports it
                    }
                }
            }, "slipway-write-behind");
            syncer.setDaemon(true);
            syncer.start();
        }

        @Override
        void finish() throws IOException {
            if (syncer != null) {
                try {
                    syncer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted waiting for the image's write-behind");
                }
            }
        }

        @Override
        void flush() throws IOException {
            flushData();
            Arrays.sort(inodeKeys, 0, inodeCount);
            for (int k = 0; k < inodeCount; k++) {
                int i = (int) (inodeKeys[k] & 0xFFFF);
                int end = i + 1 < inodeCount ? inodeAt[i + 1] : inodeUsed;
                write(inodeKeys[k] >>> 16, inodeBytes, inodeAt[i], end - inodeAt[i]);
            }
            inodeCount = 0;
            inodeUsed = 0;
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
