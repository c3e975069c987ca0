package io.github.slipway.rc.internal;

/**
 * POSIX sh single quoting: inside {@code '...'} every character stands for itself (XCU 2.2.2),
 * so the only character that needs care is {@code '} itself, written {@code '\''}.
 *
 * <p>Values are quoted even where a bare word would do, so that no value's safety depends on
 * its validator alone. NUL cannot appear in a shell script at all and is refused; validators
 * refuse newlines before values get here, so every quoted value stays on one line.
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    /**
     * {@code value} as one sh word that expands to exactly {@code value}.
     *
     * @throws IllegalArgumentException if the value holds a NUL
     */
    public static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("NUL cannot be quoted for sh: " + Values.show(value));
            }
            if (c == '\'') {
                b.append("'\\''");
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    /**
     * {@code text} made safe for a {@code #} comment: anything but printable ASCII becomes
     * {@code ?}, so no value can end the comment line.
     */
    public static String comment(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
