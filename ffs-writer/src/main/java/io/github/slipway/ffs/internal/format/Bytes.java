package io.github.slipway.ffs.internal.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Range-checked absolute reads and writes shared by the struct records. */
final class Bytes {
    private Bytes() {
    }

    static void checkRange(ByteBuffer b, int base, int size, String what) {
        if (base < 0 || base > b.limit() - size) {
            throw new IndexOutOfBoundsException(what + " at " + base + " (" + size + " bytes) outside buffer of "
                    + b.limit() + " bytes");
        }
    }

    /** A NUL-terminated string of at most {@code len} bytes, ISO-8859-1 so every byte maps to one char. */
    static String cString(ByteBuffer b, int off, int len) {
        int n = 0;
        while (n < len && b.get(off + n) != 0) {
            n++;
        }
        byte[] raw = new byte[n];
        b.get(off, raw);
        return new String(raw, StandardCharsets.ISO_8859_1);
    }

    static void putCString(ByteBuffer b, int off, int len, String value, String field) {
        byte[] raw = value.getBytes(StandardCharsets.ISO_8859_1);
        if (raw.length > len) {
            throw new IllegalArgumentException(field + " longer than " + len + " bytes: " + value);
        }
        b.put(off, raw);
        for (int i = raw.length; i < len; i++) {
            b.put(off + i, (byte) 0);
        }
    }

    static byte u8(int v, String field) {
        if (v < 0 || v > 0xff) {
            throw new IllegalArgumentException(field + " out of range 0..255: " + v);
        }
        return (byte) v;
    }

    static short s16(int v, String field) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new IllegalArgumentException(field + " out of range for int16: " + v);
        }
        return (short) v;
    }

    static short u16(int v, String field) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException(field + " out of range 0..65535: " + v);
        }
        return (short) v;
    }

    static List<Integer> ints(ByteBuffer b, int off, int n) {
        List<Integer> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(b.getInt(off + 4 * i));
        }
        return Collections.unmodifiableList(l);
    }

    static void putInts(ByteBuffer b, int off, List<Integer> values, int n, String field) {
        if (values.size() != n) {
            throw new IllegalArgumentException(field + " needs " + n + " values, got " + values.size());
        }
        for (int i = 0; i < n; i++) {
            b.putInt(off + 4 * i, values.get(i));
        }
    }
}
