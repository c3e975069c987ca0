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
    /** The number of bytes the file holds in the image. */
    long size();

    /** A fresh stream over the bytes. */
    InputStream open() throws IOException;

    /** Where the bytes come from, for error messages (a host path or "(bytes)"). */
    String origin();

    /** A fresh channel over the bytes; host files give a {@code FileChannel}, read without copies. */
    default java.nio.channels.ReadableByteChannel openChannel() throws IOException {
        return java.nio.channels.Channels.newChannel(open());
    }

    /**
     * The same source with another size, as a {@code size=} spec keyword sets it: the writer
     * reads exactly {@code newSize} bytes and fails if the source holds fewer.
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

    /** The contents of a host file; its size is read now. */
    static FileContent of(Path path) throws IOException {
        return of(path, Files.size(path));
    }

    /** The first {@code size} bytes of a host file (reading fewer is an error at write time). */
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

    /** Bytes held in memory (copied). */
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
