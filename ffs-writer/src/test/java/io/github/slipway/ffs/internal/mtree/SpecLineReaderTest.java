package io.github.slipway.ffs.internal.mtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecLineReaderTest {
    static List<SpecLineReader.Line> lines(String text, int max) throws IOException {
        SpecLineReader r = new SpecLineReader(new StringReader(text), max);
        List<SpecLineReader.Line> out = new ArrayList<>();
        SpecLineReader.Line l;
        while ((l = r.next()) != null) {
            out.add(l);
        }
        return out;
    }

    @Test
    void commentsContinuationsAndNumbers() throws IOException {
        assertThat(lines("""
                # comment only
                a b # trailing
                c \\
                  d \\
                  e
                f\\#g \\\\#h
                \\\\
                x""", 1000)).containsExactly(
                new SpecLineReader.Line("a b ", 2),
                new SpecLineReader.Line("c   d   e", 3),
                new SpecLineReader.Line("f#g \\\\", 6),
                new SpecLineReader.Line("\\\\", 7),
                new SpecLineReader.Line("x", 8));
    }

    @Test
    void continuationAtEofAndBlankLines() throws IOException {
        assertThat(lines("\n\na\\", 100)).containsExactly(
                new SpecLineReader.Line("", 1), new SpecLineReader.Line("", 2), new SpecLineReader.Line("a", 3));
        assertThat(lines("a\\\n# c\nb", 100)).containsExactly(
                new SpecLineReader.Line("a", 1), new SpecLineReader.Line("b", 3));
    }

    @Test
    void boundsLineLength() {
        assertThatThrownBy(() -> lines("ok\n" + "x".repeat(101) + "\n", 100))
                .isInstanceOf(SpecLineReader.BadLineException.class)
                .satisfies(e -> assertThat(((SpecLineReader.BadLineException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> lines("ok\n" + "x\\\n".repeat(101), 100))
                .isInstanceOf(SpecLineReader.BadLineException.class)
                .satisfies(e -> assertThat(((SpecLineReader.BadLineException) e).line()).isEqualTo(2));
    }
}
