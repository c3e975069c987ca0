package io.github.slipway.ffs;

import io.github.slipway.ffs.internal.write.FfsImageBuilder;
import io.github.slipway.ffs.internal.write.Timing;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
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
     * <pre>{@code
     * FfsWriter.Summary s = FfsWriter.plan(tree, MakefsOptions.defaults(), "root.img", line -> { });
     * System.out.println(s.size() + " bytes, " + s.inodes() + " inodes, " + s.cylinderGroups() + " cgs");
     * }</pre>
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

    /**
     * Writes the image atomically to {@code image}.
     *
     * @param tree the files to write (left unchanged; default mode sorts a copy of each directory's names)
     * @param options makefs' options
     * @param image the image file; its folder must exist
     * @return the image's size and layout
     * @throws java.nio.file.NoSuchFileException if the folder of {@code image} does not exist
     *     (file: {@code image}, reason: which folder)
     * @throws java.nio.file.FileSystemException if that folder is no directory or {@code image}
     *     is a directory
     * @throws ImageFullException if the tree does not fit the size the options allow
     * @throws IOException if a source file cannot be read or the image cannot be written, naming
     *     the file
     */
    public static Summary write(ImageTree tree, MakefsOptions options, Path image) throws IOException {
        return write(tree, options, image, FfsImageBuilder.NO_LOG);
    }

    /**
     * Writes the image atomically to {@code image}, passing makefs' summary lines to log.
     *
     * @param tree the files to write (left unchanged; default mode sorts a copy of each directory's names)
     * @param options makefs' options
     * @param image the image file; its folder must exist
     * @param log receives makefs' summary lines ("Calculated size of ...", ...), without newline
     * @return the image's size and layout
     * @throws java.nio.file.NoSuchFileException if the folder of {@code image} does not exist
     *     (file: {@code image}, reason: which folder)
     * @throws java.nio.file.FileSystemException if that folder is no directory or {@code image}
     *     is a directory
     * @throws ImageFullException if the tree does not fit the size the options allow
     * @throws IOException if a source file cannot be read or the image cannot be written, naming
     *     the file
     */
    public static Summary write(ImageTree tree, MakefsOptions options, Path image, Consumer<String> log)
            throws IOException {
        Path abs = image.toAbsolutePath();
        Path folder = abs.getParent();
        if (folder == null || !Files.exists(folder)) {
            throw new NoSuchFileException(image.toString(), null, "folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new FileSystemException(image.toString(), null, "folder " + folder + " is not a directory");
        }
        if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            // the rename would fail only after the whole image is written, naming the temporary file
            throw new FileSystemException(image.toString(), null, "is a directory");
        }
        Path tmp = createTemporary(folder, "." + abs.getFileName() + ".");
        try {
            try {
                // an image is an ordinary file (makefs: 0666 & ~022), whatever the umask
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
     * Creates a new empty file {@code prefix<random>.tmp} in {@code folder}, as
     * {@code Files.createTempFile} does, without its SecureRandom (whose first use costs a short
     * command ~20 ms): the name only has to be new, which CREATE_NEW checks.
     */
    private static Path createTemporary(Path folder, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            long r = java.util.concurrent.ThreadLocalRandom.current().nextLong();
            Path p = folder.resolve(prefix + Long.toUnsignedString(r, 36) + ".tmp");
            try {
                Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return p;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt >= 99) {
                    throw e;
                }
            }
        }
    }

    /**
     * Lays the image out without writing it (makefs -n): the size, inodes and geometry
     * {@link #write} would produce. In default mode that is the exact size search.
     *
     * @param tree the files to write (left unchanged; default mode sorts a copy of each directory's names)
     * @param options makefs' options
     * @param name the image's name, for the summary lines and messages
     * @param log receives makefs' summary lines, without newline
     * @return the size and layout
     * @throws ImageFullException if the tree does not fit the size the options allow
     * @throws IOException if the tree cannot be laid out
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

    /**
     * Writes the image into an empty channel (no atomic rename), for in-memory use.
     *
     * @param tree the files to write (left unchanged; default mode sorts a copy of each directory's names)
     * @param options makefs' options
     * @param channel an empty channel open for reading and writing
     * @param name the image's name, for the summary lines and messages
     * @param log receives makefs' summary lines, without newline
     * @return the image's size and layout
     * @throws ImageFullException if the tree does not fit the size the options allow
     * @throws IOException if a source file cannot be read or the channel cannot be written
     */
    public static Summary write(ImageTree tree, MakefsOptions options, FileChannel channel, String name,
                                Consumer<String> log) throws IOException {
        FfsImageBuilder.Result r = FfsImageBuilder.build(tree.root(), options, channel, name, startTime(options), log);
        return new Summary(r.size(), r.inodes(), r.ncg(), r.fpg(), r.ipg(), r.bsize(), r.fsize(),
                r.sectors(), r.superblockBackups());
    }
}
