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
 * <tr><td>freeBlocks, freeBlockPercent</td><td>-b</td><td>free space to add</td></tr>
 * <tr><td>freeFiles, freeFilePercent</td><td>-f</td><td>free inodes to add</td></tr>
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

    /** Checks each value; messages name the option and the value. */
    public MakefsOptions {
        positiveOrDefault("bsize", bsize);
        positiveOrDefault("fsize", fsize);
        positiveOrDefault("density", density);
        if (minfree != DEFAULT && (minfree < 0 || minfree > 99)) {
            throw new IllegalArgumentException("minfree not in 0..99: " + minfree);
        }
        positiveOrDefault("maxbpg", maxbpg);
        positiveOrDefault("avgfilesize", avgfilesize);
        positiveOrDefault("avgfpdir", avgfpdir);
        positiveOrDefault("extent", extent);
        positiveOrDefault("maxbpcg", maxbpcg);
        if (version != 1) {
            throw new IllegalArgumentException("version must be 1 (slipway writes UFS1 only): " + version);
        }
        Objects.requireNonNull(label, "label");
        if (label.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 31) {
            throw new IllegalArgumentException("label longer than 31 bytes: " + label);
        }
        Objects.requireNonNull(byteOrder, "byteOrder");
        if (minSize < 0 || maxSize < 0 || freeBlocks < 0 || freeFiles < 0) {
            throw new IllegalArgumentException("negative size option");
        }
        if (freeBlockPercent < 0 || freeBlockPercent > 99) {
            throw new IllegalArgumentException("free block percentage not in 0..99: " + freeBlockPercent);
        }
        if (freeFilePercent < 0 || freeFilePercent > 99) {
            throw new IllegalArgumentException("free file percentage not in 0..99: " + freeFilePercent);
        }
        if (sectorSize != DEFAULT && (sectorSize <= 0 || Integer.bitCount(sectorSize) != 1)) {
            throw new IllegalArgumentException("sector size must be a power of 2: " + sectorSize);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset: " + offset);
        }
        Objects.requireNonNull(timestamp, "timestamp");
        if (timestamp.isPresent() && (timestamp.getAsLong() < 0 || timestamp.getAsLong() > 0x7fffffffL)) {
            throw new IllegalArgumentException("timestamp out of UFS1 range: " + timestamp.getAsLong());
        }
    }

    /**
     * A number as makefs' {@code strsuftoll} reads it: decimal with an optional suffix b (512),
     * k, m, g, t (powers of 1024) or w (4), and {@code x} for products ({@code 2x4k}).
     *
     * @throws IllegalArgumentException naming {@code what} and the value
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

    private static void positiveOrDefault(String name, int v) {
        if (v != DEFAULT && v <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + v);
        }
    }

    /** makefs' defaults: every option chosen by makefs, little endian, no -T. */
    public static MakefsOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
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

    /** A copy with compat mode on or off. */
    public MakefsOptions withCompat(boolean on) {
        return toBuilder().compat(on).build();
    }

    /** Collects options; {@link #build()} checks them. */
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

        /** -o bsize. */
        public Builder bsize(int v) { bsize = v; return this; }
        /** -o fsize. */
        public Builder fsize(int v) { fsize = v; return this; }
        /** -o density. */
        public Builder density(int v) { density = v; return this; }
        /** -o minfree. */
        public Builder minfree(int v) { minfree = v; return this; }
        /** -o maxbpg (Debian: maxbpf). */
        public Builder maxbpg(int v) { maxbpg = v; return this; }
        /** -o avgfilesize. */
        public Builder avgfilesize(int v) { avgfilesize = v; return this; }
        /** -o avgfpdir. */
        public Builder avgfpdir(int v) { avgfpdir = v; return this; }
        /** -o extent. */
        public Builder extent(int v) { extent = v; return this; }
        /** -o maxbpcg. */
        public Builder maxbpcg(int v) { maxbpcg = v; return this; }
        /** -o version. */
        public Builder version(int v) { version = v; return this; }
        /** -o optimization=space (true) or time (false). */
        public Builder optimizeSpace(boolean v) { optimizeSpace = v; return this; }
        /** -o label. */
        public Builder label(String v) { label = v; return this; }
        /** -B. */
        public Builder byteOrder(ByteOrder v) { byteOrder = v; return this; }
        /** -M. */
        public Builder minSize(long v) { minSize = v; return this; }
        /** -m. */
        public Builder maxSize(long v) { maxSize = v; return this; }
        /** -s: both -M and -m. */
        public Builder size(long v) { minSize = v; maxSize = v; return this; }
        /** -b N. */
        public Builder freeBlocks(long v) { freeBlocks = v; return this; }
        /** -b N%. */
        public Builder freeBlockPercent(int v) { freeBlockPercent = v; return this; }
        /** -f N. */
        public Builder freeFiles(long v) { freeFiles = v; return this; }
        /** -f N%. */
        public Builder freeFilePercent(int v) { freeFilePercent = v; return this; }
        /** -S. */
        public Builder sectorSize(int v) { sectorSize = v; return this; }
        /** -T seconds. */
        public Builder timestamp(long v) { timestamp = OptionalLong.of(v); return this; }
        /** Debian's "at most -T" instead of NetBSD's "exactly -T". */
        public Builder clampTime(boolean v) { clampTime = v; return this; }
        /** makefs-compatible sizing (and its failures). */
        public Builder compat(boolean v) { compat = v; return this; }
        /** -O: where the file system starts in the image file. */
        public Builder offset(long v) { offset = v; return this; }
        /** -Z: holes instead of all-zero file blocks. */
        public Builder sparse(boolean v) { sparse = v; return this; }

        /**
         * Applies one makefs flag with its argument, as makefs(8) spells them: {@code -o}
         * (comma-separated {@code key=value}), {@code -B}, {@code -b}, {@code -f} (N or N%),
         * {@code -M}, {@code -m}, {@code -O}, {@code -s} (sizes with b, k, m, g, t, w suffixes and x
         * products), {@code -S}, {@code -T} (seconds).
         *
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

        /** Applies one {@code -o key=value} option ({@code maxbpf} is Debian's {@code maxbpg}). */
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

        /** The checked options. */
        public MakefsOptions build() {
            return new MakefsOptions(bsize, fsize, density, minfree, maxbpg, avgfilesize, avgfpdir,
                    extent, maxbpcg, version, optimizeSpace, label, byteOrder, minSize, maxSize,
                    freeBlocks, freeBlockPercent, freeFiles, freeFilePercent, sectorSize, timestamp,
                    clampTime, compat, offset, sparse);
        }
    }
}
