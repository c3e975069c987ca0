package io.github.slipway.sailor;

import java.util.List;
import java.util.Objects;

/**
 * A {@code $(...)} or backquoted command found in a conf, handed to a {@link CommandResolver}
 * instead of being run.
 *
 * <pre>{@code
 * // shipbins="$(which uname)"
 * sub.command();   // "which uname"
 * sub.words();     // [which, uname]
 * sub.position();  // nginx.conf:6:11
 * }</pre>
 *
 * @param command  the text between the parentheses (or backquotes), as written
 * @param words    the command's words after expansion when it is one simple command of plain
 *                 words (no operators, redirections or assignments); empty otherwise
 * @param position where the {@code $} (or opening backquote) is
 */
public record CommandSubstitution(String command, List<String> words, SourcePosition position) {
    /**
     * Checks and copies.
     *
     * @param command the text between the parentheses (or backquotes), as written
     * @param words the command's words after expansion when it is one simple command of plain words (no operators, redirections or assignments); empty otherwise
     * @param position where the {@code $} (or opening backquote) is
     */
    public CommandSubstitution {
        Objects.requireNonNull(command, "command");
        words = List.copyOf(words);
        Objects.requireNonNull(position, "position");
    }
}
