package io.github.slipway.sailor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A conf that cannot be read as sailor's {@code /bin/sh} would read it: a missing or oversized
 * file, an include cycle, a command substitution nobody resolves, a value past a limit.
 *
 * <p>The message starts with the position, {@code nginx.conf:12:5: include cycle: ...}, so it
 * can be shown as is.
 *
 * <pre>{@code
 * try {
 *     ConfReader.builder().build().read(Path.of("nginx.conf"));
 * } catch (ConfException e) {
 *     System.err.println("slipway: " + e.getMessage());   // nginx.conf:3:11: ...
 *     e.position().line();                               // 3
 * }
 * }</pre>
 */
public class ConfException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Where the problem is (not serialised: {@link Path} is not serialisable). */
    private final transient SourcePosition position;
    /** What is wrong, without the position. */
    private final String reason;

    /**
     * An error at {@code position}.
     *
     * @param position where the problem is
     * @param reason   what is wrong, without the position
     */
    public ConfException(SourcePosition position, String reason) {
        super(Objects.requireNonNull(position, "position") + ": " + Objects.requireNonNull(reason, "reason"));
        this.position = position;
        this.reason = reason;
    }

    /** {@return where the problem is} */
    public SourcePosition position() {
        return position;
    }

    /** {@return the file at fault} */
    public Path path() {
        return position.file();
    }

    /** {@return 1-based line of the problem} */
    public int line() {
        return position.line();
    }

    /** {@return 1-based column of the problem} */
    public int column() {
        return position.column();
    }

    /** {@return what is wrong, without the position} */
    public String reason() {
        return reason;
    }
}
