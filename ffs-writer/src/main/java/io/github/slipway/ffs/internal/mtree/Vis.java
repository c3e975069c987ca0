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
        // unvis(3) works on bytes: a char outside ASCII is its UTF-8 bytes, and an escape that
        // takes an operand (\M-, \^) applies to the first of them, as C does.
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int i = 0;
        int n = in.length;
        while (i < n) {
            int c = in[i] & 0xff;
            if (c != '\\') {
                out.write(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                throw new IllegalArgumentException("backslash at the end");
            }
            int e = in[i + 1] & 0xff;
            i += 2;
            switch (e) {
                case '\\' -> out.write('\\');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < n && in[i] >= '0' && in[i] <= '7'; k++) {
                        v = v * 8 + (in[i] - '0');
                        i++;
                    }
                    out.write(v & 0xff);
                }
                case 'M' -> {
                    if (i + 1 >= n) {
                        throw new IllegalArgumentException("incomplete \\M escape");
                    }
                    int m = in[i++] & 0xff;
                    int operand = in[i++] & 0xff;
                    if (m == '-') {
                        out.write(operand | 0200);
                    } else if (m == '^') {
                        out.write(control(operand) | 0200);
                    } else {
                        throw new IllegalArgumentException("bad escape \\M" + (char) m);
                    }
                }
                case '^' -> {
                    if (i >= n) {
                        throw new IllegalArgumentException("incomplete \\^ escape");
                    }
                    out.write(control(in[i++] & 0xff));
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
                    while (digits < 2 && i < n && Character.digit(in[i], 16) >= 0) {
                        v = v * 16 + Character.digit(in[i], 16);
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
                        throw new IllegalArgumentException(String.format("bad escape: \\ then byte 0x%02x", e));
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

    private static int control(int c) {
        return c == '?' ? 0177 : c & 037;
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
