package io.github.slipway.examples.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The free space a written UFS1 image reports in its superblock ({@code struct fs} of
 * {@code sys/ufs/ffs/fs.h}): {@code fs_old_cstotal} counts free blocks, fragments and inodes.
 *
 * <pre>{@code
 * FreeSpace f = FreeSpace.read(Path.of("ship.img"));
 * f.bytes();    // cs_nbfree * fs_bsize + cs_nffree * fs_fsize
 * }</pre>
 *
 * @param bytes  free data bytes (whole free blocks and free fragments)
 * @param inodes free inodes
 */
public record FreeSpace(long bytes, long inodes) {
    /** {@code SBLOCK_UFS1}: the superblock's byte offset. */
    static final int SBLOCK_UFS1 = 8192;
    /** {@code fs_bsize}. */
    static final int FS_BSIZE = 48;
    /** {@code fs_fsize}. */
    static final int FS_FSIZE = 52;
    /** {@code fs_old_cstotal.cs_nbfree}. */
    static final int CS_NBFREE = 196;
    /** {@code fs_old_cstotal.cs_nifree}. */
    static final int CS_NIFREE = 200;
    /** {@code fs_old_cstotal.cs_nffree}. */
    static final int CS_NFFREE = 204;
    /** {@code fs_magic}. */
    static final int FS_MAGIC = 1372;
    /** {@code FS_UFS1_MAGIC}. */
    static final int FS_UFS1_MAGIC = 0x011954;
    /** The bytes of {@code struct fs} read: up to and including {@code fs_magic}. */
    static final int LENGTH = 1376;

    /**
     * Reads the counts from an image's primary superblock, in either byte order.
     *
     * @throws IOException if the image holds no UFS1 superblock
     */
    public static FreeSpace read(Path image) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        try (FileChannel ch = FileChannel.open(image, StandardOpenOption.READ)) {
            while (b.hasRemaining()) {
                if (ch.read(b, SBLOCK_UFS1 + b.position()) < 0) {
                    throw new IOException(image + ": too short for a superblock at " + SBLOCK_UFS1);
                }
            }
        }
        b.order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(FS_MAGIC) != FS_UFS1_MAGIC) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(FS_MAGIC) != FS_UFS1_MAGIC) {
                throw new IOException(image + " @0x" + Integer.toHexString(SBLOCK_UFS1 + FS_MAGIC) + ": no UFS1 magic");
            }
        }
        long bsize = Integer.toUnsignedLong(b.getInt(FS_BSIZE));
        long fsize = Integer.toUnsignedLong(b.getInt(FS_FSIZE));
        long nbfree = Integer.toUnsignedLong(b.getInt(CS_NBFREE));
        long nffree = Integer.toUnsignedLong(b.getInt(CS_NFFREE));
        return new FreeSpace(nbfree * bsize + nffree * fsize, Integer.toUnsignedLong(b.getInt(CS_NIFREE)));
    }
}
