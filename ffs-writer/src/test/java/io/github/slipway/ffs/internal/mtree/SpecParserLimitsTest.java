package io.github.slipway.ffs.internal.mtree;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.slipway.ffs.MtreeFormatException;
import io.github.slipway.ffs.UserDatabase;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SpecParserLimitsTest {
    static void fails(String text, SpecParser.Limits limits, String message) {
        assertThatThrownBy(() -> SpecParser.parse(new StringReader(text), "l.spec", UserDatabase.netbsd(), 022, limits))
                .isInstanceOf(MtreeFormatException.class).hasMessage(message);
    }

    @Test
    void entryCount() {
        fails(". type=dir\na type=file\nb type=file\nc type=file\n", new SpecParser.Limits(100, 3, 100, 1000),
                "l.spec:4: more than 3 entries");
    }

    @Test
    void pathLengthFromDeepRelativeEntries() {
        fails(". type=dir\n" + "abcd type=dir\n".repeat(10), new SpecParser.Limits(100, 100, 30, 100_000),
                "l.spec:7: path longer than 30 characters");
    }

    @Test
    void totalPathChars() {
        fails(". type=dir\n" + "abcdefgh type=file\n".repeat(10), new SpecParser.Limits(100, 100, 100, 50),
                "l.spec:6: spec too large: paths over 50 characters");
    }

    @Test
    void lineLength() {
        fails(". type=dir\n" + "x".repeat(101) + "\n", new SpecParser.Limits(100, 100, 100, 1000),
                "l.spec:2: line longer than 100 characters");
    }
}
