package io.github.slipway.rc.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Checks that a piece of the user's own shell code ({@code run_at_start}, {@code run_at_stop})
 * ends where it starts, so that pasting it verbatim into {@code /etc/rc} cannot swallow the
 * lines that follow it.
 *
 * <p>The code is the user's and is not judged: the check is only about the lexical frame of
 * XCU 2.2–2.6. It refuses what would run on past the end of the snippet: an unterminated
 * {@code '...'}, {@code "..."}, {@code `...`}, {@code $(...)}, {@code $((...))} or
 * {@code ${...}}, a trailing backslash (a line continuation into the next rc line), and
 * here-documents (their body would be the next rc lines). NUL and control characters other than
 * tab and newline are refused too. Anything it lets through that is still not valid sh is a
 * syntax error of that snippet, which {@code dash -n} reports.
 */
public final class ShellSnippet {
    private ShellSnippet() {
    }

    /** What keeps {@code code} from being a self-contained piece of sh, if anything. */
    public static Optional<String> check(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
                return Optional.of(String.format("control character \\u%04x at index %d", (int) c, i));
            }
        }
        // contexts: '"' double quotes, '`' backquotes, '(' command substitution or subshell
        // nesting, '{' parameter expansion, 'A' arithmetic expansion
        Deque<Character> stack = new ArrayDeque<>();
        Deque<Integer> opened = new ArrayDeque<>();
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            char ctx = stack.isEmpty() ? 'T' : stack.peek();
            if (c == '\\') {
                if (i + 1 >= n) {
                    return Optional.of("ends with a backslash, which would continue into the next line of /etc/rc");
                }
                i += 2;
                continue;
            }
            if (ctx == '`') {
                if (c == '`') {
                    pop(stack, opened);
                }
                i++;
                continue;
            }
            if (ctx == 'A') {
                if (c == '(') {
                    push(stack, opened, '(', i);
                } else if (c == ')' && i + 1 < n && code.charAt(i + 1) == ')') {
                    pop(stack, opened);
                    i++;
                }
                i++;
                continue;
            }
            if (c == '$' && i + 1 < n && code.charAt(i + 1) == '(') {
                if (i + 2 < n && code.charAt(i + 2) == '(') {
                    push(stack, opened, 'A', i);
                    i += 3;
                } else {
                    push(stack, opened, '(', i);
                    i += 2;
                }
                continue;
            }
            if (c == '$' && i + 1 < n && code.charAt(i + 1) == '{') {
                push(stack, opened, '{', i);
                i += 2;
                continue;
            }
            if (c == '`') {
                push(stack, opened, '`', i);
                i++;
                continue;
            }
            if (ctx == '"') {
                if (c == '"') {
                    pop(stack, opened);
                }
                i++;
                continue;
            }
            // unquoted (top level, inside $(...) or ${...})
            if (c == '\'') {
                int end = code.indexOf('\'', i + 1);
                if (end < 0) {
                    return Optional.of("unterminated single quote at index " + i);
                }
                i = end + 1;
                continue;
            }
            if (c == '"') {
                push(stack, opened, '"', i);
            } else if (c == '}' && ctx == '{') {
                pop(stack, opened);
            } else if (c == '(' && ctx == '(') {
                push(stack, opened, '(', i);
            } else if (c == ')' && ctx == '(') {
                pop(stack, opened);
            } else if (c == '#' && ctx != '{' && (i == 0 || " \t\n;&|()<>".indexOf(code.charAt(i - 1)) >= 0)) {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? n : nl;
                continue;
            } else if (c == '<' && i + 1 < n && code.charAt(i + 1) == '<') {
                return Optional.of("here-document at index " + i
                        + ": its body would be the following lines of /etc/rc");
            }
            i++;
        }
        if (!stack.isEmpty()) {
            return Optional.of("unterminated " + describe(stack.peek()) + " opened at index " + opened.peek());
        }
        return Optional.empty();
    }

    private static void push(Deque<Character> stack, Deque<Integer> opened, char ctx, int at) {
        stack.push(ctx);
        opened.push(at);
    }

    private static void pop(Deque<Character> stack, Deque<Integer> opened) {
        stack.pop();
        opened.pop();
    }

    private static String describe(char ctx) {
        return switch (ctx) {
            case '"' -> "double quote";
            case '`' -> "backquote";
            case '(' -> "$( command substitution";
            case '{' -> "${ parameter expansion";
            default -> "$(( arithmetic expansion";
        };
    }
}
