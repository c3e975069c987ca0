package io.github.slipway.ffs;

import java.nio.ByteOrder;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The options of {@code makefs -t ffs}, as NetBSD's makefs(8) names them. Integer options use
 * {@link #DEFAULT} (-1) for "let makefs choose", sizes use 0 for "not given".
 *
 * <table>
 * <caption>options</caption>
 * <tr><th>component</th><th>makefs</th><th>meaning</th></tr>
 * <tr><td>bsize, fsize</td><td>-o bsize, fsize</td><td>block and fragment size (8192, 1024)</td></tr>
 * <tr><td>density</td><td>-o density</td><td>bytes per inode (from the size estimate)</td></tr>
 * <tr><td>minfree</td><td>-o minfree</td><td>reserved percentage (5)</td></tr>
 * <tr><td>maxbpg</td><td>-o maxbpg / maxbpf</td><td>blocks per file in one group (bsize/4)</td></tr>
 * <tr><td>avgfilesize, avgfpdir</td><td>-o avgfilesize, avgfpdir</td><td>16384, 64</td></tr>
 * <tr><td>extent</td><td>-o extent</td><td>maximum extent (bsize)</td></tr>
 * <tr><td>maxbpcg</td><td>-o maxbpcg</td><td>maximum blocks per cylinder group</td></tr>
 * <tr><td>version</td><td>-o version</td><td>only 1 (UFS1)</td></tr>
 * <tr><td>optimizeSpace</td><td>-o optimization=space|time</td><td>time</td></tr>
 * <tr><td>label</td><td>-o label</td><td>volume name, at most 31 bytes</td></tr>
 * <tr><td>byteOrder</td><td>-B</td><td>little endian</td></tr>
 * <tr><td>minSize, maxSize</td><td>-M, -m (-s sets both)</td><td>image size bounds in bytes</td></tr>
 * <tr><td>freeBlocks, freeBlockPercent</td><td>-b</td><td>free space: in default mode the image
 * keeps at least N bytes, or N% of the space its files and directories use, free; with
 * {@code --compat}, makefs' meaning: N bytes or N% of its size estimate are added to the
 * estimate, which can leave less free (a tree of 1 MB under -b 20%: 18.5% of the used space)</td></tr>
 * <tr><td>freeFiles, freeFilePercent</td><td>-f</td><td>free inodes: in default mode at least N, or
 * N% of the tree's, are left free; with {@code --compat}, added to makefs' estimate</td></tr>
 * <tr><td>sectorSize</td><td>-S</td><td>512</td></tr>
 * <tr><td>timestamp</td><td>-T</td><td>every time stamp and the file system's own time</td></tr>
 * <tr><td>clampTime</td><td>--clamp-time</td><td>Debian's -T: times above T become T</td></tr>
 * <tr><td>compat</td><td>--compat</td><td>makefs' size estimate and failures</td></tr>
 * <tr><td>offset</td><td>-O</td><td>byte offset of the file system in the image file; bytes before
 * it in an existing file are kept (a partition table)</td></tr>
 * <tr><td>sparse</td><td>-Z</td><td>leave holes for all-zero file blocks</td></tr>
 * </table>
 *
 * <pre>{@code
 * MakefsOptions o = MakefsOptions.builder().bsize(4096).fsize(512).byteOrder(ByteOrder.BIG_ENDIAN)
 *         .size(4 << 20).timestamp(1600000000).build();
 * }</pre>
 */
public record MakefsOptions(int bsize, int fsize, int density, int minfree, int maxbpg,
                            int avgfilesize, int avgfpdir, int extent, int maxbpcg, int version,
                            boolean optimizeSpace, String label, ByteOrder byteOrder,
                            long minSize, long maxSize, long freeBlocks, int freeBlockPercent,
                            long freeFiles, int freeFilePercent, int sectorSize,
                            OptionalLong timestamp, boolean clampTime, boolean compat,
                            long offset, boolean sparse) {
    /** "makefs chooses" for the integer options. */
    public static final int DEFAULT = -1;

    /** NetBSD's MINBSIZE ({@code sys/ufs/ffs/fs.h}): the smallest block size mkfs accepts. */
    public static final int MINBSIZE = 4096;
    /** makefs' FFS_MAXBSIZE ({@code ffs/newfs_extern.h}): the largest block size. */
    public static final int MAXBSIZE = 65536;
    /** NetBSD's MAXFRAG ({@code sys/ufs/ffs/fs.h}): at most this many fragments per block. */
    public static final int MAXFRAG = 8;

    /**
     * Checks each value as makefs does, when it parses the option ({@code makefs.c},
     * {@code ffs_parse_opts}) or later in {@code ffs/mkfs.c}; the defaults makefs derives
     * ({@code ffs_validate}: fsize = max(1024, sector size), bsize = min(8192, 8 &times; fsize)) are
     * checked too. Messages name the makefs option and the value ({@code -o bsize=3: not a power
     * of 2}).
     *
     *
     * @param bsize -o bsize, or {@link #DEFAULT}
     * @param fsize -o fsize, or {@link #DEFAULT}
     * @param density -o density, or {@link #DEFAULT}
     * @param minfree -o minfree, or {@link #DEFAULT}
     * @param maxbpg -o maxbpg, or {@link #DEFAULT}
     * @param avgfilesize -o avgfilesize, or {@link #DEFAULT}
     * @param avgfpdir -o avgfpdir, or {@link #DEFAULT}
     * @param extent -o extent, or {@link #DEFAULT}
     * @param maxbpcg -o maxbpcg, or {@link #DEFAULT}
     * @param version -o version: 1
     * @param optimizeSpace -o optimization=space (true) or time (false)
     * @param label -o label, "" for none
     * @param byteOrder -B
     * @param minSize -M in bytes, 0 for none
     * @param maxSize -m in bytes, 0 for none
     * @param freeBlocks -b N in bytes
     * @param freeBlockPercent -b N%
     * @param freeFiles -f N
     * @param freeFilePercent -f N%
     * @param sectorSize -S, or {@link #DEFAULT}
     * @param timestamp -T in seconds, if given
     * @param clampTime --clamp-time
     * @param compat --compat
     * @param offset -O in bytes
     * @param sparse -Z
     * @throws IllegalArgumentException naming the makefs option of the first bad value
     * @throws NullPointerException if {@code label}, {@code byteOrder} or {@code timestamp} is null
     */
    public MakefsOptions {
        checkBsize(bsize);
        checkFsize(fsize);
        checkSectorSize(sectorSize);
        atLeastOneOrDefault("density", density);
        checkMinfree(minfree);
        atLeastOneOrDefault("maxbpg", maxbpg);
        atLeastOneOrDefault("avgfilesize", avgfilesize);
        atLeastOneOrDefault("avgfpdir", avgfpdir);
        atLeastOneOrDefault("extent", extent);
        atLeastOneOrDefault("maxbpcg", maxbpcg);
        checkVersion(version);
        Objects.requireNonNull(label, "label");
        checkLabel(label);
        Objects.requireNonNull(byteOrder, "byteOrder");
        notNegative("-M", minSize);
        notNegative("-m", maxSize);
        notNegative("-b", freeBlocks);
        notNegative("-f", freeFiles);
        checkPercent("-b", freeBlockPercent);
        checkPercent("-f", freeFilePercent);
        notNegative("-O", offset);
        if (minSize > 0 && maxSize > 0 && minSize > maxSize) {
            // makefs fails only after the estimate: "size of N is larger than the maxsize of M"
            throw new IllegalArgumentException("-M " + minSize + ": larger than -m " + maxSize);
        }
        Objects.requireNonNull(timestamp, "timestamp");
        if (timestamp.isPresent()) {
            checkTimestamp(timestamp.getAsLong());
        }
        // the sizes makefs derives when they are not given (ffs.c, ffs_validate), then mkfs.c's checks
        int sector = sectorSize == DEFAULT ? 512 : sectorSize;
        int fs = fsize == DEFAULT ? Math.max(1024, sector) : fsize;
        long bs = bsize == DEFAULT ? Math.min(8192, 8L * fs) : bsize;
        String fsName = fsize == DEFAULT ? "-o fsize (default " + fs + ")" : "-o fsize=" + fs;
        String bsName = bsize == DEFAULT ? "-o bsize (default " + bs + ")" : "-o bsize=" + bs;
        if (fs < sector) {
            throw new IllegalArgumentException(fsName + ": smaller than the sector size " + sector
                    + (sectorSize == DEFAULT ? "" : " (-S)"));
        }
        if (bs < MINBSIZE) {
            throw new IllegalArgumentException(bsName + ": smaller than the minimum block size " + MINBSIZE);
        }
        if (bs > MAXBSIZE) {
            throw new IllegalArgumentException(bsName + ": larger than the maximum block size " + MAXBSIZE);
        }
        if (bs < fs) {
            throw new IllegalArgumentException(fsName + ": larger than the block size " + bs
                    + (bsize == DEFAULT ? " (the default)" : ""));
        }
        if (bs / fs > MAXFRAG) {
            throw new IllegalArgumentException(fsName + ": smaller than the block size / " + MAXFRAG + " = "
                    + bs / MAXFRAG + " (" + (bsize == DEFAULT ? "the default block size" : bsName) + ")");
        }
    }

    private static void checkBsize(int v) {
        atLeastOneOrDefault("bsize", v);
        powerOfTwoOrDefault("-o bsize=", v);
    }

    private static void checkFsize(int v) {
        atLeastOneOrDefault("fsize", v);
        powerOfTwoOrDefault("-o fsize=", v);
    }

    private static void checkSectorSize(int v) {
        if (v != DEFAULT && v < 1) {
            throw new IllegalArgumentException("-S " + v + ": less than 1");
        }
        powerOfTwoOrDefault("-S ", v);
    }

    private static void powerOfTwoOrDefault(String option, int v) {
        if (v != DEFAULT && Integer.bitCount(v) != 1) {
            throw new IllegalArgumentException(option + v + ": not a power of 2");
        }
    }

    private static void atLeastOneOrDefault(String name, int v) {
        if (v != DEFAULT && v < 1) {
            throw new IllegalArgumentException("-o " + name + "=" + v + ": less than 1");
        }
    }

    private static void checkMinfree(int v) {
        if (v != DEFAULT && (v < 0 || v > 99)) {
            throw new IllegalArgumentException("-o minfree=" + v + ": not in 0..99");
        }
    }

    private static void checkVersion(int v) {
        if (v != 1) {
            throw new IllegalArgumentException("-o version=" + v + ": slipway writes UFS1 (version 1) only");
        }
    }

    private static void checkLabel(String v) {
        if (v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 31) {
            throw new IllegalArgumentException("-o label=" + v + ": longer than 31 bytes");
        }
    }

    private static void notNegative(String option, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(option + " " + v + ": negative");
        }
    }

    private static void checkPercent(String option, int v) {
        if (v < 0 || v > 99) {
            throw new IllegalArgumentException(option + " " + v + "%: not in 0..99");
        }
    }

    private static void checkTimestamp(long v) {
        if (v < 0 || v > 0x7fffffffL) {
            throw new IllegalArgumentException("-T " + v + ": out of UFS1's range 0..2147483647");
        }
    }

    /**
     * A number as makefs' {@code strsuftoll} reads it: decimal with an optional suffix b (512),
     * k, m, g, t (powers of 1024) or w (4), and {@code x} for products ({@code 2x4k}).
     *
     * <pre>{@code
     * long size = MakefsOptions.parseSize("-s", "2x4k", 1, Long.MAX_VALUE);   // 8192
     * }</pre>
     *
     * @param what the option, for messages ({@code "-s"})
     * @param value the text as given
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the number
     * @throws IllegalArgumentException naming {@code what} and the value, if it is no number or
     *     out of {@code min..max}
     */
    public static long parseSize(String what, String value, long min, long max) {
        long result = 1;
        for (String part : value.split("x", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException(what + ": invalid number '" + value + "'");
            }
            long mult = 1;
            char last = Character.toLowerCase(part.charAt(part.length() - 1));
            switch (last) {
                case 'b' -> mult = 512;
                case 'k' -> mult = 1L << 10;
                case 'm' -> mult = 1L << 20;
                case 'g' -> mult = 1L << 30;
                case 't' -> mult = 1L << 40;
                case 'w' -> mult = 4;
                default -> mult = 1;
            }
            String digits = mult == 1 ? part : part.substring(0, part.length() - 1);
            long n;
            try {
                n = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": invalid number '" + value + "'");
            }
            try {
                result = Math.multiplyExact(result, Math.multiplyExact(n, mult));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(what + ": " + value + " is too large");
            }
        }
        if (result < min) {
            throw new IllegalArgumentException(what + ": " + value + " is too small (minimum " + min + ")");
        }
        if (result > max) {
            throw new IllegalArgumentException(what + ": " + value + " is too large (maximum " + max + ")");
        }
        return result;
    }

    /** {@return makefs' defaults: every option chosen by makefs, little endian, no -T} */
    public static MakefsOptions defaults() {
        return builder().build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from these options} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.bsize = bsize;
        b.fsize = fsize;
        b.density = density;
        b.minfree = minfree;
        b.maxbpg = maxbpg;
        b.avgfilesize = avgfilesize;
        b.avgfpdir = avgfpdir;
        b.extent = extent;
        b.maxbpcg = maxbpcg;
        b.version = version;
        b.optimizeSpace = optimizeSpace;
        b.label = label;
        b.byteOrder = byteOrder;
        b.minSize = minSize;
        b.maxSize = maxSize;
        b.freeBlocks = freeBlocks;
        b.freeBlockPercent = freeBlockPercent;
        b.freeFiles = freeFiles;
        b.freeFilePercent = freeFilePercent;
        b.sectorSize = sectorSize;
        b.timestamp = timestamp;
        b.clampTime = clampTime;
        b.compat = compat;
        b.offset = offset;
        b.sparse = sparse;
        return b;
    }

    /**
     * Whether the image's size is constrained or padded: any of -s, -M, -m, -b or -f set to a
     * value other than 0. Without them, default mode writes the smallest image that holds the tree.
     *
     * @return true if a size or free-space option is set
     */
    public boolean hasSizeOptions() {
        return minSize > 0 || maxSize > 0 || freeBlocks > 0 || freeBlockPercent > 0 || freeFiles > 0
                || freeFilePercent > 0;
    }

    /**
     * A copy with compat mode on or off.
     *
     * @param on makefs-compatible order, size estimate and failures
     * @return the copy
     */
    public MakefsOptions withCompat(boolean on) {
        return toBuilder().compat(on).build();
    }

    /**
     * Collects options. Each setter checks its value alone (a power of 2, a range) and names the
     * makefs option it stands for; {@link #build()} checks how they go together (fsize against
     * bsize and the sector size, -M against -m).
     *
     * <pre>{@code
     * MakefsOptions o = MakefsOptions.builder()
     *         .flag('o', "bsize=16384,fsize=2048")   // as on makefs' command line
     *         .minfree(0)
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private int bsize = DEFAULT;
        private int fsize = DEFAULT;
        private int density = DEFAULT;
        private int minfree = DEFAULT;
        private int maxbpg = DEFAULT;
        private int avgfilesize = DEFAULT;
        private int avgfpdir = DEFAULT;
        private int extent = DEFAULT;
        private int maxbpcg = DEFAULT;
        private int version = 1;
        private boolean optimizeSpace;
        private String label = "";
        private ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
        private long minSize;
        private long maxSize;
        private long freeBlocks;
        private int freeBlockPercent;
        private long freeFiles;
        private int freeFilePercent;
        private int sectorSize = DEFAULT;
        private OptionalLong timestamp = OptionalLong.empty();
        private boolean clampTime;
        private boolean compat;
        private long offset;
        private boolean sparse;

        private Builder() {
        }

        /**
         * Sets -o bsize: the block size, a power of 2 from 4096 to 65536.
         *
         * @param v the value ({@link #DEFAULT}: makefs chooses)
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder bsize(int v) {
            checkBsize(v);
            bsize = v;
            return this;
        }

        /**
         * Sets -o fsize: the fragment size, a power of 2, at least the sector size and bsize/8.
         *
         * @param v the value ({@link #DEFAULT}: makefs chooses)
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder fsize(int v) {
            checkFsize(v);
            fsize = v;
            return this;
        }

        /**
         * Sets -o density: bytes of data per inode.
         *
         * @param v the value ({@link #DEFAULT}: makefs chooses)
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder density(int v) {
            atLeastOneOrDefault("density", v);
            density = v;
            return this;
        }

        /**
         * Sets -o minfree: the percentage of blocks kept free, 0..99.
         *
         * @param v the value ({@link #DEFAULT}: makefs chooses)
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder minfree(int v) {
            checkMinfree(v);
            minfree = v;
            return this;
        }

        /**
         * Sets -o maxbpg (Debian: maxbpf): blocks one file may take in a cylinder group.
         *
         * @param v the value ({@link #DEFAULT}: makefs chooses)
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder maxbpg(int v) {
            atLeastOneOrDefault("maxbpg", v);
            maxbpg = v;
            return this;
        }

        /**
         * Sets -o avgfilesize: the expected average file size.
         *
         * @param v the value ({@link #DEFAULT}: makefs chooses)
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder avgfilesize(int v) {
            atLeastOneOrDefault("avgfilesize", v);
            avgfilesize = v;
            return this;
        }

        /**
         * Sets -o avgfpdir: the expected number of files per directory.
         *
         * @param v the value ({@link #DEFAULT}: makefs chooses)
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder avgfpdir(int v) {
            atLeastOneOrDefault("avgfpdir", v);
            avgfpdir = v;
            return this;
        }

        /**
         * Sets -o extent: the maximum extent size (makefs replaces a value below bsize or not a power of 2 by bsize).
         *
         * @param v the value ({@link #DEFAULT}: makefs chooses)
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder extent(int v) {
            atLeastOneOrDefault("extent", v);
            extent = v;
            return this;
        }

        /**
         * Sets -o maxbpcg: the maximum number of blocks per cylinder group.
         *
         * @param v the value ({@link #DEFAULT}: makefs chooses)
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder maxbpcg(int v) {
            atLeastOneOrDefault("maxbpcg", v);
            maxbpcg = v;
            return this;
        }

        /**
         * Sets -o version: the UFS version; slipway writes 1 only.
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder version(int v) {
            checkVersion(v);
            version = v;
            return this;
        }

        /**
         * Sets -o optimization: space (true) or time (false).
         *
         * @param v the value
         * @return this builder
         */
        public Builder optimizeSpace(boolean v) {
            optimizeSpace = v;
            return this;
        }

        /**
         * Sets -o label: the volume name, at most 31 bytes of UTF-8.
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} is longer than 31 bytes
         * @throws NullPointerException if {@code v} is null
         */
        public Builder label(String v) {
            checkLabel(Objects.requireNonNull(v, "label"));
            label = v;
            return this;
        }

        /**
         * Sets -B: the byte order of the image.
         *
         * @param v the value
         * @return this builder
         * @throws NullPointerException if {@code v} is null
         */
        public Builder byteOrder(ByteOrder v) {
            Objects.requireNonNull(v, "byteOrder");
            byteOrder = v;
            return this;
        }

        /**
         * Sets -M: the minimum image size in bytes (0: none).
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder minSize(long v) {
            notNegative("-M", v);
            minSize = v;
            return this;
        }

        /**
         * Sets -m: the maximum image size in bytes (0: none).
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder maxSize(long v) {
            notNegative("-m", v);
            maxSize = v;
            return this;
        }

        /**
         * Sets -s: both -M and -m, the exact image size in bytes.
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder size(long v) {
            notNegative("-s", v);
            minSize = v;
            maxSize = v;
            return this;
        }

        /**
         * Sets -b N: free bytes to add to the estimate.
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder freeBlocks(long v) {
            notNegative("-b", v);
            freeBlocks = v;
            return this;
        }

        /**
         * Sets -b N%: free space to add, in percent, 0..99.
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder freeBlockPercent(int v) {
            checkPercent("-b", v);
            freeBlockPercent = v;
            return this;
        }

        /**
         * Sets -f N: free inodes to add.
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder freeFiles(long v) {
            notNegative("-f", v);
            freeFiles = v;
            return this;
        }

        /**
         * Sets -f N%: free inodes to add, in percent, 0..99.
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder freeFilePercent(int v) {
            checkPercent("-f", v);
            freeFilePercent = v;
            return this;
        }

        /**
         * Sets -S: the sector size, a power of 2.
         *
         * @param v the value ({@link #DEFAULT}: makefs chooses)
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder sectorSize(int v) {
            checkSectorSize(v);
            sectorSize = v;
            return this;
        }

        /**
         * Sets -T: every time stamp, in seconds since 1970, 0..2<sup>31</sup>-1.
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder timestamp(long v) {
            checkTimestamp(v);
            timestamp = OptionalLong.of(v);
            return this;
        }

        /**
         * Sets --clamp-time: Debian's "at most -T" (true) instead of NetBSD's "exactly -T".
         *
         * @param v the value
         * @return this builder
         */
        public Builder clampTime(boolean v) {
            clampTime = v;
            return this;
        }

        /**
         * Sets --compat: makefs' entry order, size estimate and failures.
         *
         * @param v the value
         * @return this builder
         */
        public Builder compat(boolean v) {
            compat = v;
            return this;
        }

        /**
         * Sets -O: where the file system starts in the image file, in bytes.
         *
         * @param v the value
         * @return this builder
         * @throws IllegalArgumentException if {@code v} alone is out of range (naming the option)
         */
        public Builder offset(long v) {
            notNegative("-O", v);
            offset = v;
            return this;
        }

        /**
         * Sets -Z: holes instead of all-zero file blocks.
         *
         * @param v the value
         * @return this builder
         */
        public Builder sparse(boolean v) {
            sparse = v;
            return this;
        }

        /**
         * Applies one makefs flag with its argument, as makefs(8) spells them: {@code -o}
         * (comma-separated {@code key=value}), {@code -B}, {@code -b}, {@code -f} (N or N%),
         * {@code -M}, {@code -m}, {@code -O}, {@code -s} (sizes with b, k, m, g, t, w suffixes and x
         * products), {@code -S}, {@code -T} (seconds).
         *
         * @param flag the flag letter without {@code -}
         * @param value its argument as given
         * @return this builder
         * @throws IllegalArgumentException naming the flag and the bad value
         */
        public Builder flag(char flag, String value) {
            switch (flag) {
                case 'o' -> {
                    for (String opt : value.split(",", -1)) {
                        ffsOption(opt);
                    }
                }
                case 'B' -> byteOrder(switch (value) {
                    case "be", "4321", "big" -> ByteOrder.BIG_ENDIAN;
                    case "le", "1234", "little" -> ByteOrder.LITTLE_ENDIAN;
                    default -> throw new IllegalArgumentException("-B: invalid endian '" + value + "'");
                });
                case 'b' -> {
                    if (value.endsWith("%")) {
                        freeBlockPercent((int) parseSize("-b", value.substring(0, value.length() - 1), 0, 99));
                    } else {
                        freeBlocks(parseSize("-b", value, 0, Long.MAX_VALUE));
                    }
                }
                case 'f' -> {
                    if (value.endsWith("%")) {
                        freeFilePercent((int) parseSize("-f", value.substring(0, value.length() - 1), 0, 99));
                    } else {
                        freeFiles(parseSize("-f", value, 0, Long.MAX_VALUE));
                    }
                }
                case 'M' -> minSize(parseSize("-M", value, 1, Long.MAX_VALUE));
                case 'm' -> maxSize(parseSize("-m", value, 1, Long.MAX_VALUE));
                case 's' -> size(parseSize("-s", value, 1, Long.MAX_VALUE));
                case 'S' -> sectorSize((int) parseSize("-S", value, 1, Integer.MAX_VALUE));
                case 'O' -> offset(parseSize("-O", value, 0, Long.MAX_VALUE));
                case 'T' -> {
                    try {
                        timestamp(Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("-T: not a number of seconds: '" + value + "'");
                    }
                }
                default -> throw new IllegalArgumentException("unknown makefs flag -" + flag);
            }
            return this;
        }

        /**
         * Applies one {@code -o key=value} option ({@code maxbpf} is Debian's {@code maxbpg}).
         *
         * @param option {@code key=value}
         * @return this builder
         * @throws IllegalArgumentException naming the option, if the key is unknown or the value bad
         */
        public Builder ffsOption(String option) {
            int eq = option.indexOf('=');
            if (option.isEmpty()) {
                throw new IllegalArgumentException("-o: empty option");
            }
            if (eq < 0) {
                throw new IllegalArgumentException("-o: option '" + option + "' doesn't contain a value");
            }
            String key = option.substring(0, eq);
            String val = option.substring(eq + 1);
            String where = "-o " + key;
            switch (key) {
                case "bsize" -> bsize((int) parseSize(where, val, 1, Integer.MAX_VALUE));
                case "fsize" -> fsize((int) parseSize(where, val, 1, Integer.MAX_VALUE));
                case "density" -> density((int) parseSize(where, val, 1, Integer.MAX_VALUE));
                case "minfree" -> minfree((int) parseSize(where, val, 0, 99));
                case "maxbpg", "maxbpf" -> maxbpg((int) parseSize(where, val, 1, Integer.MAX_VALUE));
                case "avgfilesize" -> avgfilesize((int) parseSize(where, val, 1, Integer.MAX_VALUE));
                case "avgfpdir" -> avgfpdir((int) parseSize(where, val, 1, Integer.MAX_VALUE));
                case "extent" -> extent((int) parseSize(where, val, 1, Integer.MAX_VALUE));
                case "maxbpcg" -> maxbpcg((int) parseSize(where, val, 1, Integer.MAX_VALUE));
                case "version" -> version((int) parseSize(where, val, 1, 2));
                case "optimization" -> optimizeSpace(switch (val) {
                    case "time" -> false;
                    case "space" -> true;
                    default -> throw new IllegalArgumentException("-o optimization: invalid value '" + val + "'");
                });
                case "label" -> label(val);
                default -> throw new IllegalArgumentException("-o: unknown option '" + key + "'");
            }
            return this;
        }

        /**
         * Checks the options together and makes the record.
         *
         * @return the checked options
         * @throws IllegalArgumentException naming the makefs option at fault (fsize larger than
         *     bsize or below bsize/8 or the sector size, bsize out of 4096..65536, -M above -m)
         */
        public MakefsOptions build() {
            return new MakefsOptions(bsize, fsize, density, minfree, maxbpg, avgfilesize, avgfpdir,
                    extent, maxbpcg, version, optimizeSpace, label, byteOrder, minSize, maxSize,
                    freeBlocks, freeBlockPercent, freeFiles, freeFilePercent, sectorSize, timestamp,
                    clampTime, compat, offset, sparse);
        }
    }
}
