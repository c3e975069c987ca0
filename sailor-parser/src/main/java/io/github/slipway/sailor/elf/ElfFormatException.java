package io.github.slipway.sailor.elf;

import java.io.IOException;

/**
 * An ELF file that cannot be read: bad magic, a truncated header, an offset or size that points
 * outside the file, a string without its terminating NUL.
 *
 * <p>The message names the file and, where one applies, the byte offset at fault:
 * {@code /usr/bin/nc @0x40: e_phoff 0x7fffffff + 13 * 56 lies beyond the end of the file (8192 bytes)}.
 *
 * <pre>{@code
 * try {
 *     ElfFile.open(path);
 * } catch (ElfFormatException e) {
 *     System.err.println(e.getMessage());   // one line, names path and offset
 *     e.offset();                            // OptionalLong[64]
 * }
 * }</pre>
 */
public final class ElfFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file as the caller named it. */
    private final String path;
    /** The byte offset at fault, or -1 when none applies. */
    private final long offset;

    /**
     * An error at a byte offset of a file.
     *
     * @param path   the file as the caller named it
     * @param offset the byte offset at fault, or -1 when the error concerns no single offset
     * @param what   what is wrong, without the path
     */
    public ElfFormatException(String path, long offset, String what) {
        super(offset >= 0 ? path + " @0x" + Long.toHexString(offset) + ": " + what : path + ": " + what);
        this.path = path;
        this.offset = offset;
    }

    /** {@return the file as the caller named it (inside the sysroot when the resolver read it)} */
    public String path() {
        return path;
    }

    /** {@return the byte offset at fault, if the error concerns one} */
    public java.util.OptionalLong offset() {
        return offset >= 0 ? java.util.OptionalLong.of(offset) : java.util.OptionalLong.empty();
    }
}
