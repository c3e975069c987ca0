package io.github.slipway.ffs.internal.mtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VisTest {
    static Stream<Arguments> escapes() {
        return Stream.of(
                arguments("plain", "plain"),
                arguments("a\\040b", "a b"),
                arguments("a\\sb", "a b"),
                arguments("a\\\\b", "a\\b"),
                arguments("\\1", "\u0001"),
                arguments("\\12", "\n"),
                arguments("\\0401", " 1"),
                arguments("\\0", "\u0000"),
                arguments("a\\nb", "a\nb"),
                arguments("a\\rb", "a\rb"),
                arguments("a\\bb", "a\bb"),
                arguments("a\\ab", "a\u0007b"),
                arguments("a\\vb", "a\u000bb"),
                arguments("a\\tb", "a\tb"),
                arguments("a\\fb", "a\fb"),
                arguments("a\\Eb", "a\u001bb"),
                arguments("\\^A", "\u0001"),
                arguments("\\^?", "\u007f"),
                arguments("\\^[", "\u001b"),
                arguments("\\M-C\\M-)", "\u00e9"),
                arguments("\\M-\u00e9", "\u00e9"),
                arguments("\\303\\251", "\u00e9"),
                arguments("\\xc3\\xa9", "\u00e9"),
                arguments("\\x41B", "AB"),
                arguments("\\x4", "\u0004"),
                arguments("a\\$b", "ab"),
                arguments("\\#", "#"),
                arguments("\\=", "="),
                arguments("caf\u00e9", "caf\u00e9"));
    }

    @ParameterizedTest
    @MethodSource("escapes")
    void unvis(String encoded, String decoded) {
        assertThat(Vis.unvis(encoded)).isEqualTo(decoded);
    }

    @Test
    void hiddenNewline() {
        assertThat(Vis.unvis("a\\\nb")).isEqualTo("ab");
    }

    @Test
    void metaControlOfAscii() {
        // \M^A is 0x81: not UTF-8 on its own, but fine as the second byte of a sequence
        assertThat(Vis.unvis("\\M-C\\M^A")).isEqualTo(new String(new byte[] {(byte) 0xc3, (byte) 0x81},
                StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a\\|backslash at the end",
        "\\M|incomplete \\M escape",
        "\\M-|incomplete \\M escape",
        "\\Mx1|bad escape \\Mx",
        "\\^|incomplete \\^ escape",
        "\\xg|\\x without hex digits",
        "\\M-a|decodes to bytes that are not UTF-8",
        "\\377|decodes to bytes that are not UTF-8",
    })
    void badEscapes(String encoded, String message) {
        assertThatThrownBy(() -> Vis.unvis(encoded)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void controlAfterBackslashIsBad() {
        assertThatThrownBy(() -> Vis.unvis("\\\u0001")).hasMessage("bad escape: \\ then byte 0x01");
        assertThatThrownBy(() -> Vis.unvis("\\ ")).hasMessage("bad escape: \\ then byte 0x20");
    }

    @Test
    void visEscapesWhatMtreeWouldSplitOn() {
        assertThat(Vis.vis("a b\tc\nd\\e#f")).isEqualTo("a\\040b\\011c\\012d\\\\e\\043f");
        assertThat(Vis.vis("caf\u00e9")).isEqualTo("caf\\303\\251");
        assertThat(Vis.vis("\u007f")).isEqualTo("\\177");
        assertThat(Vis.vis("x=y*?[]~")).isEqualTo("x=y*?[]~");
    }

    @Test
    void randomRoundTrips() {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        for (int n = 0; n < 2000; n++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(12);
            for (int i = 0; i < len; i++) {
                int kind = r.nextInt(4);
                b.appendCodePoint(switch (kind) {
                    case 0 -> 1 + r.nextInt(127);
                    case 1 -> 0x80 + r.nextInt(0x780);
                    case 2 -> 0x800 + r.nextInt(0xd000 - 0x800);
                    default -> 0x10000 + r.nextInt(0x1000);
                });
            }
            String s = b.toString();
            String v = Vis.vis(s);
            assertThat(v).as("seed %d: %s", seed, s).doesNotContain(" ", "\t", "\n", "#");
            assertThat(Vis.unvis(v)).as("seed %d", seed).isEqualTo(s);
        }
    }
}
