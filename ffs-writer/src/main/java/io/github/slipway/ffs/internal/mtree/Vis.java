package io.github.slipway.ffs.internal.mtree;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * vis(3) and strunvis(3) as mtree uses them for names and link targets.
 *
 * <p>Decoding accepts what NetBSD's unvis(3) does: {@code \\}, one to three octal digits,
 * {@code \M-x} (meta), {@code \^x} and {@code \M^x} (control, {@code \^?} is DEL), the C escapes
 * {@code \n \r \b \a \v \t \f}, {@code \s} (space), {@code \E} (escape), {@code \xHH} (one or two
 * hex digits), {@code \$} and backslash-newline (hidden, produce nothing), and a backslash before
 * any other printable ASCII char (that char). The result is UTF-8 decoded.
 *
 * <p>Encoding writes every byte outside printable ASCII, space, tab, newline, {@code \} and
 * {@code #} as a three-digit octal escape ({@code \040}), which every unvis(3) reads back.
 */
public final class Vis {
    private Vis() {}

    /**
     * Decodes a vis-encoded string.
     *
     * @throws IllegalArgumentException naming the bad escape, or bytes that are not UTF-8
     */
    public static String unvis(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '\\') {
                    j++;
                }
                out.writeBytes(s.substring(i, j).getBytes(StandardCharsets.UTF_8));
                i = j;
                continue;
            }
            if (i + 1 >= n) {
                throw new IllegalArgumentException("backslash at the end");
            }
            char e = s.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\\' -> out.write('\\');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < n && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                        v = v * 8 + (s.charAt(i) - '0');
                        i++;
                    }
                    out.write(v & 0xff);
                }
                case 'M' -> {
                    if (i >= n) {
                        throw new IllegalArgumentException("incomplete \\M escape");
                    }
                    char m = s.charAt(i++);
                    if (m == '-') {
                        if (i >= n) {
                            throw new IllegalArgumentException("incomplete \\M- escape");
                        }
                        out.write((byteOf(s.charAt(i++)) | 0200) & 0xff);
                    } else if (m == '^') {
                        if (i >= n) {
                            throw new IllegalArgumentException("incomplete \\M^ escape");
                        }
                        out.write(control(s.charAt(i++)) | 0200);
                    } else {
                        throw new IllegalArgumentException("bad escape \\M" + m);
                    }
                }
                case '^' -> {
                    if (i >= n) {
                        throw new IllegalArgumentException("incomplete \\^ escape");
                    }
                    out.write(control(s.charAt(i++)));
                }
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 'b' -> out.write('\b');
                case 'a' -> out.write(007);
                case 'v' -> out.write(013);
                case 't' -> out.write('\t');
                case 'f' -> out.write('\f');
                case 's' -> out.write(' ');
                case 'E' -> out.write(033);
                case 'x' -> {
                    int v = 0;
                    int digits = 0;
                    while (digits < 2 && i < n && Character.digit(s.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(i), 16);
                        i++;
                        digits++;
                    }
                    if (digits == 0) {
                        throw new IllegalArgumentException("\\x without hex digits");
                    }
                    out.write(v);
                }
                case '\n', '$' -> {
                    // hidden newline and hidden marker: produce nothing
                }
                default -> {
                    if (e > ' ' && e < 0177) {
                        out.write(e);
                    } else {
                        throw new IllegalArgumentException(String.format("bad escape \\ followed by U+%04X", (int) e));
                    }
                }
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException ex) {
            throw new IllegalArgumentException("decodes to bytes that are not UTF-8");
        }
    }

    private static int byteOf(char c) {
        if (c > 0xff) {
            throw new IllegalArgumentException(String.format("bad escape operand U+%04X", (int) c));
        }
        return c;
    }

    private static int control(char c) {
        return c == '?' ? 0177 : byteOf(c) & 037;
    }

    /** Encodes {@code s} (as UTF-8) so that mtree reads it back as one whitespace-free token. */
    public static String vis(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int v = b & 0xff;
            if (v == '\\') {
                out.append("\\\\");
            } else if (v <= ' ' || v >= 0177 || v == '#') {
                out.append('\\')
                        .append((char) ('0' + (v >> 6)))
                        .append((char) ('0' + ((v >> 3) & 7)))
                        .append((char) ('0' + (v & 7)));
            } else {
                out.append((char) v);
            }
        }
        return out.toString();
    }
}
