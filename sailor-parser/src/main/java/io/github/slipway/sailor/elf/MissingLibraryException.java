package io.github.slipway.sailor.elf;

import java.io.IOException;
import java.util.List;

/**
 * A library that the loader would not find: its message names the chain of objects that needed it
 * and where it was looked for,
 * {@code /usr/bin/nc -> libutil.so.7: not found in /usr/lib (RPATH: none)}.
 *
 * <pre>{@code
 * try {
 *     resolver.resolve(List.of("/usr/bin/nc"));
 * } catch (MissingLibraryException e) {
 *     e.missing().name();   // libutil.so.7
 *     e.path();             // /usr/bin/nc, the first object of the chain
 * }
 * }</pre>
 */
public final class MissingLibraryException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient MissingLibrary missing;

    /**
     * An exception for one missing library.
     *
     * @param missing what is missing, who needed it and where it was looked for
     */
    public MissingLibraryException(MissingLibrary missing) {
        super(missing.message());
        this.missing = missing;
    }

    /** {@return what is missing, who needed it and where it was looked for} */
    public MissingLibrary missing() {
        return missing;
    }

    /** {@return the requested file at the start of the chain, inside the sysroot} */
    public String path() {
        List<String> chain = missing.chain();
        return chain.isEmpty() ? missing.name() : chain.get(0);
    }
}
