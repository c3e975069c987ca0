package io.github.slipway.ffs.internal.mtree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileFlagsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "none|0", "uchg|2", "uchange|2", "uimmutable|2", "uappnd|4", "uappend|4", "nodump|1",
        "opaque|8", "arch|65536", "archived|65536", "schg|131072", "schange|131072",
        "simmutable|131072", "sappnd|262144", "sappend|262144", "dump|0", "nouchg|0",
        "uchg,nouchg|0", "nodump,dump|0", "dump,nodump|1", "nonodump|0", "uchg,schg,nodump|131075",
        "uchg,,opaque|10",
    })
    void parse(String text, int bits) {
        assertThat(FileFlags.parse(text)).isEqualTo(bits);
    }

    @Test
    void unknown() {
        assertThatThrownBy(() -> FileFlags.parse("uchg,sparkly")).hasMessage("invalid flag `sparkly'");
        assertThatThrownBy(() -> FileFlags.parse("no")).hasMessage("invalid flag `no'");
        assertThatThrownBy(() -> FileFlags.parse("snap")).hasMessage("invalid flag `snap'");
    }

    @Test
    void formatLikeFlagsToString() {
        assertThat(FileFlags.format(0)).isEqualTo("none");
        assertThat(FileFlags.format(FileFlags.UF_NODUMP | FileFlags.UF_IMMUTABLE | FileFlags.SF_IMMUTABLE))
                .isEqualTo("uchg,nodump,schg");
        assertThat(FileFlags.format(0x4000f | 0x30000)).isEqualTo("uappnd,uchg,nodump,opaque,sappnd,arch,schg");
        assertThatThrownBy(() -> FileFlags.format(0x100)).hasMessage("flags 0x100 have no names");
        int all = 0x4000f | 0x30000;
        assertThat(FileFlags.parse(FileFlags.format(all))).isEqualTo(all);
    }
}
