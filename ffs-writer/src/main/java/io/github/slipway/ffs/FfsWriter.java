package io.github.slipway.ffs;

import io.github.slipway.ffs.internal.write.FfsImageBuilder;
import io.github.slipway.ffs.internal.write.Timing;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes an {@link ImageTree} as an FFSv1 (UFS1) image, laid out exactly as NetBSD makefs lays it
 * out. With {@link MakefsOptions#compat()} the entries keep the tree's order (makefs' readdir
 * order); otherwise they are sorted by name so the same tree gives the same bytes on any host.
 *
 * <pre>{@code
 * ImageTree tree = ImageTree.fromDirectories(List.of(Path.of("destdir")));
 * FfsWriter.Summary s = FfsWriter.write(tree, MakefsOptions.builder().timestamp(0).build(),
 *         Path.of("root.img"));
 * s.size();   // bytes
 * }</pre>
 *
 * <p>The image is written to a temporary file beside the target, forced to disk and renamed over
 * the target; on any failure the temporary file is removed and an existing target is untouched.
 */
public final class FfsWriter {
    private FfsWriter() {
    }

    /**
     * What makefs prints about an image.
     *
     * @param size bytes
     * @param inodes inodes the estimate asked for
     * @param cylinderGroups number of cylinder groups
     * @param fragsPerGroup fragments per group
     * @param inodesPerGroup inodes per group
     * @param blockSize block size
     * @param fragmentSize fragment size
     * @param sectors 512-byte (or -S sized) sectors
     * @param superblockBackups sector numbers of the superblock copies
     */
    public record Summary(long size, long inodes, int cylinderGroups, int fragsPerGroup,
                          int inodesPerGroup, int blockSize, int fragmentSize, long sectors,
                          List<Long> superblockBackups) {
    }

    /** Writes the image atomically to {@code image}. */
    public static Summary write(ImageTree tree, MakefsOptions options, Path image) throws IOException {
        return write(tree, options, image, line -> { });
    }

    /** Writes the image atomically to {@code image}, passing makefs' summary lines to log. */
    public static Summary write(ImageTree tree, MakefsOptions options, Path image, Consumer<String> log)
            throws IOException {
        Path abs = image.toAbsolutePath();
        Path folder = abs.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IOException(image + ": folder " + folder + " does not exist");
        }
        Path tmp = Files.createTempFile(folder, "." + abs.getFileName() + ".", ".tmp");
        try {
            try {
                // createTempFile makes 0600; an image is an ordinary file (makefs: 0666 & ~022)
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its default
            }
            if (options.offset() > 0 && Files.isRegularFile(abs)) {
                // makefs -O writes into the existing file: keep what precedes the file system
                try (FileChannel src = FileChannel.open(abs, StandardOpenOption.READ);
                     FileChannel dst = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    long n = Math.min(options.offset(), src.size());
                    for (long done = 0; done < n; ) {
                        done += src.transferTo(done, n - done, dst);
                    }
                }
            }
            Summary s;
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
                s = write(tree, options, ch, image.toString(), log);
                ch.force(true);
                Timing.mark("force");
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            Timing.mark("rename");
            return s;
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException second) {
                e.addSuppressed(second);
            }
            throw e;
        }
    }

    /**
     * Lays the image out without writing it (makefs -n): the size, inodes and geometry
     * {@link #write} would produce. In default mode that is the exact size search.
     */
    public static Summary plan(ImageTree tree, MakefsOptions options, String name, Consumer<String> log)
            throws IOException {
        FfsImageBuilder.Result r = FfsImageBuilder.plan(tree.root(), options, name, startTime(options), log);
        return new Summary(r.size(), r.inodes(), r.ncg(), r.fpg(), r.ipg(), r.bsize(), r.fsize(),
                r.sectors(), r.superblockBackups());
    }

    private static long startTime(MakefsOptions options) {
        long now = System.currentTimeMillis() / 1000;
        if (options.timestamp().isPresent()) {
            long t = options.timestamp().getAsLong();
            return options.clampTime() ? Math.min(now, t) : t;
        }
        return now;
    }

    /** Writes the image into an empty channel (no atomic rename); {@code name} is for messages. */
    public static Summary write(ImageTree tree, MakefsOptions options, FileChannel channel, String name,
                                Consumer<String> log) throws IOException {
        FfsImageBuilder.Result r = FfsImageBuilder.build(tree.root(), options, channel, name, startTime(options), log);
        return new Summary(r.size(), r.inodes(), r.ncg(), r.fpg(), r.ipg(), r.bsize(), r.fsize(),
                r.sectors(), r.superblockBackups());
    }
}
