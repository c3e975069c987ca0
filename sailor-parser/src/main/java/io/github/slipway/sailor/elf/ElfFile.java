package io.github.slipway.sailor.elf;

import io.github.slipway.sailor.elf.internal.ElfParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An ELF object as a dynamic loader sees it: header, program headers, interpreter, the
 * {@code DT_NEEDED}/{@code DT_SONAME}/{@code DT_RPATH}/{@code DT_RUNPATH} strings and the notes.
 * ELF32 and ELF64, both byte orders, any machine. Nothing outside the file is read and every
 * offset is checked; sections are not used (loaders do not need them).
 *
 * <pre>{@code
 * ElfFile elf = ElfFile.open(Path.of("/usr/bin/ls"));
 * elf.interpreter();   // Optional[/lib64/ld-linux-x86-64.so.2]
 * elf.needed();        // [libselinux.so.1, libc.so.6]
 * elf.netbsdVersion(); // OptionalLong.empty, or 1000000000 for a NetBSD 10.0 binary
 * }</pre>
 */
public final class ElfFile {
    private final String name;
    private final ElfParser.Result r;

    private ElfFile(String name, ElfParser.Result r) {
        this.name = name;
        this.r = r;
    }

    /**
     * Reads an ELF file.
     *
     * @param file the file; its string form names it in errors
     * @throws ElfFormatException if the file is not a well-formed ELF object
     * @throws IOException        if it cannot be read
     * @return the parsed file
     */
    public static ElfFile open(Path file) throws IOException {
        return open(file, file.toString());
    }

    /**
     * Reads an ELF file, naming it {@code name} in errors (a path inside a sysroot, say).
     *
     * @param file the file to read
     * @param name how errors name the file
     * @throws ElfFormatException if the file is not a well-formed ELF object
     * @throws IOException        if it cannot be read
     * @return the parsed file
     */
    public static ElfFile open(Path file, String name) throws IOException {
        return from(map(file, name), name);
    }

    /**
     * Reads an ELF object from a channel (from offset 0, whatever the channel's position), naming
     * it {@code name} in errors. The whole object is read into memory, so the channel's size is
     * checked first (2 GiB at most).
     *
     * @param channel the object's bytes
     * @param name    the name for errors
     * @return the object
     * @throws ElfFormatException if the bytes are not a well-formed ELF object
     * @throws IOException        if the channel cannot be read
     */
    public static ElfFile read(SeekableByteChannel channel, String name) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new ElfFormatException(name, -1, "file of " + size + " bytes is too large to read (2 GiB at most)");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        channel.position(0);
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                break; // shrank while reading: parse what is there
            }
        }
        b.flip();
        return from(b, name);
    }

    /**
     * Decodes ELF bytes from position 0 to the limit of {@code bytes} (the buffer is not changed).
     *
     * @param bytes the file's bytes, from position 0 to the limit
     * @throws ElfFormatException if the bytes are not a well-formed ELF object
     * @return the parsed file
     */
    public static ElfFile from(ByteBuffer bytes) throws ElfFormatException {
        return from(bytes, "<bytes>");
    }

    /**
     * Decodes ELF bytes, naming them {@code name} in errors.
     *
     * @param bytes the file's bytes, from position 0 to the limit
     * @param name how errors name the bytes
     * @throws ElfFormatException if the bytes are not a well-formed ELF object
     * @return the parsed file
     */
    public static ElfFile from(ByteBuffer bytes, String name) throws ElfFormatException {
        return new ElfFile(name, ElfParser.parse(bytes, name));
    }

    /**
     * {@return whether the file starts with the ELF magic {@code \x7fELF} (reads at most 4 bytes)}
     *
     * @param file the file to look at
     * @throws IOException if it cannot be read
     */
    public static boolean hasElfMagic(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(4);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // read up to 4 bytes
            }
            b.flip();
            return ElfParser.hasMagic(b);
        }
    }

    static ByteBuffer map(Path file, String name) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new ElfFormatException(name, -1, "file of " + size + " bytes is too large to read (2 GiB at most)");
            }
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
    }

    /** {@return the name used in errors} */
    public String name() {
        return name;
    }

    /** {@return the file header} */
    public ElfHeader header() {
        return r.header();
    }

    /** {@return the program headers in file order} */
    public List<ProgramHeader> programHeaders() {
        return r.programHeaders();
    }

    /** {@return the {@code PT_INTERP} path, if the object names a program interpreter} */
    public Optional<String> interpreter() {
        return r.interpreter();
    }

    /** {@return whether the object has a {@code PT_DYNAMIC} segment (it is linked dynamically)} */
    public boolean isDynamic() {
        return r.hasDynamic();
    }

    /** {@return the dynamic entries up to (not including) {@code DT_NULL}; counted by {@code p_filesz / entsize}} */
    public List<DynamicEntry> dynamicEntries() {
        return r.dynamicEntries();
    }

    /** {@return the {@code DT_NEEDED} names in order} */
    public List<String> needed() {
        return r.needed();
    }

    /** {@return {@code DT_SONAME}, if present} */
    public Optional<String> soname() {
        return r.soname();
    }

    /** {@return {@code DT_RPATH}, if present (the raw string, {@code $ORIGIN} unexpanded)} */
    public Optional<String> rpath() {
        return r.rpath();
    }

    /** {@return {@code DT_RUNPATH}, if present (the raw string)} */
    public Optional<String> runpath() {
        return r.runpath();
    }

    /** {@return {@code DT_FLAGS_1}, 0 if absent} */
    public long flags1() {
        return r.flags1();
    }

    /** {@return the notes of every {@code PT_NOTE} segment, in file order} */
    public List<ElfNote> notes() {
        return r.notes();
    }

    /**
     * {@return the version word of the NetBSD ident note ({@code __NetBSD_Version__}, e.g. 1000000000), if present}
     */
    public OptionalLong netbsdVersion() {
        for (ElfNote n : r.notes()) {
            if (n.isNetbsdIdent()) {
                return n.descWord(0);
            }
        }
        return OptionalLong.empty();
    }

    /** {@return the GNU ABI tag as {@code [os, major, minor, patch]} (os 0 is Linux), if present} */
    public Optional<long[]> gnuAbiTag() {
        for (ElfNote n : r.notes()) {
            if (n.isGnuAbiTag()) {
                long[] v = new long[4];
                for (int i = 0; i < 4; i++) {
                    v[i] = n.descWord(i).orElseThrow();
                }
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ElfFile[" + name + ", class " + r.header().eiClass() + ", machine " + r.header().eMachine() + "]";
    }
}
