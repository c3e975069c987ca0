package io.github.slipway.sailor.internal;

import io.github.slipway.sailor.ConfException;
import io.github.slipway.sailor.ConfLimits;
import io.github.slipway.sailor.ConfSyntaxException;
import io.github.slipway.sailor.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The decoded text of one conf (or of a piece of one, such as a {@code $(...)} body or a
 * {@code run_at_*} line sailor re-evaluates), with the map from character offsets to positions.
 */
public final class ConfText {
    private final Path file;
    private final String text;
    private final int[] lineStarts;
    private final int baseLine;
    private final int baseColumn;

    private ConfText(Path file, String text, int baseLine, int baseColumn) {
        this.file = file;
        this.text = text;
        this.baseLine = baseLine;
        this.baseColumn = baseColumn;
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        int[] starts = new int[n];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        this.lineStarts = starts;
    }

    /** Text that stands at {@code at} in {@code at.file()} (a fragment of a bigger file). */
    public static ConfText fragment(String text, SourcePosition at) {
        return new ConfText(at.file(), text, at.line(), at.column());
    }

    /**
     * Reads a whole file within the limits: a regular file, at most {@code maxFileBytes}, lines at
     * most {@code maxLineBytes}, no NUL byte, valid UTF-8.
     *
     * @param file     the file
     * @param limits   the bounds
     * @param notFound where to blame a file that cannot be opened (the include line), or null
     *                 to blame the file itself
     */
    public static ConfText read(Path file, ConfLimits limits, SourcePosition notFound) throws ConfException {
        SourcePosition top = notFound != null ? notFound : new SourcePosition(file, 1, 1);
        String what = notFound != null ? "cannot read include " + file + ": " : "cannot read: ";
        if (!Files.exists(file)) {
            throw new ConfException(top, what + "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfException(top, what + "not a regular file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limits.maxFileBytes() + 1);
        } catch (NoSuchFileException e) {
            throw new ConfException(top, what + "no such file");
        } catch (AccessDeniedException e) {
            throw new ConfException(top, what + "permission denied");
        } catch (IOException e) {
            throw new ConfException(top, what + e.getMessage());
        }
        return decode(file, bytes, limits);
    }

    /** Checks and decodes {@code bytes} as the contents of {@code file}. */
    public static ConfText decode(Path file, byte[] bytes, ConfLimits limits) throws ConfException {
        int line = 1;
        int lineStart = 0;
        int limit = Math.min(bytes.length, limits.maxFileBytes() + 1);
        for (int i = 0; i < limit; i++) {
            byte b = bytes[i];
            if (i - lineStart >= limits.maxLineBytes() && b != '\n') {
                throw new ConfSyntaxException(new SourcePosition(file, line, column(bytes, lineStart, i)),
                        "line longer than " + limits.maxLineBytes() + " bytes");
            }
            if (i >= limits.maxFileBytes()) {
                throw new ConfException(new SourcePosition(file, line, column(bytes, lineStart, i)),
                        "file larger than " + limits.maxFileBytes() + " bytes");
            }
            if (b == 0) {
                throw new ConfSyntaxException(new SourcePosition(file, line, column(bytes, lineStart, i)),
                        "NUL byte (a conf is text; sh would drop or stop at it)");
            }
            if (b == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, limit);
        CharBuffer out = CharBuffer.allocate(limit + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            int ln = 1;
            int ls = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    ln++;
                    ls = i + 1;
                }
            }
            throw new ConfSyntaxException(new SourcePosition(file, ln, column(bytes, ls, bad)),
                    String.format("invalid UTF-8 byte 0x%02x", bytes[bad] & 0xff));
        }
        dec.flush(out);
        out.flip();
        return new ConfText(file, out.toString(), 1, 1);
    }

    /** 1-based column of byte {@code at} in a line starting at {@code lineStart}, in characters. */
    private static int column(byte[] bytes, int lineStart, int at) {
        int col = 1;
        for (int i = lineStart; i < at; i++) {
            if ((bytes[i] & 0xc0) != 0x80) {
                col++;
            }
        }
        return col;
    }

    /** The file this text belongs to. */
    public Path file() {
        return file;
    }

    /** The characters. */
    public String text() {
        return text;
    }

    /** Whether 1-based line {@code line} (of this text, not counting a base) starts with {@code prefix}. */
    public boolean lineStartsWith(int line, String prefix) {
        return line >= 1 && line <= lineStarts.length && text.startsWith(prefix, lineStarts[line - 1]);
    }

    /** The position of character {@code offset} (the end of the text is a valid offset). */
    public SourcePosition at(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int idx = Arrays.binarySearch(lineStarts, o);
        int li = idx >= 0 ? idx : -idx - 2;
        int col = o - lineStarts[li] + 1;
        if (li == 0) {
            col += baseColumn - 1;
        }
        return new SourcePosition(file, baseLine + li, col);
    }
}
