package io.github.slipway.sailor.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpandTest {
    private static final Map<String, String> V = Map.of("ORIGIN", "/usr/bin", "OSNAME", "NetBSD", "OSREL", "10.0");

    @Test
    void expandsBothFormsAndLeavesUnknownTokens() {
        assertThat(LibraryResolver.expand("$ORIGIN/../lib", V)).isEqualTo("/usr/bin/../lib");
        assertThat(LibraryResolver.expand("${ORIGIN}/x:/l/$OSNAME-${OSREL}", V)).isEqualTo("/usr/bin/x:/l/NetBSD-10.0");
        assertThat(LibraryResolver.expand("$ORIGINAL/$FOO/${OSREL", V)).isEqualTo("$ORIGINAL/$FOO/${OSREL");
        assertThat(LibraryResolver.expand("$", V)).isEqualTo("$");
    }

    @Test
    void netbsdVersionWordsBecomeReleases() {
        assertThat(LibraryResolver.netbsdRelease(1000000000L)).isEqualTo("10.0");
        assertThat(LibraryResolver.netbsdRelease(999001000L)).isEqualTo("9.99.10");
        assertThat(LibraryResolver.netbsdRelease(902000000L)).isEqualTo("9.2");
    }

    @Test
    void normalizeKeepsDotDot() {
        assertThat(LibraryResolver.normalize("//usr/./lib//x/../y/")).isEqualTo("/usr/lib/x/../y");
    }
}
