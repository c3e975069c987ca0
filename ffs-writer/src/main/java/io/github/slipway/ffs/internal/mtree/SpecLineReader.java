package io.github.slipway.ffs.internal.mtree;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/**
 * Reads logical lines the way mtree's spec.c does with
 * {@code fparseln(fp, NULL, &lineno, NULL, FPARSELN_UNESCCOMM)}: {@code #} starts a comment
 * unless escaped by a backslash, a line ending in an unescaped backslash continues on the next
 * one, and {@code \#} becomes {@code #}. Other backslash escapes are left for unvis(3).
 */
public final class SpecLineReader {
    /** A logical line: its text and the physical line it starts on (1-based). */
    public record Line(String text, int number) {}

    private final Reader in;
    private final int maxLength;
    private int physical;
    private boolean eof;

    /**
     * @param in the spec text
     * @param maxLength the longest logical line accepted, in chars
     */
    public SpecLineReader(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** Thrown for a logical line over the bound, or bytes that are not in the reader's charset. */
    public static final class BadLineException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;

        /**
         * @param line the physical line at fault
         * @param what what is wrong
         */
        public BadLineException(int line, String what) {
            super(what);
            this.line = line;
        }

        /** The physical line at fault. */
        public int line() {
            return line;
        }
    }

    /**
     * The next logical line, or {@code null} at the end of input. Lines holding only a
     * comment are skipped; blank lines are returned (as empty or blank text).
     */
    public Line next() throws IOException {
        StringBuilder logical = null;
        int start = 0;
        while (true) {
            StringBuilder phys = readPhysical();
            if (phys == null) {
                if (logical == null) {
                    return null;
                }
                return new Line(unescapeComments(logical), start);
            }
            if (logical == null) {
                start = physical;
            }
            int len = phys.length();
            boolean commented = false;
            for (int i = 0; i < len; i++) {
                if (phys.charAt(i) == '#' && !isEscaped(phys, i)) {
                    len = i;
                    commented = true;
                    break;
                }
            }
            if (commented && len == 0 && logical == null) {
                continue; // a comment-only line: fparseln skips it
            }
            boolean continued = len > 0 && phys.charAt(len - 1) == '\\' && !isEscaped(phys, len - 1);
            if (continued) {
                len--;
            }
            if (logical == null) {
                logical = new StringBuilder(len);
            }
            if (logical.length() + len > maxLength) {
                throw new BadLineException(start, "line longer than " + maxLength + " characters");
            }
            logical.append(phys, 0, len);
            if (!continued) {
                return new Line(unescapeComments(logical), start);
            }
        }
    }

    /** Whether the char at {@code i} follows an odd number of backslashes. */
    private static boolean isEscaped(CharSequence s, int i) {
        int n = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            n++;
        }
        return (n & 1) == 1;
    }

    /** FPARSELN_UNESCCOMM: {@code \#} becomes {@code #}; every other pair stays as it is. */
    private static String unescapeComments(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(i + 1);
                if (d != '#') {
                    out.append(c);
                }
                out.append(d);
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One physical line without its newline, or null at EOF; bounded by maxLength. */
    private StringBuilder readPhysical() throws IOException {
        if (eof) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        while (true) {
            int c;
            try {
                c = in.read();
            } catch (CharacterCodingException e) {
                throw new BadLineException(physical + 1, "not UTF-8 text (" + e.getMessage() + ")");
            }
            if (c < 0) {
                eof = true;
                if (b.length() == 0) {
                    return null;
                }
                physical++;
                return b;
            }
            if (c == '\n') {
                physical++;
                return b;
            }
            if (b.length() >= maxLength) {
                throw new BadLineException(physical + 1, "line longer than " + maxLength + " characters");
            }
            b.append((char) c);
        }
    }
}
