package io.github.slipway.ffs.internal.mtree;

import java.util.Map;
import java.util.TreeMap;

/**
 * mtree's {@code device=} values, after spec.c's {@code parsedev()} and mknod's
 * {@code pack_dev.c}: {@code FORMAT,MAJOR,MINOR}, {@code bsdos,MAJOR,UNIT,SUBUNIT}, or one plain
 * number (a raw {@code dev_t}). Numbers are C {@code strtoul(…, 0)} style: decimal, {@code 0x}
 * hex or {@code 0} octal. The result is the 32-bit value makefs stores in {@code di_rdev}.
 * {@code native} is taken to be NetBSD's own packing (it is on NetBSD, and glibc's packing agrees
 * with it for every number NetBSD's dev_t can hold).
 */
public final class DeviceFormats {
    private DeviceFormats() {}

    private interface Packer {
        long pack(long[] n);
    }

    /** Formats as in pack_dev.c's {@code formats[]} table. */
    private static final Map<String, Packer> FORMATS = new TreeMap<>();

    static {
        Packer p88 = n -> two(n, 8, 0x0000ff00L, 0, 0x000000ffL);
        Packer p1220 = n -> two(n, 20, 0xfff00000L, 0, 0x000fffffL);
        Packer p1418 = n -> two(n, 18, 0xfffc0000L, 0, 0x0003ffffL);
        Packer p824 = n -> two(n, 24, 0xff000000L, 0, 0x00ffffffL);
        Packer netbsd = n -> {
            need(n, 2);
            long dev = ((n[0] << 8) & 0x000fff00L) | ((n[1] << 12) & 0xfff00000L) | (n[1] & 0xffL);
            if (((dev & 0x000fff00L) >>> 8) != n[0]) {
                throw new IllegalArgumentException("invalid major number");
            }
            if ((((dev & 0xfff00000L) >>> 12) | (dev & 0xffL)) != n[1]) {
                throw new IllegalArgumentException("invalid minor number");
            }
            return dev;
        };
        Packer freebsd = n -> two(n, 8, 0x0000ff00L, 0, 0xffff00ffL);
        Packer bsdos = n -> {
            if (n.length == 2) {
                return two(n, 20, 0xfff00000L, 0, 0x000fffffL);
            }
            need(n, 3);
            long dev = ((n[0] << 20) & 0xfff00000L) | ((n[1] << 8) & 0x000fff00L) | (n[2] & 0xffL);
            if (((dev & 0xfff00000L) >>> 20) != n[0]) {
                throw new IllegalArgumentException("invalid major number");
            }
            if (((dev & 0x000fff00L) >>> 8) != n[1]) {
                throw new IllegalArgumentException("invalid unit number");
            }
            if ((dev & 0xffL) != n[2]) {
                throw new IllegalArgumentException("invalid subunit number");
            }
            return dev;
        };
        for (String s : new String[] {"386bsd", "4bsd", "isc", "linux", "sco", "sunos", "svr3", "ultrix"}) {
            FORMATS.put(s, p88);
        }
        FORMATS.put("bsdos", bsdos);
        FORMATS.put("freebsd", freebsd);
        FORMATS.put("hpux", p824);
        FORMATS.put("native", netbsd);
        FORMATS.put("netbsd", netbsd);
        FORMATS.put("osf1", p1220);
        FORMATS.put("solaris", p1418);
        FORMATS.put("svr4", p1418);
    }

    private static void need(long[] n, int count) {
        if (n.length != count) {
            throw new IllegalArgumentException("too many fields for format");
        }
    }

    private static long two(long[] n, int majShift, long majMask, int minShift, long minMask) {
        need(n, 2);
        long dev = ((n[0] << majShift) & majMask) | ((n[1] << minShift) & minMask);
        if (((dev & majMask) >>> majShift) != n[0]) {
            throw new IllegalArgumentException("invalid major number");
        }
        if (((dev & minMask) >>> minShift) != n[1]) {
            throw new IllegalArgumentException("invalid minor number");
        }
        return dev;
    }

    /** The format names mtree knows, sorted. */
    public static Iterable<String> names() {
        return FORMATS.keySet();
    }

    /**
     * The 32-bit {@code dev_t} that a {@code device=} value stands for.
     *
     * @throws IllegalArgumentException with mtree's wording for what is wrong
     */
    public static int parse(String value) {
        int comma = value.indexOf(',');
        if (comma < 0) {
            long v = parseNumber(value, "invalid device `" + value + "'");
            if (v > 0xffffffffL) {
                throw new IllegalArgumentException("device `" + value + "' does not fit a 32-bit dev_t");
            }
            return (int) v;
        }
        String format = value.substring(0, comma);
        Packer packer = FORMATS.get(format);
        if (packer == null) {
            throw new IllegalArgumentException("unknown format `" + format + "'");
        }
        String[] parts = value.substring(comma + 1).split(",", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("too many arguments");
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw new IllegalArgumentException("missing number");
            }
            numbers[i] = parseNumber(parts[i], "invalid number `" + parts[i] + "'");
        }
        if (numbers.length < 2) {
            throw new IllegalArgumentException("not enough arguments");
        }
        return (int) packer.pack(numbers);
    }

    /** strtoul(s, &ep, 0) that must consume all of s; values over 2^63 are refused too. */
    static long parseNumber(String s, String error) {
        int radix = 10;
        String digits = s;
        if (s.startsWith("0x") || s.startsWith("0X")) {
            radix = 16;
            digits = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            digits = s.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 24) {
            throw new IllegalArgumentException(error);
        }
        long v = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || digits.charAt(i) > 'z') {
                throw new IllegalArgumentException(error);
            }
            v = v * radix + d;
            if (v > 0xffffffffffL) {
                throw new IllegalArgumentException(error + ": out of range");
            }
        }
        return v;
    }
}
