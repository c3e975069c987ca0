package io.github.slipway.sailor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where something was read: a file, a 1-based line and a 1-based column.
 *
 * <pre>{@code
 * SourcePosition at = new SourcePosition(Path.of("nginx.conf"), 12, 5);
 * at.toString(); // "nginx.conf:12:5"
 * }</pre>
 *
 * @param file   the file as the caller named it (or as an include resolved it)
 * @param line   1-based line number
 * @param column 1-based column, counted in characters
 */
public record SourcePosition(Path file, int line, int column) {
    /**
     * Checks the position.
     *
     * @param file the file as the caller named it (or as an include resolved it)
     * @param line 1-based line number
     * @param column 1-based column, counted in characters
     */
    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
        if (column < 1) {
            throw new IllegalArgumentException("column must be >= 1: " + column);
        }
    }

    /** {@code file:line:column}, the form compilers and editors understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
