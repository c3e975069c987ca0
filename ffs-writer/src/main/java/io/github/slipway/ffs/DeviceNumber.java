package io.github.slipway.ffs;

/**
 * A NetBSD device number: a 12-bit major and a 20-bit minor, stored on disk as NetBSD's 32-bit
 * {@code dev_t} ({@code makedev()} in {@code sys/sys/types.h}).
 *
 * <pre>{@code
 * DeviceNumber ld0a = new DeviceNumber(19, 0);
 * ld0a.encode();                          // 0x1300
 * DeviceNumber.decode(0x1300);            // DeviceNumber[major=19, minor=0]
 * new DeviceNumber(169, 0xfffff).encode(); // tap's clone node
 * }</pre>
 *
 * @param major 0 to 4095
 * @param minor 0 to 1048575
 */
public record DeviceNumber(int major, int minor) {
    /** The largest major NetBSD's dev_t holds. */
    public static final int MAX_MAJOR = 0xfff;
    /** The largest minor NetBSD's dev_t holds. */
    public static final int MAX_MINOR = 0xfffff;

    /**
     * Checks the ranges.
     *
     * @param major 0 to 4095
     * @param minor 0 to 1048575
     */
    public DeviceNumber {
        if (major < 0 || major > MAX_MAJOR) {
            throw new IllegalArgumentException("major out of range 0.." + MAX_MAJOR + ": " + major);
        }
        if (minor < 0 || minor > MAX_MINOR) {
            throw new IllegalArgumentException("minor out of range 0.." + MAX_MINOR + ": " + minor);
        }
    }

    /** {@return the 32-bit NetBSD {@code dev_t}: {@code ((maj<<8)&0xfff00)|((min<<12)&0xfff00000)|(min&0xff)}} */
    public int encode() {
        return ((major << 8) & 0x000fff00) | ((minor << 12) & 0xfff00000) | (minor & 0x000000ff);
    }

    /**
     * {@return the device number in a NetBSD {@code dev_t} (the inverse of {@link #encode()})}
     *
     * @param dev a packed 32-bit NetBSD {@code dev_t}
     */
    public static DeviceNumber decode(int dev) {
        int maj = (dev & 0x000fff00) >>> 8;
        int min = ((dev & 0xfff00000) >>> 12) | (dev & 0x000000ff);
        return new DeviceNumber(maj, min);
    }
}
