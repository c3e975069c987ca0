package io.github.slipway.ffs;

import java.io.IOException;
import java.util.Optional;

/**
 * An mtree(5) spec, or a {@code master.passwd}/{@code group} file read for it, that cannot be
 * used: an unknown keyword, a bad value, a missing value, an entry makefs could not apply.
 *
 * <p>The message always starts with where: {@code SOURCE:LINE: what}, and names the entry when
 * one is at fault:
 *
 * <pre>{@code
 * try {
 *     MtreeSpec.parse(Path.of("dev.spec"));
 * } catch (MtreeFormatException e) {
 *     // "dev.spec:12: ./dev/null: unknown keyword `colour'"
 *     System.err.println(e.getMessage() + " (line " + e.line() + ")");
 * }
 * }</pre>
 */
public final class MtreeFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The spec file as the caller named it. */
    private final String path;
    /** The 1-based line at fault, or 0 when none applies. */
    private final int line;
    /** The entry (path in the spec) at fault, or empty. */
    private final String entry;

    /**
     * Creates the exception; the message becomes {@code path:line: entry: what} (without the
     * entry part when {@code entry} is empty).
     *
     * @param path the spec (or user database) file as the caller named it
     * @param line the 1-based line number, 0 when no line applies
     * @param entry the spec entry at fault ({@code ./dev/null}), if any
     * @param what what is wrong
     */
    public MtreeFormatException(String path, int line, Optional<String> entry, String what) {
        super(path + ":" + line + ": " + entry.map(e -> e + ": ").orElse("") + what);
        this.path = path;
        this.line = line;
        this.entry = entry.orElse(null);
    }

    /** {@return the spec (or user database) file at fault, as its reader was told to name it} */
    public String path() {
        return path;
    }

    /** {@return the 1-based line at fault (the first physical line of a continued line), or 0} */
    public int line() {
        return line;
    }

    /** {@return the normalized path of the entry at fault ({@code ./dev/null}), if one is} */
    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }
}
