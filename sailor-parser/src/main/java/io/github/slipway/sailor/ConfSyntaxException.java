package io.github.slipway.sailor;

/**
 * Shell text sailor's {@code /bin/sh} would reject or that slipway does not interpret: an
 * unterminated quote or <code>${</code>, a NUL byte, an operator such as {@code |}, a command other
 * than an assignment, {@code .}, {@code source}, {@code :}, {@code export} or {@code unset}.
 *
 * <pre>{@code
 * // shipbins="/bin/sh      (no closing quote)
 * e.getMessage();  // "x.conf:1:10: unterminated double quote"
 * }</pre>
 */
public final class ConfSyntaxException extends ConfException {
    private static final long serialVersionUID = 1L;

    /**
     * A syntax error at {@code position}.
     *
     * @param position where the offending text starts
     * @param reason   what is wrong
     */
    public ConfSyntaxException(SourcePosition position, String reason) {
        super(position, reason);
    }
}
