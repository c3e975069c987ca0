package io.github.slipway.ffs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares two UFS1 images byte for byte, ignoring bytes 728..855 (in-core pointers) of the
 * primary superblock and of every superblock copy, whose places come from the expected image.
 */
final class MaskedImageComparison {
    private static final int SBLOCK = 8192;
    private static final int MASK_FROM = 728;
    private static final int MASK_TO = 856;

    private MaskedImageComparison() {
    }

    /** The first differing byte offset with a short description, or empty when equal. */
    static Optional<String> firstDifference(Path expected, Path actual) throws IOException {
        long size = Files.size(expected);
        if (Files.size(actual) != size) {
            return Optional.of("sizes differ: expected " + size + ", actual " + Files.size(actual));
        }
        List<long[]> masks = masks(expected);
        try (InputStream a = Files.newInputStream(expected); InputStream b = Files.newInputStream(actual)) {
            byte[] ba = new byte[1 << 16];
            byte[] bb = new byte[1 << 16];
            long pos = 0;
            while (pos < size) {
                int n = a.readNBytes(ba, 0, ba.length);
                int m = b.readNBytes(bb, 0, n);
                if (m != n) {
                    return Optional.of("short read at " + pos);
                }
                for (int i = 0; i < n; i++) {
                    if (ba[i] != bb[i] && !masked(masks, pos + i)) {
                        return Optional.of(String.format("byte %d (0x%x): expected 0x%02x, actual 0x%02x",
                                pos + i, pos + i, ba[i] & 0xff, bb[i] & 0xff));
                    }
                }
                pos += n;
            }
        }
        return Optional.empty();
    }

    private static boolean masked(List<long[]> masks, long off) {
        for (long[] m : masks) {
            if (off >= m[0] && off < m[1]) {
                return true;
            }
        }
        return false;
    }

    private static List<long[]> masks(Path image) throws IOException {
        byte[] sb = new byte[1376];
        try (InputStream in = Files.newInputStream(image)) {
            in.skipNBytes(SBLOCK);
            in.readNBytes(sb, 0, sb.length);
        }
        ByteBuffer b = ByteBuffer.wrap(sb).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(1372) != 0x011954) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(1372) != 0x011954) {
                throw new IOException(image + ": no UFS1 superblock at 8192");
            }
        }
        int sblkno = b.getInt(8);
        int ncg = b.getInt(44);
        int fsize = b.getInt(52);
        int fpg = b.getInt(188);
        List<long[]> masks = new ArrayList<>();
        masks.add(new long[] {SBLOCK + MASK_FROM, SBLOCK + MASK_TO});
        for (int c = 0; c < ncg; c++) {
            long base = ((long) fpg * c + sblkno) * fsize;
            masks.add(new long[] {base + MASK_FROM, base + MASK_TO});
        }
        return masks;
    }
}
