package io.github.slipway.ffs.internal.write;

import io.github.slipway.ffs.FileContent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.util.List;

/**
 * Reads small files ahead of the writer on other threads. On a tree of many small files the
 * writer's time goes to system calls (open, read, close: about 15 µs a file here, 20,000 files
 * in the benchmark tree), not to copying; readers on the other cores take those calls off the
 * writer's path. The files are read in the order the writer asks for them, into one ring buffer:
 * a reader claims the next file once the ring has room for it, the writer takes the files in the
 * same order and releases each when it has copied it, which makes room again. Memory stays at
 * the ring's size whatever the tree.
 *
 * <p>A file that cannot be read or holds fewer bytes than its size gives the writer the error
 * when it takes that file, so failures name the same file as reading in the writer would.
 */
final class Prefetcher implements AutoCloseable {
    /** Files this size or larger are not read ahead (the writer copies them inside the kernel). */
    static final int MAX_FILE = 64 << 10;
    /** The ring's size: about 800 files of the benchmark's 10 KB ahead. */
    static final int RING = 8 << 20;

    private final java.util.function.Supplier<List<FileContent>> order;
    private final int ringSize;
    private final Thread[] readers;

    // set up by the first reader (see awaitSetup), published under this
    private List<FileContent> files;
    private ByteBuffer ring;
    /** Per file: its start in the ring as a running byte count (position = start % RING). */
    private long[] start;
    private int[] got;
    private IOException[] failure;
    private boolean[] done;

    // guarded by this
    private static final int UNSET = 0, SETTING_UP = 1, READY = 2, FAILED = 3;
    private int setup = UNSET;
    private RuntimeException setupFailure;
    private int nextClaim;
    /** Running byte count where the next claim may start. */
    private long head;
    /** Running byte count up to which the writer has released. */
    private long tail;
    private int nextTake;
    private boolean closed;
    /** The writer's view of the ring, which {@link #take} hands out repositioned for each file. */
    private ByteBuffer takeView;

    /**
     * Starts {@code threads} readers over {@code files}, which the writer will take in this order,
     * with a ring of {@code ringSize} bytes; every file must be no larger than the ring.
     */
    Prefetcher(List<FileContent> files, int threads, int ringSize) {
        this(checked(files, ringSize), threads, ringSize);
    }

    private static java.util.function.Supplier<List<FileContent>> checked(List<FileContent> files, int ringSize) {
        fitRing(files, ringSize);
        return new java.util.function.Supplier<List<FileContent>>() {
            @Override
            public List<FileContent> get() {
                return files;
            }
        };
    }

    private static void fitRing(List<FileContent> files, int ringSize) {
        for (FileContent f : files) {
            if (f.size() > ringSize) {
                throw new IllegalArgumentException(f.origin() + ": " + f.size() + " bytes, more than the ring's " + ringSize);
            }
        }
    }

    /**
     * Starts {@code threads} readers and returns at once: the first of them gets the files from
     * {@code order} (which the writer will take in that order; each no larger than the ring) and
     * allocates the ring, so that work, and the first reads, overlap with what the caller does
     * before it takes the first file (on the 20,000-file tree, listing the files and touching an
     * 8 MB ring took 10-20 ms of the writer's time). {@code order} runs on a reader thread: what
     * it reads must not change meanwhile.
     */
    Prefetcher(java.util.function.Supplier<List<FileContent>> order, int threads, int ringSize) {
        if (threads < 1) {
            throw new IllegalArgumentException(threads + " readers: the first one sets the ring up");
        }
        this.order = order;
        this.ringSize = ringSize;
        this.readers = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            // a Runnable class rather than this::readLoop: no invokedynamic linkage at start-up
            readers[i] = new Thread(new Runnable() {
                @Override
                public void run() {
                    readLoop();
                }
            }, "slipway-read-ahead-" + i);
            readers[i].setDaemon(true);
            readers[i].start();
        }
    }

    /**
     * Gets the order and the ring ready, on the first thread to call it (the others wait): false
     * when that failed or the prefetcher was closed first.
     */
    private boolean awaitSetup() {
        synchronized (this) {
            while (setup == SETTING_UP && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    return false;
                }
            }
            if (closed || setup == FAILED) {
                return false;
            }
            if (setup == READY) {
                return true;
            }
            setup = SETTING_UP;
        }
        try {
            List<FileContent> list = order.get();
            fitRing(list, ringSize);
            ByteBuffer r = ByteBuffer.allocateDirect(ringSize);
            synchronized (this) {
                files = list;
                ring = r;
                start = new long[list.size()];
                got = new int[list.size()];
                failure = new IOException[list.size()];
                done = new boolean[list.size()];
                setup = READY;
                notifyAll();
            }
            return true;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                setupFailure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                setup = FAILED;
                notifyAll();
            }
            return false;
        }
    }

    /** Whether the writer takes {@code content} from a prefetcher rather than reading it itself. */
    static boolean eligible(FileContent content) {
        long size = content.size();
        return size > 0 && size < MAX_FILE;
    }

    private void readLoop() {
        if (!awaitSetup()) {
            return;
        }
        ByteBuffer view = ring.duplicate();
        while (true) {
            int i;
            long at;
            synchronized (this) {
                while (!closed && nextClaim < files.size() && !fits(nextClaim)) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed || nextClaim >= files.size()) {
                    return;
                }
                i = nextClaim++;
                at = place((int) files.get(i).size());
                start[i] = at;
                head = at + files.get(i).size();
            }
            int size = (int) files.get(i).size();
            int pos = (int) (at % ringSize);
            view.limit(pos + size).position(pos);
            IOException error = null;
            try {
                read(files.get(i), view);
            } catch (IOException e) {
                error = e;
            }
            synchronized (this) {
                got[i] = view.position() - pos;
                failure[i] = error;
                done[i] = true;
                notifyAll();
            }
        }
    }

    /** Where a file of {@code size} bytes claimed now starts: after head, not across the ring's end. */
    private long place(int size) {
        long pos = head % ringSize;
        return pos + size <= ringSize ? head : head + (ringSize - pos);
    }

    /** Whether file {@code i} fits in the ring beside what the writer has not released yet. */
    private boolean fits(int i) {
        int size = (int) files.get(i).size();
        return i == nextTake || place(size) + size - tail <= ringSize;
    }

    /** Reads {@code dst.remaining()} bytes of {@code c} or up to its end; errors name the file. */
    private static void read(FileContent c, ByteBuffer dst) throws IOException {
        ReadableByteChannel ch;
        try {
            ch = c.openChannel();
        } catch (IOException e) {
            throw new IOException(c.origin() + ": cannot read: " + FfsImageBuilder.describe(e), e);
        }
        try (ch) {
            if (ch instanceof FileChannel fc) {
                long pos = 0;
                while (dst.hasRemaining()) {
                    int n = fc.read(dst, pos);
                    if (n < 0) {
                        break;
                    }
                    pos += n;
                }
            } else {
                while (dst.hasRemaining() && ch.read(dst) >= 0) {
                    // fills dst
                }
            }
        } catch (IOException e) {
            throw new IOException(c.origin() + ": read error, " + c.size() + " bytes to go: "
                    + FfsImageBuilder.describe(e), e);
        }
    }

    /**
     * Takes the next file's bytes, waiting for a reader if need be; the writer calls this for the
     * files in the order given, and {@link #release()} when it has copied them.
     *
     * @param content the file the writer is at, which must be the next one
     * @return a buffer positioned at the file's first byte, limited at its end: the same buffer
     *     object each time, repositioned (the writer is done with a file when it takes the next)
     * @throws IOException with the file's origin if it could not be read or was short
     * @throws AssertionError if {@code content} is not the next file: the writer's order and the
     *     one it gave differ, a bug
     */
    ByteBuffer take(FileContent content) throws IOException {
        int i;
        synchronized (this) {
            while (setup != READY && setup != FAILED) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted waiting for " + content.origin());
                }
            }
            if (setup == FAILED) {
                throw new IllegalStateException("read-ahead could not start: " + setupFailure.getMessage(), setupFailure);
            }
            i = nextTake;
            if (i >= files.size() || files.get(i) != content) {
                throw new AssertionError("read-ahead out of step at file " + i + ": " + content.origin());
            }
            while (!done[i]) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted waiting for " + content.origin());
                }
            }
        }
        if (failure[i] != null) {
            throw failure[i];
        }
        long size = content.size();
        if (got[i] != size) {
            throw new IOException(content.origin() + ": file shrank: " + size + " bytes to go, read " + got[i]
                    + " bytes, expected " + size);
        }
        int pos = (int) (start[i] % ringSize);
        if (takeView == null) {
            takeView = ring.duplicate();
        }
        takeView.clear();
        return takeView.limit(pos + (int) size).position(pos);
    }

    /** Gives the ring space of the file last taken back to the readers. */
    synchronized void release() {
        int i = nextTake++;
        tail = start[i] + files.get(i).size();
        notifyAll();
    }

    /** Stops the readers and waits for them: nothing writes into the ring afterwards. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        boolean interrupted = false;
        for (Thread t : readers) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
