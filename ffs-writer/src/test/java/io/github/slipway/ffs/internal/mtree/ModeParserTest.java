package io.github.slipway.ffs.internal.mtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values worked out from setmode.c by hand; MtreeMakefsTest checks more against makefs. */
class ModeParserTest {
    @ParameterizedTest
    @CsvSource({
        "0, 0", "644, 0644", "0755, 0755", "7777, 07777", "00004755, 04755",
        "u=rwx, 0700", "a=rx, 0555", "'u=rw,go=r', 0644", "a+r, 0444", "u+s, 04000", "g+s, 02000",
        "o+s, 0", "+t, 01000", "o+t, 0", "'u=rwx,g=u', 0770", "'u=rw,g=u-w', 0640", "+x, 0111",
        "+w, 0200", "=rw, 0644", "u=rwX, 0600", "'ug=rwx,o=', 0770", "a-rwx, 0", "=, 0",
        "'u=rwxs,g=rxs,o=t', 06750", "u+r+w, 0600", "u+rw-w, 0400",
    })
    void modes(String text, String expectedOctal) {
        assertThat(ModeParser.parse(text, 022)).isEqualTo(Integer.parseInt(expectedOctal, 8));
    }

    @ParameterizedTest
    @CsvSource({"+w, 0, 0222", "+w, 022, 0200", "=rwx, 077, 0700", "a+w, 077, 0222"})
    void umaskLimitsClausesWithoutWho(String text, String umask, String expected) {
        assertThat(ModeParser.parse(text, Integer.parseInt(umask, 8))).isEqualTo(Integer.parseInt(expected, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "0x1ed", "10000", "-1", "u", "u=rwz", "u=r,", "rw", "u=r g=r", "", "755 "})
    void bad(String text) {
        assertThatThrownBy(() -> ModeParser.parse(text, 022)).isInstanceOf(IllegalArgumentException.class);
    }
}
