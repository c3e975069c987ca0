package io.github.slipway.makedev;

/**
 * NetBSD's 32-bit {@code dev_t} packing ({@code makedev}, {@code major}, {@code minor} in
 * {@code sys/sys/types.h}): 12-bit major, 20-bit minor, the minor's low byte kept in bits 0–7 and
 * its upper 12 bits in bits 20–31. This is what FFS stores in {@code di_rdev}.
 *
 * <pre>{@code
 * int dev = DevT.pack(169, 0xfffff);   // 0xfff0a9ff, the tap clone device
 * DevT.major(dev);                     // 169
 * DevT.minor(dev);                     // 1048575
 * }</pre>
 */
public final class DevT {
    /** The largest major a NetBSD {@code dev_t} holds (12 bits). */
    public static final int MAX_MAJOR = 0xfff;
    /** The largest minor a NetBSD {@code dev_t} holds (20 bits). */
    public static final int MAX_MINOR = 0xfffff;

    private DevT() {
    }

    /**
     * Packs a major and a minor as NetBSD's {@code makedev(maj, min)}; the result is an unsigned 32-bit value held in
     * an {@code int}.
     *
     * @param major the major number
     * @param minor the minor number
     * @throws IllegalArgumentException when a number does not fit (major 0–4095, minor 0–1048575)
     * @return the packed {@code dev_t}
     */
    public static int pack(int major, int minor) {
        if (major < 0 || major > MAX_MAJOR) {
            throw new IllegalArgumentException("major " + major + " out of range 0.." + MAX_MAJOR);
        }
        if (minor < 0 || minor > MAX_MINOR) {
            throw new IllegalArgumentException("minor " + minor + " out of range 0.." + MAX_MINOR);
        }
        return ((major << 8) & 0x000fff00) | ((minor << 12) & 0xfff00000) | (minor & 0x000000ff);
    }

    /**
     * {@return the major of a packed NetBSD {@code dev_t}}
     *
     * @param dev a packed {@code dev_t}
     */
    public static int major(int dev) {
        return (dev & 0x000fff00) >>> 8;
    }

    /**
     * {@return the minor of a packed NetBSD {@code dev_t}}
     *
     * @param dev a packed {@code dev_t}
     */
    public static int minor(int dev) {
        return ((dev & 0xfff00000) >>> 12) | (dev & 0x000000ff);
    }
}
