package io.github.slipway.ffs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a regular file's bytes come from. The writer opens the source once, reads exactly
 * {@link #size()} bytes a block at a time and never holds a whole file in memory.
 *
 * <pre>{@code
 * FileContent c = FileContent.of(Path.of("/etc/motd"));    // size taken now, bytes read later
 * FileContent d = FileContent.of("hello\n".getBytes(UTF_8));
 * }</pre>
 */
public interface FileContent {
    /** {@return the number of bytes the file holds in the image} */
    long size();

    /**
     * Opens the bytes from their start.
     *
     * @return a fresh stream over the bytes, which the caller closes
     * @throws IOException if the source cannot be opened
     */
    InputStream open() throws IOException;

    /** {@return where the bytes come from, for error messages (a host path or "(bytes)")} */
    String origin();

    /**
     * Opens the bytes as a channel; host files give a {@code FileChannel}, read without copies.
     *
     * @return a fresh channel over the bytes, which the caller closes
     * @throws IOException if the source cannot be opened
     */
    default java.nio.channels.ReadableByteChannel openChannel() throws IOException {
        return java.nio.channels.Channels.newChannel(open());
    }

    /**
     * The same source with another size, as a {@code size=} spec keyword sets it: the writer
     * reads exactly {@code newSize} bytes and fails if the source holds fewer.
     *
     * @param newSize the size in bytes, not negative
     * @return a content over the same source
     * @throws IllegalArgumentException if {@code newSize} is negative
     */
    default FileContent withSize(long newSize) {
        if (newSize < 0) {
            throw new IllegalArgumentException("negative size " + newSize + " for " + origin());
        }
        FileContent base = this;
        return new FileContent() {
            @Override
            public long size() {
                return newSize;
            }

            @Override
            public InputStream open() throws IOException {
                return base.open();
            }

            @Override
            public java.nio.channels.ReadableByteChannel openChannel() throws IOException {
                return base.openChannel();
            }

            @Override
            public String origin() {
                return base.origin();
            }
        };
    }

    /**
     * The contents of a host file; its size is read now, its bytes when the image is written.
     *
     * @param path the host file
     * @return the content
     * @throws IOException if the size cannot be read (the file is missing or unreadable)
     */
    static FileContent of(Path path) throws IOException {
        return of(path, Files.size(path));
    }

    /**
     * The first {@code size} bytes of a host file (reading fewer is an error at write time).
     *
     * @param path the host file, opened when the image is written
     * @param size the number of bytes, not negative
     * @return the content
     * @throws IllegalArgumentException if {@code size} is negative
     */
    static FileContent of(Path path, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + path);
        }
        return new FileContent() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }

            @Override
            public java.nio.channels.ReadableByteChannel openChannel() throws IOException {
                return java.nio.channels.FileChannel.open(path);
            }

            @Override
            public String origin() {
                return path.toString();
            }
        };
    }

    /**
     * Bytes held in memory.
     *
     * @param bytes the contents, copied
     * @return the content
     */
    static FileContent of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new FileContent() {
            @Override
            public long size() {
                return copy.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public String origin() {
                return "(bytes)";
            }
        };
    }
}
