package io.github.slipway.ffs.internal.write;

import io.github.slipway.ffs.EntryType;
import io.github.slipway.ffs.FileContent;
import io.github.slipway.ffs.ImageFullException;
import io.github.slipway.ffs.ImageNode;
import io.github.slipway.ffs.MakefsOptions;
import io.github.slipway.ffs.Metadata;
import io.github.slipway.ffs.internal.format.FfsConstants;
import io.github.slipway.ffs.internal.format.SuperblockLayout;
import io.github.slipway.ffs.internal.format.Ufs1InodeLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a UFS1 image the way NetBSD makefs does: {@code ffs_validate} (size estimate), {@code
 * ffs_mkfs} and {@code initcg} (geometry, cylinder groups, {@code di_gen} fill), {@code
 * ffs_populate_dir} (inode numbers, directory blocks, files, sub-directories, in that order),
 * {@code ffs_write_file} with {@code ffs_balloc}, {@code ffs_write_inode} and finally {@code
 * ffs_write_superblock}. File contents stream from their sources one block at a time.
 */
public final class FfsImageBuilder {
    private static final int MAXPHYS = 64 * 1024;
    private static final int FFS_MAXBSIZE = 65536;
    /** The longest run of adjacent file blocks copied with one read (fits the output buffer). */
    private static final int MAX_RUN = 512 * 1024;

    /** What was built: the numbers makefs prints. */
    public record Result(long size, long inodes, int ncg, int fpg, int ipg, int bsize, int fsize,
                         long sectors, List<Long> superblockBackups) {
    }

    private final MakefsOptions opts;
    private final FileChannel ch;
    private final ImageOutput out;
    private final boolean dryRun;
    /** Reads small files ahead on other threads while the image is written, or null. */
    private Prefetcher prefetch;
    private final String imageName;
    private final Consumer<String> log;
    private final ByteOrder order;
    private final LibcRandom random = LibcRandom.unseeded();
    private final TreeIndex index;

    private int sectorsize;
    private int fsize;
    private int bsize;
    private int minfree;
    private int optimization;
    private int maxcontig;
    private int maxbpg;
    private int avgfilesize;
    private int avgfpdir;
    private int density;
    private long size;
    private long inodes;
    private long startTime;

    private FsState fs;
    private CylinderGroup[] cgs;
    private BlockAllocator allocator;
    private long curinode;
    /** The exact image size in default mode (chosen or given), or -1 to use makefs' estimate. */
    private long forcedSize = -1;
    /** After a default-mode run: free bytes beyond what -b asks for. */
    private long slackBytes;
    /** Whether {@link #run()} got past the geometry (inode count) checks into the layout. */
    private boolean laidOut;
    /**
     * A prefetcher started before this builder, for its write to adopt (default mode starts the
     * readers before its size search), or null.
     */
    private EarlyReaders early;
    /** Whether {@link #run()} stops after the geometry checks: a size trial that lays out nothing. */
    private boolean geometryOnly;

    /**
     * Per node number, for one layout: its inode number once allocated, and the
     * {@link #ALLOCATED} and {@link #WRITTEN} marks. Arrays rather than an object per node:
     * each size trial lays every node out again. (Link counts and sizes do not depend on the
     * image size: the tree index has them.)
     */
    private long[] inos;
    private byte[] marks;
    private static final byte ALLOCATED = 1;
    private static final byte WRITTEN = 2;

    private FfsImageBuilder(TreeIndex index, MakefsOptions opts, FileChannel ch, String imageName,
                            Consumer<String> log) {
        this.index = index;
        this.opts = opts;
        this.ch = ch;
        this.dryRun = ch == null;
        this.out = ch == null ? ImageOutput.discard() : ImageOutput.to(ch, opts.offset());
        this.imageName = imageName;
        this.log = log;
        this.order = opts.byteOrder();
    }

    /**
     * Writes the image of the tree under {@code root} to {@code ch} (which must be empty).
     *
     * @param startTime the file system's creation time in seconds (makefs' {@code start_time})
     * @param log receives makefs' summary lines
     */
    public static Result build(ImageNode root, MakefsOptions opts, FileChannel ch, String imageName,
                               long startTime, Consumer<String> log) throws IOException {
        TreeIndex index = TreeIndex.of(root, !opts.compat());
        Timing.mark("tree index");
        FfsImageBuilder b = new FfsImageBuilder(index, opts, ch, imageName, log);
        b.startTime = startTime;
        try (EarlyReaders early = opts.compat() || fixedSize(opts) ? null : EarlyReaders.start(index, opts)) {
            b.early = early;
            if (!opts.compat()) {
                if (fixedSize(opts)) {
                    b.forcedSize = opts.minSize();
                } else {
                    WriteTrial written = new WriteTrial(index, opts, ch, imageName, startTime, log, early);
                    b.forcedSize = minimalSize(index, opts, imageName, written);
                    Timing.mark("size search");
                    if (written.size == b.forcedSize) {
                        return written.result;
                    }
                    if (written.size > 0) {
                        log.accept("`" + imageName + "' fits in " + b.forcedSize + " bytes, fewer than the " + written.size
                                + " written: writing it again");
                    }
                    written.discard();
                }
            }
            Result r;
            try {
                r = b.run();
            } finally {
                b.out.finish();
            }
            Timing.mark("layout and write");
            return r;
        }
    }

    /**
     * Read-ahead threads started before default mode's size search, which lays the tree out a
     * few times without writing (60-120 ms on the 20,000-file tree, one core busy): the readers
     * fill their ring from the first files meanwhile, on the other core. The files are written in
     * the same order whatever the image size, so the first builder that writes takes them over;
     * a write after that (a size guess that was not the answer) starts readers of its own.
     */
    private static final class EarlyReaders implements AutoCloseable {
        private Prefetcher prefetcher;

        private EarlyReaders(Prefetcher p) {
            this.prefetcher = p;
        }

        /** Readers for a build that will write into a channel, or null where it reads nothing ahead. */
        static EarlyReaders start(TreeIndex index, MakefsOptions opts) {
            int readers = readers();
            if (opts.sparse() || readers < 1) {
                return null;
            }
            return new EarlyReaders(new Prefetcher(new WriteOrder(index), readers, Prefetcher.RING));
        }

        /** The readers, once: null on later calls. */
        synchronized Prefetcher take() {
            Prefetcher p = prefetcher;
            prefetcher = null;
            return p;
        }

        /** Stops the readers if no builder took them. */
        @Override
        public void close() {
            Prefetcher p = take();
            if (p != null) {
                p.close();
            }
        }
    }

    /*
     * No lambdas or method references on the way of a makefs run: each call site's first use
     * links through invokedynamic's bootstrap (LambdaMetafactory, method handle resolution),
     * which no class data sharing archive saves: the first ones 2-4 ms each, all of them ~10 ms
     * of a one-file run, more than a small image takes to lay out. Nested classes load from the
     * archive instead; NoLambdaLinkageTest (examples) keeps it so. (The build compiles string
     * concatenation without invokedynamic for the same reason.)
     */

    /** A log that drops makefs' summary lines. */
    public static final Consumer<String> NO_LOG = new Consumer<String>() {
        @Override
        public void accept(String line) {
            // dropped
        }
    };

    /** The read-ahead's file order: the small files in the order the writer takes them. */
    private static final class WriteOrder implements java.util.function.Supplier<List<FileContent>> {
        private final TreeIndex index;

        WriteOrder(TreeIndex index) {
            this.index = index;
        }

        @Override
        public List<FileContent> get() {
            return smallFilesInWriteOrder(index);
        }
    }

    /** Read-ahead threads a writing build uses: two, or one on one core. */
    private static int readers() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A size trial that writes the image: the size search's last step, once it has a guess that is
     * usually the answer, lays the block below out on another core and writes the guess for real
     * at the same time. When the guess is the answer, which is the common case, the image is
     * already written; otherwise it is thrown away (the channel cut back to where the image
     * starts) and written again at the size found. Its summary lines go out as it writes (a
     * large image takes a while), followed by a line saying so when it was not the answer.
     */
    private static final class WriteTrial {
        private final TreeIndex index;
        private final MakefsOptions opts;
        private final FileChannel ch;
        private final String imageName;
        private final long startTime;
        private final Consumer<String> log;
        /** The size written, or -1. */
        long size = -1;
        Result result;
        /** Whether {@link #write} was called. */
        boolean tried;

        private final EarlyReaders early;

        WriteTrial(TreeIndex index, MakefsOptions opts, FileChannel ch, String imageName, long startTime,
                   Consumer<String> log, EarlyReaders early) {
            this.early = early;
            this.index = index;
            this.opts = opts;
            this.ch = ch;
            this.imageName = imageName;
            this.startTime = startTime;
            this.log = log;
        }

        /** Writes the image at {@code bytes}: its spare bytes (as a trial's), or -1 if too small. */
        long write(long bytes) throws IOException {
            tried = true;
            discard();
            FfsImageBuilder b = new FfsImageBuilder(index, opts, ch, imageName, log);
            b.startTime = startTime;
            b.forcedSize = bytes;
            b.early = early;
            Result r;
            try {
                try {
                    r = b.run();
                } finally {
                    b.out.finish();
                }
            } catch (ImageFullException | IllegalStateException e) {
                Timing.mark("trial " + bytes + " (written): too small");
                log.accept("`" + imageName + "' does not fit in " + bytes + " bytes: the size search goes on");
                discard();
                return b.laidOut ? TOO_SMALL : TOO_FEW_INODES;
            }
            Timing.mark("trial " + bytes + " (written): fits, " + b.slackBytes + " spare");
            size = bytes;
            result = r;
            return b.slackBytes;
        }

        /** Cuts the channel back to where the image starts, if anything was written. */
        void discard() throws IOException {
            if (ch.size() > opts.offset()) {
                ch.truncate(opts.offset());
            }
            size = -1;
            result = null;
        }
    }

    /** Lays the image out without writing anything: its size, inodes and geometry. */
    public static Result plan(ImageNode root, MakefsOptions opts, String imageName, long startTime,
                              Consumer<String> log) throws IOException {
        TreeIndex index = TreeIndex.of(root, !opts.compat());
        FfsImageBuilder b = new FfsImageBuilder(index, opts, null, imageName, log);
        b.startTime = startTime;
        if (!opts.compat()) {
            b.forcedSize = fixedSize(opts) ? opts.minSize() : minimalSize(index, opts, imageName, null);
        }
        return b.run();
    }

    private static boolean fixedSize(MakefsOptions o) {
        return o.minSize() > 0 && o.minSize() == o.maxSize();
    }

    private static long dataBytes(TreeIndex index, int fsz) {
        long sum = 0;
        for (long size : index.fileSizes) {
            if (size >= 0) {
                sum += roundup(size, fsz);
            }
        }
        return sum;
    }

    /** Layouts the size searches have tried, for tests of the search's cost. */
    static final java.util.concurrent.atomic.AtomicLong TRIALS = new java.util.concurrent.atomic.AtomicLong();
    /** A trial's answer: the tree does not fit, the layout ran out of space. */
    private static final long TOO_SMALL = -1;
    /**
     * A trial's answer: the tree does not fit, and no layout was tried: the groups of an image
     * that size hold fewer inodes than the tree has nodes (or no groups fit at all).
     */
    private static final long TOO_FEW_INODES = -2;

    /**
     * The bytes left over beyond -b in an image of {@code size}, or {@link #TOO_SMALL} or
     * {@link #TOO_FEW_INODES} if the tree does not fit.
     */
    private static long slack(TreeIndex index, MakefsOptions opts, long size) throws IOException {
        TRIALS.incrementAndGet();
        FfsImageBuilder b = trial(index, opts, size);
        try {
            b.run();
            Timing.mark("trial " + size + ": fits, " + b.slackBytes + " spare");
            return b.slackBytes;
        } catch (ImageFullException | IllegalStateException e) {
            // too small: the geometry or the allocator ran out
            Timing.mark("trial " + size + ": too small");
            return b.laidOut ? TOO_SMALL : TOO_FEW_INODES;
        }
    }

    /** A builder that lays the tree out at {@code size} bytes, writing and logging nothing. */
    private static FfsImageBuilder trial(TreeIndex index, MakefsOptions opts, long size) {
        FfsImageBuilder b = new FfsImageBuilder(index, opts, null, "(trial)", NO_LOG);
        b.forcedSize = size;
        return b;
    }

    /**
     * Whether the groups of an image of {@code size} bytes hold the tree's inodes: the checks
     * before a layout, without the layout (a few ms where a layout of the same tree takes
     * hundreds).
     */
    private static boolean enoughInodes(TreeIndex index, MakefsOptions opts, long size) throws IOException {
        FfsImageBuilder b = trial(index, opts, size);
        b.geometryOnly = true;
        try {
            b.run();
            return true;
        } catch (ImageFullException | IllegalStateException e) {
            return false;
        }
    }

    /**
     * The smallest image size, a whole number of blocks, that holds the tree with the free space
     * the options ask for (-b, -f) and is at least -M; found by laying the image out
     * without writing (the layout does not depend on file contents), doubling then bisecting.
     *
     * @throws ImageFullException if it exceeds -m, stating the size needed
     */
    static long minimalSize(TreeIndex index, MakefsOptions opts, String imageName, WriteTrial writer)
            throws IOException {
        int sector = opts.sectorSize() == MakefsOptions.DEFAULT ? 512 : opts.sectorSize();
        int fsz = opts.fsize() == MakefsOptions.DEFAULT ? Math.max(1024, sector) : opts.fsize();
        long bs = opts.bsize() == MakefsOptions.DEFAULT ? Math.min(8192, 8 * fsz) : opts.bsize();
        // the file data alone is a lower bound; start the upper bound just above it
        long lo = dataBytes(index, fsz) / bs;
        long nodes = index.size();
        // first guess: the data, about 512 bytes a node (inode, directory entry, fragment lost
        // to the allocator), 1/64 of the data (indirect blocks, cg maps) and the -b/-f free
        // space: a few per cent above the answer on ordinary trees, so that the spare space it
        // reports leads close to the answer; on a miss the step doubles as before
        long step = Math.max(8, lo / 64 + nodes * 512 / bs + 16
                + (Math.max(0, opts.freeBlocks()) + Math.max(0, opts.freeFiles()) * 512L) / bs
                + lo * Math.max(0, Math.max(opts.freeBlockPercent(), opts.freeFilePercent())) / 100);
        long hi = lo + step;
        // far more than any tree needs (data, inodes for -f, -b): a bound, not a guess; each
        // inode costs at most 4 KB of image, or -o density bytes when that is larger
        long perInode = Math.max(4096L, opts.density() == MakefsOptions.DEFAULT ? 0 : opts.density());
        long limit = 4 * (lo + 64 + (opts.freeBlocks() + (nodes + Math.max(0, opts.freeFiles())) * perInode) / bs)
                * (100 + Math.max(opts.freeBlockPercent(), opts.freeFilePercent())) / 100 + (1L << 20) / bs;
        long slack;
        while ((slack = slack(index, opts, hi * bs)) < 0) {
            lo = hi;
            step *= 2;
            hi += step;
            if (hi > limit) {
                throw new ImageFullException(imageName + ": no image of up to " + limit * bs + " bytes holds this tree");
            }
        }
        // invariant: the tree does not fit lo blocks (or lo == 0) and fits hi
        // bisection, except that a fitting trial's spare space suggests the next probe (the
        // layout grows about linearly with the size), which usually ends the search in a few
        // trials (20k-file tree and /usr/include: 4, the first one a few per cent too large, the
        // next a few blocks too large, then the smallest fit and one block less)
        // Once a guess misses, the smallest fitting size is usually a few blocks above the miss
        // (the layout stops fitting at a cliff, not where the spare space runs out), so the
        // probes gallop up from lo (lo+1, lo+2, lo+4, ...) rather than halve: a 20k-file tree
        // takes 4 trials instead of 10, and no search takes more than twice the bisection's.
        boolean guess = true;
        // the inode edge in blocks once found (see below), or -1
        long edge = -1;
        long gallop = 1;
        double slope = 0; // not known yet
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (guess) {
                // step down by the spare whole blocks: the image loses them at its end, block
                // for block, and stops fitting when none is left (the smallest fit has 0 spare);
                // the spare space shrinks a little faster than the image (cg maps and inode
                // tables shrink with it): by the slope the last two fits showed, or, before
                // there are two, keep 1/32 of it as a margin
                long spare = slack / bs;
                long g = hi - Math.max(1, slope > 0 ? Math.round(spare / slope) : spare - (spare + 31) / 32);
                if (g > lo && g < hi) {
                    mid = g;
                } else if (g <= lo && edge < 0) {
                    // more spare space than the distance to a size known too small: the space
                    // may not be what binds but the inodes (many empty files or devices), which
                    // the groups of a smaller image do not hold; sizes between all show
                    // megabytes spare. Find the inode edge with the checks before a layout, and
                    // lay out the size just past it (usually the answer)
                    edge = inodeEdge(index, opts, lo, hi, bs);
                    lo = edge - 1;
                    if (hi - lo <= 1) {
                        break;
                    }
                    mid = edge;
                }
            } else {
                mid = Math.min(mid, lo + gallop);
                gallop *= 2;
            }
            // once the slope is known the guess is usually the answer itself, which needs the
            // block below it to fail: with a second core, lay that one out at the same time
            java.util.concurrent.FutureTask<Long> below = null;
            if (guess && slope > 0 && mid - 1 > lo && Runtime.getRuntime().availableProcessors() > 1) {
                long m1 = mid - 1;
                below = new java.util.concurrent.FutureTask<>(new java.util.concurrent.Callable<Long>() {
                    @Override
                    public Long call() throws IOException {
                        return slack(index, opts, m1 * bs);
                    }
                });
                Thread t = new Thread(below, "slipway-size-trial");
                t.setDaemon(true);
                t.start();
            }
            // the guess is written for real while the block below is tried (when it may be the
            // answer: at least -M, at most -m), and so is the size just past the inode edge, whose
            // block below is known not to fit
            // (once: a guess that was not the answer makes the next one less sure, and each miss
            // costs a whole write)
            boolean write = (below != null || mid == edge) && writer != null && !writer.tried
                    && mid * bs >= roundup(Math.max(0, opts.minSize()), bs)
                    && (opts.maxSize() <= 0 || mid * bs <= opts.maxSize());
            long sl = write ? writer.write(mid * bs) : slack(index, opts, mid * bs);
            if (sl >= 0) {
                if (sl < slack && hi - mid > 0) {
                    slope = Math.max(1.0, Math.min(2.0, (double) (slack - sl) / ((hi - mid) * bs)));
                }
                hi = mid;
                slack = sl;
            } else {
                lo = mid;
                if (guess && sl == TOO_FEW_INODES && edge < 0) {
                    // the spare space led below where the groups hold enough inodes: find that
                    // edge as above; the next probe (gallop 1) is the size just past it
                    edge = inodeEdge(index, opts, lo, hi, bs);
                    lo = edge - 1;
                }
                guess = false;
            }
            if (below != null) {
                long sl1 = await(below);
                if (sl1 >= 0 && mid - 1 > lo) {
                    hi = mid - 1;
                    slack = sl1;
                } else if (sl1 < 0) {
                    lo = Math.max(lo, mid - 1);
                }
            }
        }
        long size = hi * bs;
        if (opts.minSize() > 0) {
            size = Math.max(size, roundup(opts.minSize(), bs));
        }
        if (opts.maxSize() > 0 && size > opts.maxSize()) {
            throw new ImageFullException(String.format("%s: the tree needs an image of %d bytes, more than the maximum of %d",
                    imageName, size, opts.maxSize()));
        }
        return size;
    }

    /**
     * The smallest size in blocks above {@code lo} (too small) and at most {@code hi} (which
     * fits) whose groups hold the tree's inodes, by bisection with {@link #enoughInodes}.
     */
    private static long inodeEdge(TreeIndex index, MakefsOptions opts, long lo, long hi, long bs) throws IOException {
        while (hi - lo > 1) {
            long m = (lo + hi) >>> 1;
            if (enoughInodes(index, opts, m * bs)) {
                hi = m;
            } else {
                lo = m;
            }
        }
        Timing.mark("inode edge: " + hi * bs);
        return hi;
    }

    /** The result of a trial run on another thread, its failure rethrown as it was. */
    private static long await(java.util.concurrent.FutureTask<Long> trial) throws IOException {
        try {
            return trial.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for a size trial");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }


    private Result run() throws IOException {
        int readers = readers();
        if (!dryRun && !geometryOnly && !opts.sparse() && readers > 0) {
            // readers started before the size search, if this is the first write, or new ones:
            // they list the files and set their ring up while this thread lays out the groups
            // (both only read the index)
            prefetch = early == null ? null : early.take();
            if (prefetch == null) {
                prefetch = new Prefetcher(new WriteOrder(index), readers, Prefetcher.RING);
            }
        }
        try {
            return layOutAndWrite();
        } finally {
            if (prefetch != null) {
                prefetch.close();
                prefetch = null;
            }
        }
    }

    private Result layOutAndWrite() throws IOException {
        inos = new long[index.size()];
        marks = new byte[index.size()];
        validate();
        log.accept("Calculated size of `" + imageName + "': " + size + " bytes, " + inodes + " inodes");
        List<Long> backups = mkfs();
        if (fs.csNifree + FsState.ROOTINO < inodes) {
            // (messages by concatenation, not String.format: size trials throw these, and the
            // first String.format of a run costs several ms of class loading and interpretation)
            throw new ImageFullException(imageName + ": image has " + (fs.csNifree + FsState.ROOTINO)
                    + " free inodes; " + inodes + " are required");
        }
        // makefs' check above lets the inode numbers (the root's, 2, then one per node) run one
        // past the last one the groups hold when inodes equals their count exactly (makefs then
        // works past its tables); the last number must exist
        long lastIno = FsState.ROOTINO + index.size() - 1;
        if (lastIno >= (long) fs.ipg * fs.ncg) {
            throw new ImageFullException(imageName + ": image has " + (long) fs.ipg * fs.ncg + " inodes (numbers 0 to "
                    + ((long) fs.ipg * fs.ncg - 1) + "); the tree needs number " + lastIno);
        }
        if (geometryOnly) {
            return null;
        }
        laidOut = true;
        out.expectInodes(index.size());
        curinode = FsState.ROOTINO;
        log.accept("Populating `" + imageName + "'");
        populateDir(0, -1, EntryPath.ROOT);
        if (prefetch != null) {
            prefetch.close();
            prefetch = null;
        }
        if (!opts.compat()) {
            checkFreeSpace();
        }
        fs.fmod = 0;
        fs.oldCstotal[0] = (int) fs.csNdir;
        fs.oldCstotal[1] = (int) fs.csNbfree;
        fs.oldCstotal[2] = (int) fs.csNifree;
        fs.oldCstotal[3] = (int) fs.csNffree;
        writeSuperblock();
        log.accept("Image `" + imageName + "' complete");
        return new Result(size, inodes, fs.ncg, fs.fpg, fs.ipg, fs.bsize, fs.fsize,
                fs.size << fs.fsbtodb, backups);
    }

    /** Default mode: the free space left must honour -b and -f. */
    private void checkFreeSpace() throws ImageFullException {
        long freeFrags = fs.csNbfree * fs.frag + fs.csNffree;
        long usedFrags = fs.dsize - freeFrags;
        // minfree is recorded in the superblock but reserves nothing here: makefs' images never
        // keep it free either (its estimate scales by minfree, then indirect blocks and cg maps
        // eat the slack), and sizing must not exceed makefs' working images
        long needFrags = howmany(opts.freeBlocks() + usedFrags * fs.fsize * opts.freeBlockPercent() / 100, fs.fsize);
        if (freeFrags < needFrags) {
            throw new ImageFullException(imageName + ": image full: " + freeFrags + " free fragments of " + fs.fsize
                    + " bytes, -b needs " + needFrags);
        }
        // what a smaller image could give back: a smaller image loses whole blocks at its end,
        // so at most the whole free blocks (the free fragments lie scattered in partly used
        // blocks all over the cgs), and no more than -b leaves free, which the free fragments
        // count towards as above
        slackBytes = Math.max(0, Math.min(fs.csNbfree * fs.frag, freeFrags - needFrags)) * fs.fsize;
        long usedInodes = curinode - FsState.ROOTINO;
        long needInodes = opts.freeFiles() + usedInodes * opts.freeFilePercent() / 100;
        if (fs.csNifree < needInodes) {
            throw new ImageFullException(imageName + ": image full: " + fs.csNifree + " free inodes, -f needs "
                    + needInodes);
        }
    }

    // ---- ffs_validate ------------------------------------------------------------------------

    private void validate() throws IOException {
        sectorsize = opts.sectorSize() == MakefsOptions.DEFAULT ? 512 : opts.sectorSize();
        fsize = opts.fsize() == MakefsOptions.DEFAULT ? Math.max(1024, sectorsize) : opts.fsize();
        bsize = opts.bsize() == MakefsOptions.DEFAULT ? Math.min(8192, 8 * fsize) : opts.bsize();
        minfree = opts.minfree() == MakefsOptions.DEFAULT ? 5 : opts.minfree();
        optimization = opts.optimizeSpace() ? 1 : 0;
        maxcontig = Math.max(1, Math.min(MAXPHYS, FFS_MAXBSIZE) / bsize);
        maxbpg = opts.maxbpg() == MakefsOptions.DEFAULT ? bsize / 4 : opts.maxbpg();
        avgfilesize = opts.avgfilesize() == MakefsOptions.DEFAULT ? 16384 : opts.avgfilesize();
        avgfpdir = opts.avgfpdir() == MakefsOptions.DEFAULT ? 64 : opts.avgfpdir();

        // ffs_size_dir: the data of every node and directory, and an inode for each node but the root
        size = index.estimate(fsize);
        inodes = index.size() - 1;
        inodes += FsState.ROOTINO;
        size += opts.freeBlocks();
        inodes += opts.freeFiles();
        if (opts.freeFilePercent() > 0) {
            inodes = inodes * (100 + opts.freeFilePercent()) / 100;
        }
        if (opts.freeBlockPercent() > 0) {
            size = size * (100 + opts.freeBlockPercent()) / 100;
        }
        size += FsState.SBLOCK_UFS1 + FsState.SBLOCKSIZE;
        size += FsState.DINODE1_SIZE * roundup(inodes, bsize / FsState.DINODE1_SIZE);
        if (minfree > 0) {
            size = size * (100 + minfree) / 100;
        }
        if (forcedSize > 0) {
            size = forcedSize;
        } else {
            if (size < opts.minSize()) {
                size = opts.minSize();
            }
            size = roundup(size, bsize);
        }
        // makefs aims the inode count at `inodes`, but the numbers run from 0 to the last node's,
        // one more than that: when the groups' count lands on it exactly (two groups of 64 for 126
        // entries, say) makefs fails at every such size. Default mode aims one higher.
        long slots = opts.compat() ? inodes : inodes + 1;
        density = opts.density() == MakefsOptions.DEFAULT ? (int) (size / slots + 1) : opts.density();
        if (forcedSize < 0 && opts.maxSize() > 0 && size > opts.maxSize()) {
            throw new ImageFullException(String.format("%s: size of %d is larger than the maxsize of %d",
                    imageName, size, opts.maxSize()));
        }
    }

    static long roundup(long n, long m) {
        return (n + m - 1) / m * m;
    }

    private static long howmany(long n, long m) {
        return (n + m - 1) / m;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- ffs_mkfs ----------------------------------------------------------------------------

    private long cgsizeOf(int ipg, int fpg) {
        long s = 176 + 4 + fs.oldCpg * 4L + fs.oldCpg * 2L + howmany(ipg, 8) + howmany(fpg, 8);
        if (fs.contigsumsize > 0) {
            s += fs.contigsumsize * 4L + howmany(fpg >> fs.fragshift, 8);
        }
        return s;
    }

    private long cgsize() {
        return cgsizeOf(fs.ipg, fs.fpg);
    }

    private List<Long> mkfs() throws IOException {
        fs = new FsState();
        long fssize = size / sectorsize;
        fs.oldInodefmt = 2;
        fs.maxsymlinklen = FsState.MAXSYMLINKLEN_UFS1;
        fs.oldFlags = (byte) 0x80;
        if (fssize <= 0) {
            throw new ImageFullException(imageName + ": preposterous size " + fssize);
        }
        if (!dryRun) {
            // the file system starts at -O; bytes before it (copied by the caller) stay
            ch.truncate(opts.offset());
            ch.write(ByteBuffer.allocate(1), opts.offset() + size - 1);
        }
        writePartialSuperblock(probeOffset());
        fs.avgfilesize = avgfilesize;
        fs.avgfpdir = avgfpdir;
        fs.bsize = bsize;
        fs.fsize = fsize;
        if (Integer.bitCount(bsize) != 1) {
            throw new IllegalArgumentException("block size must be a power of 2, not " + bsize);
        }
        if (Integer.bitCount(fsize) != 1) {
            throw new IllegalArgumentException("fragment size must be a power of 2, not " + fsize);
        }
        if (fsize < sectorsize) {
            throw new IllegalArgumentException("fragment size " + fsize + " is too small, minimum is " + sectorsize);
        }
        if (bsize < 4096) {
            throw new IllegalArgumentException("block size " + bsize + " is too small, minimum is 4096");
        }
        if (bsize > FFS_MAXBSIZE) {
            throw new IllegalArgumentException("block size " + bsize + " is too large, maximum is " + FFS_MAXBSIZE);
        }
        if (bsize < fsize) {
            throw new IllegalArgumentException("block size (" + bsize + ") cannot be smaller than fragment size (" + fsize + ")");
        }
        int maxbsize = opts.extent();
        if (maxbsize < bsize || Integer.bitCount(maxbsize) != 1) {
            fs.maxbsize = bsize;
            log.accept("Extent size set to " + fs.maxbsize);
        } else {
            fs.maxbsize = maxbsize;
        }
        fs.maxcontig = maxcontig;
        if (fs.maxcontig < fs.maxbsize / fs.bsize) {
            fs.maxcontig = fs.maxbsize / fs.bsize;
            log.accept("Maxcontig raised to " + fs.maxbsize);
        }
        if (fs.maxcontig > 1) {
            fs.contigsumsize = Math.min(fs.maxcontig, FsState.FS_MAXCONTIG);
        }
        fs.bmask = ~(bsize - 1);
        fs.fmask = ~(fsize - 1);
        fs.qbmask = ~(long) fs.bmask;
        fs.qfmask = ~(long) fs.fmask;
        fs.bshift = Integer.numberOfTrailingZeros(bsize);
        fs.fshift = Integer.numberOfTrailingZeros(fsize);
        fs.frag = bsize >> fs.fshift;
        fs.fragshift = Integer.numberOfTrailingZeros(fs.frag);
        if (fs.frag > FsState.MAXFRAG) {
            throw new IllegalArgumentException("fragment size " + fsize + " is too small, minimum with block size "
                    + bsize + " is " + bsize / FsState.MAXFRAG);
        }
        fs.fsbtodb = Integer.numberOfTrailingZeros(fsize / sectorsize);
        fssize = fssize >> fs.fsbtodb;
        fs.size = fssize;
        fs.magic = FsState.FS_UFS1_MAGIC;
        fs.sblockloc = FsState.SBLOCK_UFS1;
        fs.nindir = bsize / 4;
        fs.inopb = bsize / FsState.DINODE1_SIZE;
        fs.oldSize = (int) fs.size;
        fs.oldNspf = fsize / sectorsize;
        fs.sblkno = (int) roundup(howmany(FsState.SBLOCK_UFS1 + FsState.SBLOCKSIZE, fsize), fs.frag);
        fs.cblkno = (int) (fs.sblkno + roundup(howmany(FsState.SBLOCKSIZE, fsize), fs.frag));
        fs.iblkno = fs.cblkno + fs.frag;
        fs.maxfilesize = (long) bsize * FsState.NDADDR - 1;
        long sizepb = bsize;
        for (int i = 0; i < FsState.NIADDR; i++) {
            sizepb *= fs.nindir;
            fs.maxfilesize += sizepb;
        }
        int origdensity = density;
        int fragsperinode;
        for (;;) {
            fragsperinode = (int) Math.max(fs.numfrags(density), 1);
            long minfpg = (long) fragsperinode * fs.inopb;
            if (minfpg > fs.size) {
                minfpg = fs.size;
            }
            fs.ipg = fs.inopb;
            fs.fpg = (int) roundup(fs.iblkno + fs.ipg / fs.inopf(), fs.frag);
            if (fs.fpg < minfpg) {
                fs.fpg = (int) minfpg;
            }
            fs.ipg = (int) roundup(howmany(fs.fpg, fragsperinode), fs.inopb);
            fs.fpg = (int) roundup(fs.iblkno + fs.ipg / fs.inopf(), fs.frag);
            if (fs.fpg < minfpg) {
                fs.fpg = (int) minfpg;
            }
            fs.ipg = (int) roundup(howmany(fs.fpg, fragsperinode), fs.inopb);
            if (cgsize() < fs.bsize) {
                break;
            }
            density -= fs.fsize;
        }
        if (density != origdensity) {
            log.accept("density reduced from " + origdensity + " to " + density);
        }
        long maxblkspercg = opts.maxbpcg();
        if (maxblkspercg <= 0 || maxblkspercg >= fssize) {
            maxblkspercg = fssize - 1;
        }
        for (; fs.fpg < maxblkspercg; fs.fpg += fs.frag) {
            fs.ipg = (int) roundup(howmany(fs.fpg, fragsperinode), fs.inopb);
            if (fs.size / fs.fpg < 1) {
                break;
            }
            if (cgsize() < fs.bsize) {
                continue;
            }
            if (cgsize() == fs.bsize) {
                break;
            }
            fs.fpg -= fs.frag;
            fs.ipg = (int) roundup(howmany(fs.fpg, fragsperinode), fs.inopb);
            break;
        }
        int optimalfpg = fs.fpg;
        for (;;) {
            fs.ncg = (int) howmany(fs.size, fs.fpg);
            long lastminfpg = roundup(fs.iblkno + fs.ipg / fs.inopf(), fs.frag);
            if (fs.size < lastminfpg) {
                throw new ImageFullException(imageName + ": file system size " + fs.size + " < minimum size of "
                        + lastminfpg);
            }
            if (fs.size % fs.fpg >= lastminfpg || fs.size % fs.fpg == 0) {
                break;
            }
            fs.fpg -= fs.frag;
            fs.ipg = (int) roundup(howmany(fs.fpg, fragsperinode), fs.inopb);
        }
        if (optimalfpg != fs.fpg) {
            log.accept("Reduced frags per cylinder group from " + optimalfpg + " to " + fs.fpg
                    + " to enlarge last cyl group");
        }
        fs.cgsize = (int) fs.fragroundup(cgsize());
        fs.dblkno = fs.iblkno + fs.ipg / fs.inopf();
        fs.oldSpc = fs.fpg * fs.oldNspf;
        fs.oldNsect = fs.oldSpc;
        fs.oldNpsect = fs.oldSpc;
        fs.oldNcyl = fs.ncg;
        fs.csaddr = fs.cgdmin(0);
        fs.cssize = (int) fs.fragroundup(fs.ncg * 16L);
        fs.cs = new int[fs.ncg][4];
        fs.sbsize = (int) Math.min(fs.fragroundup(FsState.SIZEOF_FS), FsState.SBLOCKSIZE);
        fs.minfree = minfree;
        fs.maxcontig = maxcontig;
        fs.maxbpg = maxbpg;
        fs.optim = optimization;
        fs.clean = 1;
        fs.id0 = (int) startTime;
        fs.id1 = random.next();
        byte[] label = utf8(opts.label());
        System.arraycopy(label, 0, fs.volname, 0, label.length);
        long csfrags = howmany(fs.cssize, fs.fsize);
        fs.dsize = fs.size - fs.sblkno - (long) fs.ncg * (fs.dblkno - fs.sblkno);
        fs.csNbfree = (fs.dsize >> fs.fragshift) - howmany(csfrags, fs.frag);
        long fragnumSize = fs.size & (fs.frag - 1);
        long fragnumCs = csfrags & (fs.frag - 1);
        fs.csNffree = fragnumSize + (fragnumCs > 0 ? fs.frag - fragnumCs : 0);
        fs.csNifree = (long) fs.ncg * fs.ipg - FsState.ROOTINO;
        fs.csNdir = 0;
        fs.dsize -= csfrags;
        fs.time = startTime;
        fs.oldTime = (int) startTime;
        fs.oldDsize = (int) fs.dsize;
        fs.oldCsaddr = (int) fs.csaddr;
        // makefs sets FS_SWAPPED in core only; ffs_write_superblock masks it (FS_INTERNAL)
        // the summary lines without java.util.Formatter, whose first use loads locale data (18 ms)
        log.accept(imageName + ": " + fixed((float) (fs.size * fs.fsize / (1024.0 * 1024.0)), 1) + "MB ("
                + (fs.size << fs.fsbtodb) + " sectors) block size " + fs.bsize + ", fragment size " + fs.fsize);
        log.accept("\tusing " + fs.ncg + " cylinder groups of "
                + fixed((float) (fs.fpg * (double) fs.fsize / (1024.0 * 1024.0)), 2) + "MB, " + fs.fpg / fs.frag
                + " blks, " + fs.ipg + " inodes.");
        cgs = new CylinderGroup[fs.ncg];
        List<Long> backups = new ArrayList<>();
        byte[] stale = null;
        for (int c = 0; c < fs.ncg; c++) {
            stale = initcg(c, stale);
            backups.add(fs.cgsblock(c) << fs.fsbtodb);
        }
        allocator = new BlockAllocator(fs, cgs);
        int width = Long.toString(backups.get(backups.size() - 1)).length();
        int cols = 76 / (width + 2);
        log.accept("super-block backups (for fsck -b #) at:");
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < backups.size(); c++) {
            if (c % cols == 0 && c > 0) {
                log.accept(line.toString());
                line.setLength(0);
            }
            String n = Long.toString(backups.get(c));
            line.append(" ".repeat(1 + width - n.length())).append(n).append(',');
        }
        log.accept(line.toString());
        return backups;
    }

    /**
     * {@code value} with {@code decimals} digits after the point, as {@code String.format(Locale.ROOT,
     * "%.Nf", value)} gives it: the shortest decimal that is the double, rounded half up.
     */
    static String fixed(double value, int decimals) {
        return new java.math.BigDecimal(Double.toString(value)).setScale(decimals, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    /**
     * Where makefs' writability probe goes: the image's last whole sector. Nothing else zeroes
     * those bytes unless something covers them later, which the writes near it must mind.
     */
    private long probeOffset() {
        return (size / sectorsize - 1) * sectorsize;
    }

    /** makefs writes part of a zeroed struct fs to the last sector to check it is writable. */
    private void writePartialSuperblock(long offset) throws IOException {
        byte[] sb = new byte[Math.max(sectorsize, FsState.SBLOCKSIZE)];
        ByteBuffer b = ByteBuffer.wrap(sb).order(ByteOrder.nativeOrder());
        b.put(SuperblockLayout.FS_OLD_FLAGS, (byte) 0x80);
        b.putInt(SuperblockLayout.FS_MAXSYMLINKLEN, FsState.MAXSYMLINKLEN_UFS1);
        b.putInt(SuperblockLayout.FS_OLD_INODEFMT, FfsConstants.FS_44INODEFMT);
        // straight out: buffered, it would hold the output window at the image's end
        out.writeThrough(offset, sb, 0, sectorsize);
    }

    private byte[] initcg(int cylno, byte[] stale) throws IOException {
        long cbase = fs.cgbase(cylno);
        long dmax = cbase + fs.fpg;
        if (dmax > fs.size) {
            dmax = fs.size;
        }
        int dlower = (int) (fs.cgsblock(cylno) - cbase);
        int dupper = (int) (fs.cgdmin(cylno) - cbase);
        if (cylno == 0) {
            dupper += (int) howmany(fs.cssize, fs.fsize);
        }
        CylinderGroup cg = new CylinderGroup(fs.cgsize, order, cylno);
        cgs[cylno] = cg;
        cg.putInt(CylinderGroup.MAGIC, CylinderGroup.CG_MAGIC);
        cg.putInt(CylinderGroup.CGX, cylno);
        int ndblk = (int) (dmax - cbase);
        cg.putInt(CylinderGroup.NDBLK, ndblk);
        if (fs.contigsumsize > 0) {
            cg.nclusterblks = ndblk >> fs.fragshift;
            cg.putInt(CylinderGroup.NCLUSTERBLKS, cg.nclusterblks);
        }
        int start = CylinderGroup.SPACE;
        int oldNcyl = cylno == fs.ncg - 1 ? (int) howmany(ndblk, fs.fpg / fs.oldCpg) : fs.oldCpg;
        cg.buf.putShort(CylinderGroup.OLD_NCYL, (short) oldNcyl);
        cg.putInt(CylinderGroup.OLD_TIME, (int) startTime);
        cg.buf.putShort(CylinderGroup.OLD_NIBLK, (short) fs.ipg);
        int btotoff = start;
        int boff = btotoff + fs.oldCpg * 4;
        cg.iusedoff = boff + fs.oldCpg * 2;
        cg.putInt(CylinderGroup.OLD_BTOTOFF, btotoff);
        cg.putInt(CylinderGroup.OLD_BOFF, boff);
        cg.putInt(CylinderGroup.IUSEDOFF, cg.iusedoff);
        cg.freeoff = cg.iusedoff + (int) howmany(fs.ipg, 8);
        cg.putInt(CylinderGroup.FREEOFF, cg.freeoff);
        int nextfreeoff;
        if (fs.contigsumsize <= 0) {
            nextfreeoff = cg.freeoff + (int) howmany(fs.fpg, 8);
        } else {
            cg.clustersumoff = cg.freeoff + (int) howmany(fs.fpg, 8) - 4;
            cg.clustersumoff = (int) roundup(cg.clustersumoff, 4);
            cg.clusteroff = cg.clustersumoff + (fs.contigsumsize + 1) * 4;
            nextfreeoff = cg.clusteroff + (int) howmany(fs.fpg >> fs.fragshift, 8);
            cg.putInt(CylinderGroup.CLUSTERSUMOFF, cg.clustersumoff);
            cg.putInt(CylinderGroup.CLUSTEROFF, cg.clusteroff);
        }
        cg.putInt(CylinderGroup.NEXTFREEOFF, nextfreeoff);
        if (nextfreeoff > fs.cgsize) {
            throw new IllegalStateException("cylinder group too big");
        }
        int nifree = fs.ipg;
        int nbfree = 0;
        int nffree = 0;
        if (cylno == 0) {
            for (int k = 0; k < FsState.ROOTINO; k++) {
                cg.setInodeUsed(k);
                nifree--;
            }
        }
        if (cylno > 0) {
            for (int d = 0, blkno = 0; d < dlower; d += fs.frag, blkno++) {
                cg.setBlock(fs.fragshift, blkno);
                if (fs.contigsumsize > 0) {
                    cg.setClusterBit(blkno);
                }
                nbfree++;
            }
        }
        int i = dupper & (fs.frag - 1);
        if (i != 0) {
            cg.addFrsum(fs.frag - i, 1);
            for (int d = dupper + fs.frag - i; dupper < d; dupper++) {
                cg.setFreeBit(dupper);
                nffree++;
            }
        }
        int d = dupper;
        for (int blkno = dupper >> fs.fragshift; d + fs.frag <= ndblk; d += fs.frag, blkno++) {
            cg.setBlock(fs.fragshift, blkno);
            if (fs.contigsumsize > 0) {
                cg.setClusterBit(blkno);
            }
            nbfree++;
        }
        if (d < ndblk) {
            cg.addFrsum(ndblk - d, 1);
            for (; d < ndblk; d++) {
                cg.setFreeBit(d);
                nffree++;
            }
        }
        if (fs.contigsumsize > 0) {
            int run = 0;
            for (int k = 0; k < cg.nclusterblks; k++) {
                if ((cg.clusterByte(k >> 3) & (1 << (k & 7))) != 0) {
                    run++;
                } else if (run != 0) {
                    cg.addClusterSum(Math.min(run, fs.contigsumsize), 1);
                    run = 0;
                }
            }
            if (run != 0) {
                cg.addClusterSum(Math.min(run, fs.contigsumsize), 1);
            }
        }
        cg.putInt(CylinderGroup.CS_NBFREE, nbfree);
        cg.putInt(CylinderGroup.CS_NIFREE, nifree);
        cg.putInt(CylinderGroup.CS_NFFREE, nffree);
        fs.cs[cylno][1] = nbfree;
        fs.cs[cylno][2] = nifree;
        fs.cs[cylno][3] = nffree;
        // makefs writes superblock copy, cg and two inode blocks from one buffer whose first inode
        // block still holds the di_gen values of the previous group's last inode block
        long inodeBase = fs.cgimin(cylno) * fs.fsize;
        // that buffer covers its whole extent, zeros where nothing else goes: where the
        // writability probe (the image's last sector, written before) lies in it, those bytes are
        // zero in makefs' image; the copy, cg and inode blocks written later cover the rest
        long ioStart = fs.cgsblock(cylno) * fs.fsize;
        long ioEnd = ioStart + (fs.bsize < FsState.SBLOCKSIZE ? FsState.SBLOCKSIZE + 3L * fs.bsize : 4L * fs.bsize);
        long from = Math.max(probeOffset(), ioStart);
        long to = Math.min(probeOffset() + sectorsize, ioEnd);
        if (!dryRun && from < to) {
            write(from, new byte[(int) (to - from)], 0, (int) (to - from));
        }
        if (stale != null) {
            write(inodeBase, stale, 0, stale.length);
        }
        byte[] block = stale;
        // a dry run only needs the layout, which the di_gen values do not change
        for (int f = 2 * fs.frag; !dryRun && f < fs.ipg / fs.inopf(); f += fs.frag) {
            if (block == null) {
                block = new byte[fs.bsize];
            }
            ByteBuffer gb = ByteBuffer.wrap(block).order(ByteOrder.nativeOrder());
            for (int j = 0; j < fs.inopb; j++) {
                gb.putInt(j * FsState.DINODE1_SIZE + 108, random.next());
            }
            write((fs.cgimin(cylno) + f) * fs.fsize, block, 0, fs.bsize);
        }
        return block;
    }

    // ---- ffs_populate_dir --------------------------------------------------------------------

    private static final byte[] DOT = {'.'};
    private static final byte[] DOTDOT = {'.', '.'};

    /**
     * The files {@link #populateDir} will copy through {@link Prefetcher}, in its order: each
     * directory's non-directories (a hard-linked file at its first name), then its directories.
     */
    private static List<FileContent> smallFilesInWriteOrder(TreeIndex index) {
        List<FileContent> out = new ArrayList<>();
        boolean[] seen = new boolean[index.size()];
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        todo.push(0);
        while (!todo.isEmpty()) {
            int dir = todo.pop();
            int[] kids = index.entries[dir];
            for (int id : kids) {
                if (seen[id] || index.isDirectory(id)) {
                    continue;
                }
                seen[id] = true;
                ImageNode node = index.nodes[id];
                if (node.type() == EntryType.FILE && Prefetcher.eligible(index.contents[id])) {
                    out.add(index.contents[id]);
                }
            }
            // populateDir recurses into the directories in entry order: push them in reverse
            for (int k = kids.length - 1; k >= 0; k--) {
                if (index.isDirectory(kids[k])) {
                    todo.push(kids[k]);
                }
            }
        }
        return out;
    }

    /** The directory buffer {@link #populateDir} fills, one directory at a time. */
    private DirectoryBuffer dirbuf;

    private void populateDir(int dir, int parent, EntryPath path) throws IOException {
        if (parent < 0) {
            inos[dir] = curinode++;
            marks[dir] |= ALLOCATED;
        }
        if (dirbuf == null) {
            dirbuf = new DirectoryBuffer(order);
        }
        dirbuf.reset();
        dirbuf.add(DOT, inos[dir], dtype(EntryType.DIRECTORY));
        dirbuf.add(DOTDOT, parent < 0 ? inos[dir] : inos[parent], dtype(EntryType.DIRECTORY));
        int[] kids = index.entries[dir];
        byte[][] nb = index.nameBytes[dir];
        for (int k = 0; k < kids.length; k++) {
            int id = kids[k];
            if ((marks[id] & ALLOCATED) == 0) {
                marks[id] |= ALLOCATED;
                inos[id] = curinode++;
            }
            dirbuf.add(nb[k], inos[id], dtype(index.nodes[id].type()));
        }
        // pass 2: the directory itself, then the non-directories
        // (the buffer is written out here: the entries and subdirectories below reuse it)
        writeDinode(dir, path, dirbuf);
        String[] names = index.names[dir];
        for (int k = 0; k < kids.length; k++) {
            int id = kids[k];
            if ((marks[id] & WRITTEN) != 0) {
                continue;
            }
            marks[id] |= WRITTEN;
            if (index.isDirectory(id)) {
                continue;
            }
            writeDinode(id, new EntryPath(path, names[k]), null);
        }
        for (int k = 0; k < kids.length; k++) {
            int id = kids[k];
            if (index.isDirectory(id)) {
                populateDir(id, dir, new EntryPath(path, names[k]));
            }
        }
    }

    private static int dtype(EntryType t) {
        return t.ifmt() >> 12;
    }

    /**
     * The in-core dinode of the node being written, one for the whole build: cleared for each
     * node, nothing keeps it past its node (a new one per node was 16 MB of garbage a run on
     * the 20,000-file tree, most of it the block pointer arrays).
     */
    private final Dinode dinode = new Dinode();

    /** The in-core dinode while a file is written ({@code struct inode} of makefs). */
    private static final class Dinode {
        int mode;
        int nlink;
        long size;
        int atime;
        int atimensec;
        int mtime;
        int mtimensec;
        int ctime;
        int ctimensec;
        final int[] db = new int[FsState.NDADDR];
        final int[] ib = new int[FsState.NIADDR];
        byte[] shortLink;
        int rdev;
        boolean hasRdev;
        int flags;
        int blocks;
        long uid;
        long gid;

        /** Back to a new dinode's state. */
        void clear() {
            mode = 0;
            nlink = 0;
            size = 0;
            atime = 0;
            atimensec = 0;
            mtime = 0;
            mtimensec = 0;
            ctime = 0;
            ctimensec = 0;
            java.util.Arrays.fill(db, 0);
            java.util.Arrays.fill(ib, 0);
            shortLink = null;
            rdev = 0;
            hasRdev = false;
            flags = 0;
            blocks = 0;
            uid = 0;
            gid = 0;
        }
    }

    /** An entry's path in the image, for messages: joined only when one is made. */
    /**
     * A node's path in the image, for messages: its directory's path and its name, joined only
     * when a message needs it (every size trial lays out every node; joining each directory's
     * path up front cost a tree of 20,000 directories 20,000 strings a trial).
     */
    private record EntryPath(EntryPath dir, String name) {
        static final EntryPath ROOT = new EntryPath(null, "");

        @Override
        public String toString() {
            if (dir == null) {
                return "/";
            }
            StringBuilder b = new StringBuilder();
            append(b);
            return b.toString();
        }

        private void append(StringBuilder b) {
            if (dir != null) {
                dir.append(b);
                b.append('/').append(name);
            }
        }
    }

    private void writeDinode(int id, EntryPath path, DirectoryBuffer dirbuf) throws IOException {
        long ino = inos[id];
        ImageNode node = index.nodes[id];
        Metadata m = node.metadata();
        Dinode din = dinode;
        din.clear();
        din.mode = node.type().ifmt() | m.permissions();
        din.nlink = index.linkCounts[id];
        if (!dryRun) {
            // a layout trial never encodes the inode: only the mode, size and blocks count
            setTimes(din, m);
            din.flags = m.flags();
            din.uid = m.uid();
            din.gid = m.gid();
        }
        switch (node.type()) {
            case DIRECTORY -> {
                din.size = dirbuf.size();
                writeFile(din, ino, dryRun ? NO_DATA : new BytesSource(dirbuf.bytes(), dirbuf.size()), path);
            }
            case FILE -> {
                FileContent c = index.contents[id];
                din.size = c.size();
                writeFile(din, ino, dryRun ? NO_DATA : new StreamSource(c, prefetch), path);
            }
            case SYMLINK -> {
                byte[] target = index.linkTargets[id];
                din.size = target.length;
                if (target.length < FsState.MAXSYMLINKLEN_UFS1) {
                    din.shortLink = target;
                    writeInode(din, ino);
                } else {
                    writeFile(din, ino, dryRun ? NO_DATA : new BytesSource(target, target.length), path);
                }
            }
            case CHAR_DEVICE, BLOCK_DEVICE -> {
                din.size = 0;
                din.hasRdev = true;
                din.rdev = node.device().orElseThrow().encode();
                writeInode(din, ino);
            }
            default -> writeInode(din, ino);
        }
    }

    private void setTimes(Dinode din, Metadata m) {
        Instant a = m.atime();
        Instant mt = m.mtime();
        Instant c = m.ctime();
        din.atime = (int) a.getEpochSecond();
        din.atimensec = a.getNano();
        din.mtime = (int) mt.getEpochSecond();
        din.mtimensec = mt.getNano();
        din.ctime = (int) c.getEpochSecond();
        din.ctimensec = c.getNano();
        if (opts.timestamp().isPresent()) {
            long t = opts.timestamp().getAsLong();
            if (!opts.clampTime()) {
                din.atime = din.mtime = din.ctime = (int) t;
                din.atimensec = din.mtimensec = din.ctimensec = 0;
            } else {
                if (a.getEpochSecond() >= t) {
                    din.atime = (int) t;
                    din.atimensec = 0;
                }
                if (mt.getEpochSecond() >= t) {
                    din.mtime = (int) t;
                    din.mtimensec = 0;
                }
                if (c.getEpochSecond() >= t) {
                    din.ctime = (int) t;
                    din.ctimensec = 0;
                }
            }
        }
    }

    /** A source of file bytes read a chunk at a time. */
    private interface Source extends AutoCloseable {
        /** Fills {@code buf[0..len)} completely or throws. */
        void read(byte[] buf, int len, long bytesLeft) throws IOException;

        /** Whether {@link #copyTo} works: the bytes come from a channel, not through a buffer. */
        default boolean canCopy() {
            return false;
        }

        /**
         * Copies {@code len} bytes to the image at {@code offset}, zero-padded to padTo; with
         * {@code zeroed}, the bytes from len to padTo are zero in the image already.
         */
        default void copyTo(ImageOutput out, long offset, int len, int padTo, long bytesLeft, boolean zeroed)
                throws IOException {
            throw new UnsupportedOperationException();
        }

        @Override
        void close() throws IOException;
    }

    /** A layout trial's source: it allocates blocks and reads nothing. */
    private static final Source NO_DATA = new Source() {
        @Override
        public void read(byte[] buf, int len, long left) {
            throw new AssertionError("a layout trial read file data");
        }

        @Override
        public void close() {
        }
    };

    private static final class BytesSource implements Source {
        private final byte[] bytes;
        private int pos;

        BytesSource(byte[] bytes, int len) {
            this.bytes = bytes;
        }

        @Override
        public void read(byte[] buf, int len, long left) {
            System.arraycopy(bytes, pos, buf, 0, len);
            pos += len;
        }

        @Override
        public void close() {
        }
    }

    /**
     * Runs this long or longer go from file to image by sendfile; shorter ones are read into the
     * output's gathering window, which writes many small files' data in one call (/usr/include,
     * mostly small headers: 7% faster than sendfile for every run; 4 x 100 MB: sendfile halves
     * the system time).
     */
    private static final int TRANSFER_MIN = 64 << 10;

    private static final class StreamSource implements Source {
        private final FileContent content;
        private final Prefetcher prefetch;
        /** The file's bytes, read ahead by {@link #prefetch}, once taken. */
        private ByteBuffer ahead;
        /** Where the file starts in {@link #ahead}. */
        private int aheadStart;
        private InputStream in;
        private java.nio.channels.ReadableByteChannel channel;

        @Override
        public boolean canCopy() {
            return in == null;
        }

        @Override
        public void copyTo(ImageOutput out, long offset, int len, int padTo, long left, boolean zeroed)
                throws IOException {
            if (prefetch != null && Prefetcher.eligible(content)) {
                if (ahead == null) {
                    ahead = prefetch.take(content);
                    aheadStart = ahead.position();
                }
                // the view is this file's until release: position it on the run
                int at = aheadStart + (int) (content.size() - left);
                ahead.limit(at + len).position(at);
                out.write(ahead, offset, padTo);
                return;
            }
            if (channel == null) {
                try {
                    channel = content.openChannel();
                } catch (IOException e) {
                    throw new IOException(content.origin() + ": cannot read: " + describe(e), e);
                }
            }
            long n;
            try {
                if (channel instanceof java.nio.channels.FileChannel fc) {
                    long at = content.size() - left;
                    if (zeroed && len >= TRANSFER_MIN) {
                        // a host file into an image region nothing else writes: copied inside the kernel
                        n = out.transfer(fc, at, offset, len);
                    } else {
                        n = out.writeFrom(fc, at, offset, len, padTo);
                    }
                } else {
                    n = out.writeFrom(channel, offset, len, padTo);
                }
            } catch (IOException e) {
                throw new IOException(content.origin() + ": read error, " + left + " bytes to go: " + describe(e), e);
            }
            if (n != len) {
                throw new IOException(content.origin() + ": file shrank: " + left + " bytes to go, read " + n
                        + " bytes, expected " + len);
            }
        }

        StreamSource(FileContent content, Prefetcher prefetch) {
            this.content = content;
            this.prefetch = prefetch;
        }

        @Override
        public void read(byte[] buf, int len, long left) throws IOException {
            if (in == null) {
                try {
                    in = content.open();
                } catch (IOException e) {
                    throw new IOException(content.origin() + ": cannot read: " + describe(e), e);
                }
            }
            int n;
            try {
                n = in.readNBytes(buf, 0, len);
            } catch (IOException e) {
                throw new IOException(content.origin() + ": read error, " + left + " bytes to go: " + describe(e), e);
            }
            if (n != len) {
                throw new IOException(content.origin() + ": file shrank: " + left + " bytes to go, read " + n
                        + " bytes, expected " + len);
            }
        }

        @Override
        public void close() throws IOException {
            if (ahead != null) {
                ahead = null;
                prefetch.release();
            }
            if (in != null) {
                in.close();
            }
            if (channel != null) {
                channel.close();
            }
        }
    }

    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        String msg = e.getMessage();
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    // ---- ffs_write_file and ffs_balloc -------------------------------------------------------

    private byte[] chunkBuf;

    private void writeFile(Dinode din, long ino, Source src, EntryPath path) throws IOException {
        try (src) {
            if (din.size == 0) {
                writeInode(din, ino);
                return;
            }
            if (chunkBuf == null) {
                chunkBuf = new byte[fs.bsize];
            }
            // indirect blocks only above NDADDR blocks: no map for the many small files
            Map<Long, Indirect> indirects = din.size > (long) FsState.NDADDR * fs.bsize ? new java.util.HashMap<>() : null;
            // blocks that land next to each other in the image are copied as one run: one read
            // from the source and one gathered write instead of one of each per block
            long runAt = -1;
            int runLen = 0;
            int runPad = 0;
            long runLeft = 0;
            long bufleft = din.size;
            while (bufleft > 0) {
                int chunk = (int) Math.min(bufleft, fs.bsize);
                long offset = din.size - bufleft;
                long where = balloc(din, ino, offset, chunk, indirects, path);
                int nsize = ballocSize;
                if (!opts.sparse() && !dryRun && src.canCopy()) {
                    long at = where * fs.fsize;
                    if (runAt >= 0 && (at != runAt + runPad || runPad + nsize > MAX_RUN)) {
                        src.copyTo(out, runAt, runLen, runPad, runLeft, zeroed(runAt + runLen, runAt + runPad));
                        runAt = -1;
                    }
                    if (runAt < 0) {
                        runAt = at;
                        runLen = 0;
                        runPad = 0;
                        runLeft = bufleft;
                    }
                    runLen += chunk;
                    runPad += nsize;
                } else if (opts.sparse() && !dryRun) {
                    // -Z: read the block to see whether it is all zero; leave a hole if so
                    src.read(chunkBuf, chunk, bufleft);
                    long at = where * fs.fsize;
                    long probe = probeOffset(); // makefs' writability probe left bytes there
                    if (!allZero(chunkBuf, chunk) || (probe >= at && probe < at + nsize)) {
                        java.util.Arrays.fill(chunkBuf, chunk, nsize, (byte) 0);
                        write(where * fs.fsize, chunkBuf, 0, nsize);
                    }
                } else if (!dryRun) {
                    src.read(chunkBuf, chunk, bufleft);
                    if (nsize > chunk) {
                        java.util.Arrays.fill(chunkBuf, chunk, nsize, (byte) 0);
                    }
                    write(where * fs.fsize, chunkBuf, 0, nsize);
                }
                bufleft -= chunk;
            }
            if (runAt >= 0) {
                src.copyTo(out, runAt, runLen, runPad, runLeft, zeroed(runAt + runLen, runAt + runPad));
            }
            if (indirects != null) {
                for (Indirect ind : indirects.values()) {
                    writeIndirect(ind);
                }
            }
            writeInode(din, ino);
        }
    }

    /**
     * Whether image bytes [from, to) are zero before any file data is written: everything the
     * run's padding covers is, except makefs' writability probe in the last sector.
     */
    private boolean zeroed(long from, long to) {
        return to <= probeOffset() || from >= probeOffset() + sectorsize;
    }

    private static boolean allZero(byte[] b, int len) {
        for (int i = 0; i < len; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** An indirect block being filled: its address and pointers. */
    private static final class Indirect {
        final long blkno;
        final int[] bap;

        Indirect(long blkno, int nindir) {
            this.blkno = blkno;
            this.bap = new int[nindir];
        }
    }

    private void writeIndirect(Indirect ind) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(fs.bsize).order(order);
        for (int i = 0; i < ind.bap.length; i++) {
            b.putInt(i * 4, ind.bap[i]);
        }
        write(ind.blkno * fs.fsize, b.array(), 0, fs.bsize);
    }

    private long allocOrFail(Dinode din, long ino, long pref, int nsize, EntryPath path, long offset) throws IOException {
        long bno;
        try {
            bno = allocator.alloc(ino, pref, nsize);
        } catch (IllegalStateException e) {
            bno = 0;
        }
        if (bno <= 0) {
            throw new ImageFullException(imageName + ": image full writing " + path + " (inode " + ino + "), bytes "
                    + offset + " + " + nsize);
        }
        din.blocks += nsize / 512;
        return bno;
    }

    /** The bytes to write at the address {@link #balloc} returned last. */
    private int ballocSize;

    /**
     * {@code ffs_balloc_ufs1} for makefs' block-at-a-time writes: the address (in fragments),
     * with the bytes to write there in {@link #ballocSize}.
     */
    private long balloc(Dinode din, long ino, long offset, int bufsize, Map<Long, Indirect> indirects,
                          EntryPath path) throws IOException {
        long lbn = offset >> fs.bshift;
        int size = (int) (offset & (fs.bsize - 1)) + bufsize;
        if (lbn < FsState.NDADDR) {
            int nsize;
            if (din.size < (lbn + 1) * fs.bsize) {
                nsize = (int) fs.fragroundup(size);
            } else {
                nsize = fs.bsize;
            }
            long pref = allocator.blkpref(ino, lbn, (int) lbn, din.db);
            long newb = allocOrFail(din, ino, pref, nsize, path, offset);
            din.db[(int) lbn] = (int) newb;
            ballocSize = nsize;
            return newb;
        }
        long[][] indirs = getlbns(lbn);
        int num = indirs.length - 1;
        long pref = 0;
        int nb = din.ib[(int) indirs[0][1]];
        if (nb == 0) {
            pref = allocator.blkpref(ino, lbn, 0, null);
            long newb = allocOrFail(din, ino, pref, fs.bsize, path, offset);
            nb = (int) newb;
            indirects.put(indirs[1][0], new Indirect(newb, fs.nindir));
            din.ib[(int) indirs[0][1]] = nb;
        }
        Indirect bp;
        int i = 1;
        for (;;) {
            bp = indirects.get(indirs[i][0]);
            nb = bp.bap[(int) indirs[i][1]];
            if (i == num) {
                break;
            }
            i++;
            if (nb != 0) {
                continue;
            }
            if (pref == 0) {
                pref = allocator.blkpref(ino, lbn, 0, null);
            }
            long newb = allocOrFail(din, ino, pref, fs.bsize, path, offset);
            nb = (int) newb;
            indirects.put(indirs[i][0], new Indirect(newb, fs.nindir));
            bp.bap[(int) indirs[i - 1][1]] = nb;
        }
        if (nb == 0) {
            pref = allocator.blkpref(ino, lbn, (int) indirs[num][1], bp.bap);
            long newb = allocOrFail(din, ino, pref, fs.bsize, path, offset);
            bp.bap[(int) indirs[num][1]] = (int) newb;
            ballocSize = fs.bsize;
            return newb;
        }
        throw new IllegalStateException("block " + lbn + " written twice");
    }

    /** {@code ufs_getlbns}: {logical block, offset} of each indirect level for data block bn. */
    private long[][] getlbns(long bn) {
        int lognindir = Integer.numberOfTrailingZeros(fs.nindir);
        long realbn = bn;
        bn -= FsState.NDADDR;
        int lbc = 0;
        int i;
        long blockcnt;
        for (i = FsState.NIADDR;; i--, bn -= blockcnt) {
            if (i == 0) {
                throw new IllegalArgumentException("file too large: block " + realbn);
            }
            lbc += lognindir;
            blockcnt = 1L << lbc;
            if (bn < blockcnt) {
                break;
            }
        }
        long metalbn = -(realbn - bn + FsState.NIADDR - i);
        List<long[]> ap = new ArrayList<>();
        ap.add(new long[] {metalbn, FsState.NIADDR - i});
        for (; i <= FsState.NIADDR; i++) {
            if (metalbn == realbn) {
                break;
            }
            lbc -= lognindir;
            long off = (bn >> lbc) & (fs.nindir - 1);
            ap.add(new long[] {metalbn, off});
            metalbn -= -1 + (off << lbc);
        }
        return ap.toArray(new long[0][]);
    }

    // ---- ffs_write_inode ---------------------------------------------------------------------

    /** Where {@link #writeInode} encodes an inode before handing it to the output. */
    private ByteBuffer inodeBuf;

    private void writeInode(Dinode din, long ino) throws IOException {
        int cg = fs.inoToCg(ino);
        int cgino = (int) (ino % fs.ipg);
        CylinderGroup cgp = cgs[cg];
        if (fs.csNifree == 0 || fs.cs[cg][2] == 0) {
            throw new ImageFullException(imageName + ": out of inodes for inode " + ino);
        }
        cgp.setInodeUsed(cgino);
        cgp.addInt(CylinderGroup.CS_NIFREE, -1);
        fs.csNifree--;
        fs.cs[cg][2]--;
        if ((din.mode & EntryType.IFMT) == EntryType.DIRECTORY.ifmt()) {
            cgp.addInt(CylinderGroup.CS_NDIR, 1);
            fs.csNdir++;
            fs.cs[cg][0]++;
        }
        if (dryRun) {
            // a layout trial: the counts above are all it needs
            return;
        }
        if (inodeBuf == null) {
            inodeBuf = ByteBuffer.allocate(FsState.DINODE1_SIZE).order(order);
        }
        ByteBuffer b = inodeBuf; // the output copies it
        java.util.Arrays.fill(b.array(), (byte) 0);
        // di_gen and di_modrev stay zero, as makefs leaves them
        b.putShort(Ufs1InodeLayout.DI_MODE, (short) din.mode);
        b.putShort(Ufs1InodeLayout.DI_NLINK, (short) din.nlink);
        b.putLong(Ufs1InodeLayout.DI_SIZE, din.size);
        b.putInt(Ufs1InodeLayout.DI_ATIME, din.atime);
        b.putInt(Ufs1InodeLayout.DI_ATIMENSEC, din.atimensec);
        b.putInt(Ufs1InodeLayout.DI_MTIME, din.mtime);
        b.putInt(Ufs1InodeLayout.DI_MTIMENSEC, din.mtimensec);
        b.putInt(Ufs1InodeLayout.DI_CTIME, din.ctime);
        b.putInt(Ufs1InodeLayout.DI_CTIMENSEC, din.ctimensec);
        if (din.shortLink != null) {
            // the target fills di_db and di_ib
            b.put(Ufs1InodeLayout.DI_DB, din.shortLink);
        } else if (din.hasRdev) {
            b.putInt(Ufs1InodeLayout.DI_DB, din.rdev);
        } else {
            for (int k = 0; k < FsState.NDADDR; k++) {
                b.putInt(Ufs1InodeLayout.DI_DB + 4 * k, din.db[k]);
            }
            for (int k = 0; k < FsState.NIADDR; k++) {
                b.putInt(Ufs1InodeLayout.DI_IB + 4 * k, din.ib[k]);
            }
        }
        b.putInt(Ufs1InodeLayout.DI_FLAGS, din.flags);
        b.putInt(Ufs1InodeLayout.DI_BLOCKS, din.blocks);
        b.putInt(Ufs1InodeLayout.DI_UID, (int) din.uid);
        b.putInt(Ufs1InodeLayout.DI_GID, (int) din.gid);
        long off = fs.inoToFsba(ino) * fs.fsize + (long) fs.inoToFsbo(ino) * FsState.DINODE1_SIZE;
        out.writeInode(off, b.array());
    }

    // ---- ffs_write_superblock ----------------------------------------------------------------

    private void writeSuperblock() throws IOException {
        out.flush();
        for (int c = 0; c < fs.ncg; c++) {
            write(fs.cgtod(c) * fs.fsize, cgs[c].bytes, 0, fs.cgsize);
        }
        byte[] sb = fs.encode(order);
        write(FsState.SBLOCK_UFS1, sb, 0, fs.sbsize);
        for (int c = 0; c < fs.ncg; c++) {
            write(fs.cgsblock(c) * fs.fsize, sb, 0, fs.sbsize);
        }
        ByteBuffer cs = ByteBuffer.allocate(fs.cssize).order(order);
        for (int c = 0; c < fs.ncg; c++) {
            for (int k = 0; k < 4; k++) {
                cs.putInt(c * 16 + 4 * k, fs.cs[c][k]);
            }
        }
        write(fs.csaddr * fs.fsize, cs.array(), 0, fs.cssize);
        out.flush();
    }

    private void write(long offset, byte[] b, int off, int len) throws IOException {
        out.write(offset, b, off, len);
    }
}
