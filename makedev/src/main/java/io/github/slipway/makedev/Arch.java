package io.github.slipway.makedev;

import java.util.Locale;

/**
 * The NetBSD ports whose {@code /dev} slipway can make: they differ in device majors, in the disk
 * minor scheme and in the machine-dependent part of {@code all}.
 *
 * <pre>{@code
 * Arch a = Arch.parse("amd64");   // Arch.AMD64
 * a.netbsdName();                 // "amd64"
 * }</pre>
 */
public enum Arch {
    /** NetBSD/i386: 16 partitions with the 8-partition back-compat minors ({@code makedisk_p16high}). */
    I386("i386"),
    /** NetBSD/amd64: 16 partitions, minor = unit·16 + partition ({@code makedisk_p16}). */
    AMD64("amd64");

    private final String netbsdName;

    Arch(String netbsdName) {
        this.netbsdName = netbsdName;
    }

    /** {@return the port's name as NetBSD spells it ({@code MACHINE}), e.g. {@code "i386"}} */
    public String netbsdName() {
        return netbsdName;
    }

    /**
     * {@return the arch named {@code name} ({@code i386} or {@code amd64}, any case)}
     *
     * @param name {@code i386} or {@code amd64} (case-insensitive)
     * @throws IllegalArgumentException naming the value when it is no known arch
     */
    public static Arch parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Arch a : values()) {
            if (a.netbsdName.equals(n)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown arch '" + name + "' (expected i386 or amd64)");
    }

    @Override
    public String toString() {
        return netbsdName;
    }
}
