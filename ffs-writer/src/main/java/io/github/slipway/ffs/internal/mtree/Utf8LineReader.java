package io.github.slipway.ffs.internal.mtree;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Reader over UTF-8 bytes that decodes one line at a time, so that bytes that are not UTF-8,
 * and lines over the bound, are reported with their line number.
 */
final class Utf8LineReader extends Reader {
    private final InputStream in;
    private final int maxBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[8192];
    private int chunkPos;
    private int chunkLen;
    private CharBuffer line = CharBuffer.allocate(0);
    private int lineNo;
    private boolean eof;

    /**
     * @param in the bytes (read in chunks; not closed by this reader)
     * @param maxBytes the longest line accepted, in bytes
     */
    Utf8LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!line.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, line.remaining());
        line.get(cbuf, off, n);
        return n;
    }

    /** Decodes the next line (with its newline); false at the end. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        byte[] buf = new byte[256];
        int len = 0;
        while (true) {
            if (chunkPos == chunkLen) {
                chunkLen = in.read(chunk);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    chunkLen = 0;
                    eof = true;
                    break;
                }
            }
            byte b = chunk[chunkPos++];
            if (len == buf.length) {
                if (len >= maxBytes) {
                    throw new SpecLineReader.BadLineException(lineNo + 1, "line longer than " + maxBytes + " bytes");
                }
                buf = Arrays.copyOf(buf, Math.min(maxBytes, len * 2));
            }
            buf[len++] = b;
            if (b == '\n') {
                break;
            }
        }
        if (len == 0) {
            return false;
        }
        lineNo++;
        try {
            line = decoder.reset().decode(ByteBuffer.wrap(buf, 0, len));
        } catch (CharacterCodingException e) {
            throw new SpecLineReader.BadLineException(lineNo, "not UTF-8 text");
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
