package io.github.slipway.ffs;

import io.github.slipway.ffs.internal.Volume;
import io.github.slipway.ffs.internal.format.DirectoryEntry;
import io.github.slipway.ffs.internal.format.FfsConstants;
import io.github.slipway.ffs.internal.format.Ufs1Inode;
import io.github.slipway.ffs.internal.format.Ufs1InodeLayout;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A UFS1 image opened read-only: look paths up, list directories, read files, without mounting.
 * Both byte orders are read (detected from {@code fs_magic}). Paths are absolute inside the image
 * ({@code "/etc/rc"}); a relative path is taken from the root.
 *
 * <pre>{@code
 * try (FfsImage image = FfsImage.open(Path.of("root.img"))) {
 *     FfsAttributes rc = image.lookup("/etc/rc").orElseThrow();
 *     byte[] text = image.read("/etc/rc").readAllBytes();
 *     for (FfsDirectoryEntry e : image.list("/dev")) { ... }
 * }
 * }</pre>
 *
 * <p>Every offset and length the image gives is checked against its size before it is used; a
 * damaged image gives an {@link FfsFormatException} naming the byte offset, never a hang. Instances
 * are safe to use from several threads (reads are serialised).
 */
public final class FfsImage implements Closeable {
    private final Volume volume;
    private final SeekableByteChannel channel;
    private final boolean ownsChannel;

    private FfsImage(Volume volume, SeekableByteChannel channel, boolean ownsChannel) {
        this.volume = volume;
        this.channel = channel;
        this.ownsChannel = ownsChannel;
    }

    /**
     * Opens an image file read-only.
     *
     * @param image the image file
     * @throws FfsFormatException if it holds no usable UFS1 superblock
     * @return the open image; close it when done
     */
    public static FfsImage open(Path image) throws IOException {
        if (Files.isDirectory(image)) {
            // Linux opens a directory read-only and reports a size, so say it before parsing starts
            throw new FileSystemException(image.toString(), null, "is a directory, not an image");
        }
        FileChannel ch = FileChannel.open(image, StandardOpenOption.READ);
        try {
            return new FfsImage(Volume.open(ch, image.toString()), ch, true);
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException second) {
                e.addSuppressed(second);
            }
            throw e;
        }
    }

    /**
     * Reads an image from a channel (e.g. in memory). The channel stays the caller's: closing the
     * image does not close it.
     *
     * @param channel the image's bytes, from position 0
     * @param name the name messages use for the image
     * @return the open image
     * @throws FfsFormatException if the bytes are not a UFS1 file system slipway can read
     * @throws IOException if reading the channel fails
     */
    public static FfsImage open(SeekableByteChannel channel, String name) throws IOException {
        return new FfsImage(Volume.open(channel, name), channel, false);
    }

    /**
     * Reads an image from a channel, named {@code "<channel>"} in messages.
     *
     * @param channel the image's bytes, from position 0
     * @return the open image
     * @throws FfsFormatException if the bytes are not a UFS1 file system slipway can read
     * @throws IOException if reading the channel fails
     */
    public static FfsImage open(SeekableByteChannel channel) throws IOException {
        return open(channel, "<channel>");
    }

    /** {@return the image's name (its path, or the name given with the channel)} */
    public String name() {
        return volume.name();
    }

    /** {@return the byte order of the image's metadata} */
    public ByteOrder byteOrder() {
        return volume.order();
    }

    /** {@return {@code fs_bsize}} */
    public int blockSize() {
        return volume.bsize();
    }

    /** {@return {@code fs_fsize}} */
    public int fragmentSize() {
        return volume.fsize();
    }

    /** {@return {@code fs_ncg}} */
    public int cylinderGroups() {
        return volume.ncg();
    }

    /** {@return {@code fs_fsmnt}: where the file system was last mounted, empty for a fresh makefs image} */
    public String lastMountedOn() {
        return volume.superblock().fsmnt();
    }

    /** {@return the number of inodes, {@code fs_ncg * fs_ipg}} */
    public long inodeCount() {
        return volume.maxino();
    }

    /** For the checker and the NIO provider in this module. */
    Volume volume() {
        return volume;
    }

    /**
     * The attributes of the file at {@code path}, following symbolic links (also in the last
     * component unless {@link LinkOption#NOFOLLOW_LINKS} is given), at most
     * {@value FfsConstants#MAXSYMLINKS} of them.
     *
     * @param path an absolute path inside the image
     * @param options {@link LinkOption#NOFOLLOW_LINKS} not to follow a symlink in the last component
     * @return empty if no such file exists
     * @throws FileSystemException if a symlink loop or a non-directory is in the way
     * @throws FfsFormatException if the image is damaged on the way
     */
    public Optional<FfsAttributes> lookup(String path, LinkOption... options) throws IOException {
        boolean follow = !Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS);
        try {
            return Optional.of(attributes(resolve(path, follow)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * The attributes of inode {@code ino}.
     *
     * @param ino an inode number of this image
     * @return its attributes
     * @throws FfsFormatException if {@code ino} is out of range or its inode cannot be read
     * @throws IOException if reading the image fails
     */
    public FfsAttributes attributes(long ino) throws IOException {
        Ufs1Inode ip = volume.inode(ino);
        EntryType type = type(ip, ino);
        Optional<DeviceNumber> dev = type.isDevice()
                ? Optional.of(DeviceNumber.decode(ip.db().get(0))) : Optional.empty();
        Optional<String> target = type == EntryType.SYMLINK
                ? Optional.of(volume.symlinkTarget(ip, ino)) : Optional.empty();
        return new FfsAttributes(ino, type, ip.mode() & 07777, ip.nlink(), Integer.toUnsignedLong(ip.uid()),
                Integer.toUnsignedLong(ip.gid()), ip.size(), Integer.toUnsignedLong(ip.blocks()),
                Instant.ofEpochSecond(ip.atime(), ip.atimensec()), Instant.ofEpochSecond(ip.mtime(), ip.mtimensec()),
                Instant.ofEpochSecond(ip.ctime(), ip.ctimensec()), ip.flags(), ip.gen(), dev, target);
    }

    private EntryType type(Ufs1Inode ip, long ino) throws FfsFormatException {
        try {
            return EntryType.fromMode(ip.mode());
        } catch (IllegalArgumentException e) {
            throw new FfsFormatException(name(), volume.inodeOffset(ino) + Ufs1InodeLayout.DI_MODE,
                    String.format("inode %d: di_mode 0%o has no file type", ino, ip.mode()));
        }
    }

    /**
     * {@return the entries of the directory at {@code path} (symlinks followed), in on-disk order, without {@code .}
     * and {@code ..}}
     *
     * @param path an absolute path of a directory inside the image
     * @throws NoSuchFileException if there is no such file
     * @throws NotDirectoryException if it is not a directory
     */
    public List<FfsDirectoryEntry> list(String path) throws IOException {
        long ino = resolve(path, true);
        Ufs1Inode ip = volume.inode(ino);
        if (type(ip, ino) != EntryType.DIRECTORY) {
            throw new NotDirectoryException(path);
        }
        List<FfsDirectoryEntry> out = new ArrayList<>();
        for (DirectoryEntry d : volume.readDirectory(ip, ino)) {
            String n = name(d);
            if (n.equals(".") || n.equals("..")) {
                continue;
            }
            Ufs1Inode child = volume.inode(d.ino());
            out.add(new FfsDirectoryEntry(n, d.ino(), type(child, d.ino())));
        }
        return out;
    }

    /**
     * {@return the contents of the file at {@code path} (symlinks followed) as a stream; read block by block, holes
     * as zeros}
     *
     * @param path an absolute path of a regular file inside the image
     * @throws FileSystemException if it is a directory or no regular file
     */
    public InputStream read(String path) throws IOException {
        long ino = resolve(path, true);
        Ufs1Inode ip = volume.inode(ino);
        if (type(ip, ino) != EntryType.FILE) {
            throw new FileSystemException(path, null, "not a regular file");
        }
        return volume.stream(ip, ino);
    }

    /**
     * The target of the symbolic link at {@code path} (the last component is not followed).
     *
     * @param path an absolute path inside the image
     * @return the link's target, as stored
     * @throws java.nio.file.NoSuchFileException if nothing is at {@code path}
     * @throws java.nio.file.FileSystemException if {@code path} is not a symbolic link
     * @throws IOException if the image cannot be read
     */
    public String readSymbolicLink(String path) throws IOException {
        FfsAttributes a = attributes(resolve(path, false));
        return a.symlinkTarget().orElseThrow(() -> new FileSystemException(path, null, "not a symbolic link"));
    }

    /**
     * The inode that {@code path} names.
     *
     * @param path an absolute path inside the image
     * @param followLast whether a symlink in the last component is followed
     * @return the inode number
     * @throws java.nio.file.NoSuchFileException if nothing is at {@code path}
     * @throws IOException if the image cannot be read, or symlinks loop
     */
    public long resolve(String path, boolean followLast) throws IOException {
        Deque<String> todo = new ArrayDeque<>(components(path));
        long cur = FfsConstants.ROOTINO;
        int hops = 0;
        while (!todo.isEmpty()) {
            String comp = todo.removeFirst();
            Ufs1Inode dir = volume.inode(cur);
            if (type(dir, cur) != EntryType.DIRECTORY) {
                throw new NotDirectoryException(path);
            }
            long next = -1;
            for (DirectoryEntry d : volume.readDirectory(dir, cur)) {
                if (name(d).equals(comp)) {
                    next = d.ino();
                    break;
                }
            }
            if (next < 0) {
                throw new NoSuchFileException(path);
            }
            Ufs1Inode ip = volume.inode(next);
            if (type(ip, next) == EntryType.SYMLINK && (!todo.isEmpty() || followLast)) {
                if (++hops > FfsConstants.MAXSYMLINKS) {
                    throw new FileSystemException(path, null, "too many levels of symbolic links");
                }
                String target = volume.symlinkTarget(ip, next);
                List<String> t = components(target);
                for (int i = t.size() - 1; i >= 0; i--) {
                    todo.addFirst(t.get(i));
                }
                if (target.startsWith("/")) {
                    cur = FfsConstants.ROOTINO;
                }
                continue;
            }
            cur = next;
        }
        return cur;
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty() && !c.equals(".")) {
                out.add(c);
            }
        }
        return out;
    }

    static String name(DirectoryEntry d) {
        return new String(d.name().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Closes the image file (not a channel the caller passed in). */
    @Override
    public void close() throws IOException {
        if (ownsChannel) {
            channel.close();
        }
    }
}
