package io.github.slipway.ffs.internal.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.ffs.FileContent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PrefetcherTest {
    @TempDir
    Path tmp;

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] drain(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** A content that gives only {@code have} of its {@code size} bytes, like a file cut short. */
    private static FileContent shortContent(long size, int have) {
        return new FileContent() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(new byte[have]);
            }

            @Override
            public String origin() {
                return "/short";
            }
        };
    }

    /**
     * Host files and in-memory contents through a ring a few files large: every file comes out
     * whole and in order, though the readers wrap the ring over and over and wait for room.
     */
    @Test
    void filesComeOutWholeInOrderThroughASmallRing() throws Exception {
        Random r = new Random(7);
        List<FileContent> files = new ArrayList<>();
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] b = bytes(r, 1 + r.nextInt(r.nextInt(4) == 0 ? 64 << 10 : 3000));
            expected.add(b);
            if (i % 3 == 0) {
                files.add(FileContent.of(b));
            } else {
                Path p = tmp.resolve("f" + i);
                Files.write(p, b);
                files.add(FileContent.of(p));
            }
        }
        for (int threads = 1; threads <= 3; threads++) {
            try (Prefetcher pf = new Prefetcher(files, threads, 150_000)) {
                for (int i = 0; i < files.size(); i++) {
                    ByteBuffer b = pf.take(files.get(i));
                    if (i % 50 == 0) {
                        Thread.sleep(2); // a slow writer: the readers fill the ring and wait
                    }
                    assertThat(drain(b)).as("file %d, %d readers", i, threads).isEqualTo(expected.get(i));
                    pf.release();
                }
            }
        }
    }

    @Test
    void aMissingOrShortFileIsTheWritersErrorWhenItGetsThere() throws Exception {
        Path ok = Files.writeString(tmp.resolve("ok"), "fine");
        Path gone = tmp.resolve("gone");
        Files.writeString(gone, "soon gone");
        FileContent goneContent = FileContent.of(gone);
        Files.delete(gone);
        FileContent okContent = FileContent.of(ok);
        FileContent cut = shortContent(100, 60);
        try (Prefetcher pf = new Prefetcher(List.of(okContent, goneContent), 2, 1 << 16)) {
            assertThat(drain(pf.take(okContent))).isEqualTo("fine".getBytes());
            pf.release();
            assertThatThrownBy(() -> pf.take(goneContent))
                    .isInstanceOf(IOException.class)
                    .hasMessage(gone + ": cannot read: no such file");
        }
        try (Prefetcher pf = new Prefetcher(List.of(cut), 1, 1 << 16)) {
            assertThatThrownBy(() -> pf.take(cut))
                    .hasMessage("/short: file shrank: 100 bytes to go, read 60 bytes, expected 100");
        }
    }

    @Test
    void takingAnotherFileThanTheNextIsABugNotAFullImage() throws Exception {
        FileContent a = FileContent.of(new byte[] {1});
        FileContent b = FileContent.of(new byte[] {2});
        try (Prefetcher pf = new Prefetcher(List.of(a, b), 1, 1024)) {
            assertThatThrownBy(() -> pf.take(b)).isInstanceOf(AssertionError.class).hasMessageContaining("out of step");
        }
    }

    /** A writer that stops early (an image full, a read error) closes it; readers waiting for room end. */
    @Test
    @Timeout(60) // a hang guard: close() joins the readers
    void closeEndsReadersWaitingForRoom() throws Exception {
        List<FileContent> files = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            files.add(FileContent.of(new byte[1000]));
        }
        Prefetcher pf = new Prefetcher(files, 2, 4000);
        pf.take(files.get(0));
        Thread.sleep(20);
        pf.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("slipway-read-ahead"));
    }

    @Test
    void aFileLargerThanTheRingIsRefused() {
        assertThatThrownBy(() -> new Prefetcher(List.of(FileContent.of(new byte[2000])), 1, 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The file list and the ring are set up on a reader thread: the constructor returns while
     * the order is still being worked out (the builder lays out the groups meanwhile), and the
     * first take waits for it.
     */
    @Test
    @Timeout(60) // a hang guard: the constructor must not wait for the order
    void theOrderIsWorkedOutOnAReaderWhileTheCallerGoesOn() throws Exception {
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<String> ranOn = new java.util.concurrent.atomic.AtomicReference<>();
        byte[] bytes = {1, 2, 3};
        FileContent f = FileContent.of(bytes);
        try (Prefetcher pf = new Prefetcher(() -> {
            ranOn.set(Thread.currentThread().getName());
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return List.of(f);
        }, 2, 1024)) {
            // here, with the order still blocked: the constructor has returned
            go.countDown();
            assertThat(drain(pf.take(f))).isEqualTo(bytes);
            pf.release();
        }
        assertThat(ranOn.get()).startsWith("slipway-read-ahead-");
    }

    @Test
    @Timeout(60)
    void anOrderThatFailsIsTheWritersErrorAtItsFirstTake() {
        FileContent f = FileContent.of(new byte[] {1});
        try (Prefetcher pf = new Prefetcher(() -> {
            throw new IllegalStateException("index broken");
        }, 2, 1024)) {
            assertThatThrownBy(() -> pf.take(f)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("read-ahead could not start: index broken");
        }
        try (Prefetcher pf = new Prefetcher(() -> List.of(FileContent.of(new byte[2000])), 1, 1000)) {
            assertThatThrownBy(() -> pf.take(f)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("2000 bytes, more than the ring's 1000");
        }
    }

    /** A build that fails before its first file (an image full in the group layout) closes it mid-setup. */
    @Test
    @Timeout(60)
    void closeDuringSetupEndsEveryReader() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        List<FileContent> files = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            files.add(FileContent.of(new byte[100]));
        }
        Prefetcher pf = new Prefetcher(() -> {
            entered.countDown();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return files;
        }, 3, 1000);
        entered.await();
        pf.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("slipway-read-ahead"));
    }
}
