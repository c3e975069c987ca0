package io.github.slipway.ffs;

import io.github.slipway.ffs.internal.Fsck;
import java.io.IOException;

/**
 * Checks an image the way NetBSD's fsck_ffs does (setup and phases 1 to 5), without changing it.
 *
 * <pre>{@code
 * try (FfsImage image = FfsImage.open(Path.of("root.img"))) {
 *     FsckReport report = FfsChecker.check(image);
 *     assert report.isClean() : report.findings();
 * }
 * }</pre>
 *
 * <p>Damage becomes findings, never exceptions: only a failing read of the image file throws. The
 * work is bounded by the image size (every block is visited a bounded number of times, directory
 * walks guard against cycles).
 */
public final class FfsChecker {
    private FfsChecker() {
    }

    /**
     * Runs every phase over {@code image}.
     *
     * @param image an open image
     * @throws IOException only if reading the image file fails
     * @return the findings and fsck's summary numbers
     */
    public static FsckReport check(FfsImage image) throws IOException {
        return new Fsck(image.volume()).run();
    }
}
