package io.github.slipway.ffs.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gathering output against a plain model of its contract: every write lands as if written
 * straight to the file in program order, except inode updates, which land at the next flush,
 * after everything written before it, in the order they came. Random sequences shaped like the
 * builder's (runs that mostly move forward, fragment tails dropped behind them, writes far away,
 * runs copied inside the kernel, inode records of 128 bytes, more than the 65,536 the output
 * holds back before writing them), over a file with and without a -O base offset. The compat tests hold whole images to makefs;
 * this one finds the write that went astray, with its seed.
 */
class ImageOutputTest {
    private static final int INODE = 128;

    @TempDir
    Path tmp;

    /** What the file must hold: the bytes in program order, inode updates applied at flushes. */
    private static final class Model {
        final byte[] bytes;
        final List<Long> pendingAt = new ArrayList<>();
        final List<byte[]> pending = new ArrayList<>();

        Model(int size) {
            bytes = new byte[size];
        }

        void write(long offset, byte[] b, int off, int len) {
            System.arraycopy(b, off, bytes, (int) offset, len);
        }

        void zero(long from, long to) {
            Arrays.fill(bytes, (int) from, (int) to, (byte) 0);
        }

        void inode(long offset, byte[] b) {
            pendingAt.add(offset);
            pending.add(b.clone());
        }

        void flush() {
            for (int i = 0; i < pending.size(); i++) {
                write(pendingAt.get(i), pending.get(i), 0, pending.get(i).length);
            }
            pendingAt.clear();
            pending.clear();
        }
    }

    private static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private void check(long seed, int base) throws IOException {
        Random r = new Random(seed);
        int size = 22 << 20;
        // data in [0, dataEnd), inode tables in [dataEnd, transferAt) (81,920 records), data
        // copied in the kernel in [transferAt, size), which nothing else writes: the builder
        // never mixes them
        int dataEnd = 10 << 20;
        int transferAt = 20 << 20;
        long transferred = transferAt;
        Path img = tmp.resolve("img" + seed + "-" + base);
        Path srcFile = tmp.resolve("src" + seed);
        byte[] src = random(r, 256 << 10);
        Files.write(srcFile, src);
        Model m = new Model(size);
        byte[] reused = new byte[INODE];
        try (FileChannel ch = FileChannel.open(img, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                     StandardOpenOption.READ);
             FileChannel in = FileChannel.open(srcFile)) {
            ch.truncate(base + size);
            ImageOutput out = ImageOutput.to(ch, base);
            // the builder's hint of how many inode updates will come: any count, right or wrong
            out.expectInodes(r.nextInt(3) == 0 ? 0 : r.nextInt(100_000));
            long at = 0;
            int inodesSinceFlush = 0;
            // flushes come at random, except in one stretch that holds back over 65,536 inode
            // updates, which the output then writes out by itself
            boolean longStretchDone = false;
            int nextRecord = 0;
            for (int step = 0; step < 3000 || !longStretchDone; step++) {
                boolean mayFlush = step < 1500 || longStretchDone;
                if (inodesSinceFlush > 70_000) {
                    longStretchDone = true;
                }
                int what = r.nextInt(100);
                if (what < 30) {
                    // a run where the last one ended (or a little after)
                    int len = 1 + r.nextInt(r.nextInt(8) == 0 ? 200_000 : 12_000);
                    at = Math.min(at + r.nextInt(3) * 1024L, dataEnd - len);
                    byte[] b = random(r, len);
                    out.write(at, b, 0, len);
                    m.write(at, b, 0, len);
                    at += len;
                } else if (what < 40) {
                    // a fragment tail somewhere behind, as makefs' allocator drops them
                    int len = 1 + r.nextInt(7 * 1024);
                    long behind = Math.max(0, at - 1 - r.nextInt(6 << 20));
                    behind = Math.min(behind, dataEnd - len);
                    byte[] b = random(r, len);
                    out.write(behind, b, 0, len);
                    m.write(behind, b, 0, len);
                } else if (what < 47) {
                    // a buffer's bytes, zero-padded to whole fragments
                    int len = 1 + r.nextInt(20_000);
                    int pad = len + r.nextInt(1024);
                    long o = Math.min(at, dataEnd - pad);
                    ByteBuffer b = ByteBuffer.wrap(random(r, len));
                    m.write(o, b.array(), 0, len);
                    m.zero(o + len, o + pad);
                    out.write(b, o, pad);
                    at = o + pad;
                } else if (what < 53) {
                    // read from a file at a position, zero-padded
                    int len = 1 + r.nextInt(30_000);
                    int pad = len + r.nextInt(1024);
                    long srcPos = r.nextInt(src.length - len);
                    long o = Math.min(at, dataEnd - pad);
                    assertThat(out.writeFrom(in, srcPos, o, len, pad)).isEqualTo(len);
                    m.write(o, src, (int) srcPos, len);
                    m.zero(o + len, o + pad);
                    at = o + pad;
                } else if (what < 55) {
                    // far away, after everything buffered, inode updates too (a superblock
                    // copy, a cg): a flush, so not in the long stretch
                    if (mayFlush) {
                        int len = 1 + r.nextInt(8192);
                        long o = r.nextInt(dataEnd - len);
                        byte[] b = random(r, len);
                        out.writeThrough(o, b, 0, len);
                        m.flush();
                        m.write(o, b, 0, len);
                        inodesSinceFlush = 0;
                    }
                } else if (what < 57) {
                    // a large file's run, copied inside the kernel (sendfile), while there is room
                    int len = 64 * 1024 + r.nextInt(5000);
                    if (transferred + len <= size) {
                        long srcPos = r.nextInt(src.length - len);
                        assertThat(out.transfer(in, srcPos, transferred, len)).isEqualTo(len);
                        m.write(transferred, src, (int) srcPos, len);
                        transferred += len;
                    }
                } else if (what < 58) {
                    if (mayFlush) {
                        out.flush();
                        m.flush();
                        inodesSinceFlush = 0;
                    }
                } else {
                    // inode records: mostly in order, some again (a directory's, rewritten)
                    int records = 1 + r.nextInt(60);
                    int all = (transferAt - dataEnd) / INODE;
                    // in the long stretch, one after the other as the builder numbers them, so
                    // that an update lost there is not written again later
                    int first = mayFlush ? r.nextInt(all - records) : nextRecord;
                    if (!mayFlush) {
                        nextRecord = nextRecord + records >= all ? 0 : nextRecord + records;
                    }
                    for (int k = 0; k < records; k++) {
                        int rec = r.nextInt(20) == 0 ? r.nextInt(all) : Math.min(first + k, all - 1);
                        long o = dataEnd + (long) rec * INODE;
                        r.nextBytes(reused);
                        out.writeInode(o, reused); // the output copies it: reuse it
                        m.inode(o, reused);
                        inodesSinceFlush++;
                    }
                }
                if (at >= dataEnd - 300_000) {
                    at = r.nextInt(1 << 20);
                }
            }
            out.flush();
            out.finish();
            m.flush();
            byte[] got = new byte[size];
            ByteBuffer g = ByteBuffer.wrap(got);
            while (g.hasRemaining() && ch.read(g, base + g.position()) > 0) {
                // reads the image back
            }
            for (int i = 0; i < size; i++) {
                if (got[i] != m.bytes[i]) {
                    throw new AssertionError(String.format("seed %d, base %d: byte %d (%s) is 0x%02x, the model says 0x%02x",
                            seed, base, i, i < dataEnd ? "data" : i < transferAt ? "inode " + (i - dataEnd) / INODE : "transferred", got[i], m.bytes[i]));
                }
            }
        }
    }

    @Test
    void randomWritesLandAsTheContractSays() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            check(seed, 0);
        }
        // -O: the file system starts at an offset that is no multiple of a page
        check(5, 3 * 512);
        check(6, 65536);
    }
}
