package io.github.slipway.sailor;

/**
 * Hard bounds that keep a hostile conf from exhausting time or memory. Every bound crossed is a
 * {@link ConfException} at the position where it was crossed.
 *
 * <pre>{@code
 * ConfLimits l = ConfLimits.defaults().withMaxFileBytes(64 * 1024);
 * }</pre>
 *
 * @param maxFileBytes      the largest conf or include file, in bytes (default 1 MiB)
 * @param maxLineBytes      the longest physical line, in bytes (default 64 KiB)
 * @param maxIncludeDepth   how deep {@code .} includes may nest (default 16)
 * @param maxTotalBytes     all files read for one conf together, in bytes (default 16 MiB)
 * @param maxValueChars     the longest value one expansion may produce (default 1 Mi chars)
 * @param maxExpandedChars  all characters all expansions may produce together (default 64 Mi)
 */
public record ConfLimits(int maxFileBytes, int maxLineBytes, int maxIncludeDepth, long maxTotalBytes,
        int maxValueChars, long maxExpandedChars) {
    /**
     * Checks that every bound is positive.
     *
     * @param maxFileBytes the largest conf or include file, in bytes (default 1 MiB)
     * @param maxLineBytes the longest physical line, in bytes (default 64 KiB)
     * @param maxIncludeDepth how deep {@code .} includes may nest (default 16)
     * @param maxTotalBytes all files read for one conf together, in bytes (default 16 MiB)
     * @param maxValueChars the longest value one expansion may produce (default 1 Mi chars)
     * @param maxExpandedChars all characters all expansions may produce together (default 64 Mi)
     */
    public ConfLimits {
        positive("maxFileBytes", maxFileBytes);
        positive("maxLineBytes", maxLineBytes);
        positive("maxIncludeDepth", maxIncludeDepth);
        positive("maxTotalBytes", maxTotalBytes);
        positive("maxValueChars", maxValueChars);
        positive("maxExpandedChars", maxExpandedChars);
        if (maxFileBytes == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxFileBytes must be < " + Integer.MAX_VALUE);
        }
    }

    private static void positive(String name, long v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1: " + v);
        }
    }

    /** {@return the defaults: 1 MiB files, 64 KiB lines, depth 16, 16 MiB in all, 1 Mi-char values} */
    public static ConfLimits defaults() {
        return new ConfLimits(1 << 20, 64 << 10, 16, 16L << 20, 1 << 20, 64L << 20);
    }

    /**
     * {@return a copy with another {@link #maxFileBytes()}}
     *
     * @param v the new limit
     */
    public ConfLimits withMaxFileBytes(int v) {
        return new ConfLimits(v, maxLineBytes, maxIncludeDepth, maxTotalBytes, maxValueChars, maxExpandedChars);
    }

    /**
     * {@return a copy with another {@link #maxLineBytes()}}
     *
     * @param v the new limit
     */
    public ConfLimits withMaxLineBytes(int v) {
        return new ConfLimits(maxFileBytes, v, maxIncludeDepth, maxTotalBytes, maxValueChars, maxExpandedChars);
    }

    /**
     * {@return a copy with another {@link #maxIncludeDepth()}}
     *
     * @param v the new limit
     */
    public ConfLimits withMaxIncludeDepth(int v) {
        return new ConfLimits(maxFileBytes, maxLineBytes, v, maxTotalBytes, maxValueChars, maxExpandedChars);
    }

    /**
     * {@return a copy with another {@link #maxTotalBytes()}}
     *
     * @param v the new limit
     */
    public ConfLimits withMaxTotalBytes(long v) {
        return new ConfLimits(maxFileBytes, maxLineBytes, maxIncludeDepth, v, maxValueChars, maxExpandedChars);
    }

    /**
     * {@return a copy with another {@link #maxValueChars()}}
     *
     * @param v the new limit
     */
    public ConfLimits withMaxValueChars(int v) {
        return new ConfLimits(maxFileBytes, maxLineBytes, maxIncludeDepth, maxTotalBytes, v, maxExpandedChars);
    }

    /**
     * {@return a copy with another {@link #maxExpandedChars()}}
     *
     * @param v the new limit
     */
    public ConfLimits withMaxExpandedChars(long v) {
        return new ConfLimits(maxFileBytes, maxLineBytes, maxIncludeDepth, maxTotalBytes, maxValueChars, v);
    }
}
