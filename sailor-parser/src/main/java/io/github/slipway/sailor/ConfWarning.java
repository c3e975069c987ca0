package io.github.slipway.sailor;

import java.util.Objects;

/**
 * Something sailor would silently get wrong or ignore: an unknown key, an unset variable, a
 * {@code run_at_*} line sailor never runs, a missing host file.
 *
 * <pre>{@code
 * for (ConfWarning w : reader.lint(Path.of("nginx.conf"))) {
 *     System.out.println(w);   // nginx.conf:4: warning: HOME is unset (expands to an empty string)
 * }
 * }</pre>
 *
 * @param position where the cause is (the column is kept but not printed)
 * @param message  what sailor would do, in one line
 */
public record ConfWarning(SourcePosition position, String message) {
    /**
     * Checks that nothing is null.
     *
     * @param position where the cause is (the column is kept but not printed)
     * @param message what sailor would do, in one line
     */
    public ConfWarning {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: warning: message}, the form compilers use. */
    @Override
    public String toString() {
        return position.file() + ":" + position.line() + ": warning: " + message;
    }
}
